import type { Locale } from './locales'

/**
 * The Intl locale per language. Arabic with Western digits (0–9, as in Morocco and on Dutch
 * paperwork) and the widely read month names (ديسمبر).
 */
export const intlLocales: Record<Locale, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
}

/** A calendar date as people in that language write it ("3 mrt 2026", "3 Mar 2026"). */
export function formatDate(iso: string, locale: Locale, timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'medium', timeZone }).format(new Date(iso))
}
