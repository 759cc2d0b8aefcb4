// Browser-safe: no catalogue is imported here. The server's translators live in ./catalogs.ts.
export { translatorOf, type Translate, type TranslationValues } from './translator'
export { defaultLocale, directionOf, isLocale, locales, LOCALE_COOKIE, pickLocale, type Locale } from './locales'
export type { MessageKey } from './messages/types'
export type { AllMessages } from './messages/types'
