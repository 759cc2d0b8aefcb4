import { formatDate, intlLocales } from '@/lib/i18n/format'
import type { Locale } from '@/lib/i18n/locales'


/** Date and clock time of a moment, as the people at the table read them (Dutch time, like formatDate). */
export function formatMoment(iso: string, locale: Locale): { date: string; time: string } {
  const time = new Intl.DateTimeFormat(intlLocales[locale], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso))
  return { date: formatDate(iso, locale), time }
}
