import { en } from './messages/en/index'
import { nl } from './messages/nl/index'
import type { AllMessages, MessageKey } from './messages/types'
import { defaultLocale, type Locale } from './locales'

const catalogs: Record<Locale, AllMessages> = { nl, en }

export type TranslationValues = Record<string, string | number>
export type Translate = (key: MessageKey, values?: TranslationValues) => string

/** Look up 'area.key' and fill `{name}` placeholders. A missing key falls back to Dutch, then the key. */
export function translate(locale: Locale, key: MessageKey, values?: TranslationValues): string {
  const dot = key.indexOf('.')
  const area = key.slice(0, dot) as keyof AllMessages
  const name = key.slice(dot + 1)
  const lookup = (l: Locale) => (catalogs[l][area] as Record<string, string> | undefined)?.[name]
  const template = lookup(locale) ?? lookup(defaultLocale) ?? key
  if (!values) return template
  return template.replace(/\{(\w+)\}/g, (match, field: string) => (field in values ? String(values[field]) : match))
}

export function createTranslator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values)
}
