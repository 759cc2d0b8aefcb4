import type { AllMessages, MessageKey } from './messages/types'

export type TranslationValues = Record<string, string | number>
export type Translate = (key: MessageKey, values?: TranslationValues) => string

/**
 * A translator over catalogues held in memory: the first that has the key wins, then the key
 * itself. Browser-safe and catalogue-free: a page gets only its reader's catalogue (passed down by
 * the server, see client/i18n/I18nProvider.tsx), never all five; the server builds its translators
 * from every catalogue in ./catalogs.ts.
 */
export function translatorOf(...catalogs: readonly AllMessages[]): Translate {
  return (key, values) => {
    const dot = key.indexOf('.')
    const area = key.slice(0, dot) as keyof AllMessages
    const name = key.slice(dot + 1)
    let template: string | undefined
    for (const catalog of catalogs) {
      template = (catalog[area] as Record<string, string> | undefined)?.[name]
      if (template !== undefined) break
    }
    template ??= key
    if (!values) return template
    return template.replace(/\{(\w+)\}/g, (match, field: string) => (field in values ? String(values[field]) : match))
  }
}
