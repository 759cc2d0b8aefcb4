import type { Locale } from './locales'

const dateLocales: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' }

/** A calendar date as people in that language write it ("3 mrt 2026", "3 Mar 2026"). */
export function formatDate(iso: string, locale: Locale, timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: 'medium', timeZone }).format(new Date(iso))
}
