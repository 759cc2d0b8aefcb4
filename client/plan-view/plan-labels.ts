import type { Locale, Translate } from '@/lib/i18n'
import { intlLocales } from '@/lib/i18n/format'
import type { PersonLoad } from '@/lib/plan/checks'

/** The id of an item's element on the plan view, for links from the summary (`#item-…`). */
export function anchorOf(itemId: string): string {
  return `item-${itemId.replace(/^shape:/, '').replace(/[^A-Za-z0-9_-]/g, '_')}`
}

/** A short quote of a longer text, for the summary. */
export function shorten(text: string, max = 60): string {
  const single = text.replace(/\s+/g, ' ').trim()
  return single.length <= max ? single : `${single.slice(0, max - 1).trimEnd()}…`
}

/**
 * A `tel:` link for a number as people type it ("06 12345678", "+31 (0)6-1234 5678"): digits and a
 * leading +, with the Dutch "(0)" trunk prefix left out of international numbers.
 */
export function telHref(phone: string): string | null {
  const trimmed = phone.trim()
  const international = trimmed.startsWith('+') || trimmed.startsWith('00')
  const withoutTrunk = international ? trimmed.replace(/\(0\)/g, '') : trimmed
  const digits = withoutTrunk.replace(/\D/g, '')
  if (digits.length < 3) return null
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`
}


/** "3,5" or "3.5": times per week, one decimal at most. */
export function formatPerWeek(perWeek: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: 1 }).format(perWeek)
}

/**
 * How often, in words: "ongeveer 5 keer per week", plus how many agreements say nothing we can
 * count ("onbekend"), rather than guessing them as once a week.
 */
export function loadFrequencyText(t: Translate, locale: Locale, load: Pick<PersonLoad, 'agreements' | 'perWeek' | 'unknownFrequency'>): string {
  if (load.unknownFrequency >= load.agreements) return t('plan.load.perWeekUnknown')
  const known = t('plan.load.perWeek', { count: formatPerWeek(load.perWeek, locale) })
  if (load.unknownFrequency === 0) return known
  const unknown = load.unknownFrequency === 1 ? t('plan.load.unknownOne') : t('plan.load.unknownMany', { count: load.unknownFrequency })
  return `${known}; ${unknown}`
}
