export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'nl'
export const LOCALE_COOKIE = 'kring_locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/**
 * Dutch unless the person chose another language (the switcher sets a cookie). We do not follow
 * the browser's language: a shared laptop in the room should show the meeting's language.
 */
export function pickLocale(cookieValue: string | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : defaultLocale
}
