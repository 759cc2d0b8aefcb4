import { ar } from './messages/ar/index'
import { en } from './messages/en/index'
import { nl } from './messages/nl/index'
import { pl } from './messages/pl/index'
import { tr } from './messages/tr/index'
import type { AllMessages, MessageKey } from './messages/types'
import { defaultLocale, type Locale } from './locales'
import { translatorOf, type Translate, type TranslationValues } from './translator'

/**
 * Every language's catalogue, for the server (pages, exports, messages) and tests. Client code
 * never imports this module (it would ship all five languages to every phone): it gets its reader's
 * catalogue from the server through I18nProvider.
 */
const catalogs: Record<Locale, AllMessages> = { nl, en, ar, tr, pl }

/**
 * The catalogues a reader of `locale` is served from, in order. tests/unit/i18n-completeness.test.ts
 * keeps every locale complete, so the fallbacks are a safety net only: a text someone added in Dutch
 * and English before it was translated shows in English to a reader of Arabic, Turkish or Polish
 * (more of them read English than Dutch), then in Dutch.
 */
function fallbackChain(locale: Locale): AllMessages[] {
  return [...new Set([catalogs[locale], catalogs.en, catalogs[defaultLocale]])]
}

export function createTranslator(locale: Locale): Translate {
  return translatorOf(...fallbackChain(locale))
}

/** Look up 'area.key' in `locale` and fill `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, values?: TranslationValues): string {
  return createTranslator(locale)(key, values)
}

/** The catalogue of one locale: what the server hands a page's I18nProvider, and what the completeness test reads. */
export function catalogOf(locale: Locale): AllMessages {
  return catalogs[locale]
}
