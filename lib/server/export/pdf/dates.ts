import type { Locale } from '../../../i18n'
import { intlLocales } from '../../../i18n/format'


/** "3 maart 2026": the date as a family writes it, in Dutch time. */
export function longDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso))
}

/** "3 mrt 2026, 14:02". */
export function dateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso))
}

/** "3 maart 2026" for a calendar day "2026-03-03" (no time, no time zone to shift it). */
export function longDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
}
