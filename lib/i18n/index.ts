export { createTranslator, translate, type Translate, type TranslationValues } from './translate'
export { defaultLocale, directionOf, isLocale, locales, LOCALE_COOKIE, pickLocale, type Locale } from './locales'
export type { MessageKey } from './messages/types'
