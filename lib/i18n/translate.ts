import { ar } from './messages/ar/index'
import { en } from './messages/en/index'
import { nl } from './messages/nl/index'
import { pl } from './messages/pl/index'
import { tr } from './messages/tr/index'
import type { AllMessages, MessageKey } from './messages/types'
import { defaultLocale, type Locale } from './locales'

const catalogs: Record<Locale, AllMessages> = { nl, en, ar, tr, pl }

export type TranslationValues = Record<string, string | number>
export type Translate = (key: MessageKey, values?: TranslationValues) => string

/**
 * Look up 'area.key' and fill `{name}` placeholders. tests/unit/i18n-completeness.test.ts keeps every
 * locale complete, so the fallbacks are a safety net only: a text someone added in Dutch and English
 * before it was translated shows in English to a reader of Arabic, Turkish or Polish (more of them
 * read English than Dutch), then in Dutch, then the key.
 */
export function translate(locale: Locale, key: MessageKey, values?: TranslationValues): string {
  const dot = key.indexOf('.')
  const area = key.slice(0, dot) as keyof AllMessages
  const name = key.slice(dot + 1)
  const lookup = (l: Locale) => (catalogs[l][area] as Record<string, string> | undefined)?.[name]
  const template = lookup(locale) ?? lookup('en') ?? lookup(defaultLocale) ?? key
  if (!values) return template
  return template.replace(/\{(\w+)\}/g, (match, field: string) => (field in values ? String(values[field]) : match))
}

export function createTranslator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values)
}

/** The catalogue of one locale, for the completeness test. */
export function catalogOf(locale: Locale): AllMessages {
  return catalogs[locale]
}
