export const locales = ['nl', 'en', 'ar', 'tr', 'pl'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'nl'
export const LOCALE_COOKIE = 'kring_locale'

/** Languages written right to left: the page gets dir="rtl" and its layout mirrors. */
const rightToLeft: ReadonlySet<Locale> = new Set<Locale>(['ar'])

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr'
}

/**
 * Dutch unless the person chose another language (the switcher or their invitation sets a cookie).
 * We do not follow the browser's language: a shared laptop in the room should show the meeting's
 * language, and a relative's invitation says which language she reads.
 */
export function pickLocale(cookieValue: string | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : defaultLocale
}
