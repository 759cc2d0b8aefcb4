import type { Locale } from './locales'

const dateLocales: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' }

/** The locale Intl formats dates and numbers with for a Kring language (English as written in Europe). */
export function intlLocaleOf(locale: Locale): string {
  return dateLocales[locale]
}

/** A calendar date as people in that language write it ("3 mrt 2026", "3 Mar 2026"). */
export function formatDate(iso: string, locale: Locale, timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: 'medium', timeZone }).format(new Date(iso))
}

/** A moment as people in that language write it, to the minute ("3 mrt 2026 19:42"). */
export function formatDateTime(iso: string, locale: Locale, timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))
}
