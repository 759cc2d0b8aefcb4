import type { Locale } from './locales'

/**
 * The Intl locale per language. Arabic with Western digits (0–9, as in Morocco and on Dutch
 * paperwork) and the widely read month names (ديسمبر).
 */
export const intlLocales: Record<Locale, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
  tr: 'tr-TR',
  pl: 'pl-PL',
}

/** The locale Intl formats dates and numbers with for a Kring language (English as written in Europe). */
export function intlLocaleOf(locale: Locale): string {
  return intlLocales[locale]
}

/** A calendar date as people in that language write it ("3 mrt 2026", "3 Mar 2026"). */
export function formatDate(iso: string, locale: Locale, timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'medium', timeZone }).format(new Date(iso))
}

/**
 * A name or free text set inside a translated sentence, isolated (Unicode FSI … PDI) so it runs in
 * its own direction: an Arabic name in a Dutch sentence, or a Dutch name in an Arabic one, keeps
 * its letters and the sentence's punctuation in the right order.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`
}

/** A moment as people in that language write it, to the minute ("3 mrt 2026 19:42"). */
export function formatDateTime(iso: string, locale: Locale, timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))
}
