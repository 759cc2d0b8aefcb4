import { describe, expect, it } from 'vitest'
import { directionOf, locales, type Locale } from '../../lib/i18n'
import { createTranslator } from '../../lib/i18n/catalogs'
import { nl } from '../../lib/i18n/messages/nl/index'
import { catalogOf } from '../../lib/i18n/catalogs'

/**
 * Every language is complete: the same keys as Dutch (the reference), no empty text, and the same
 * placeholders, so no screen falls back to another language and no `{name}` is lost or invented.
 */

type Flat = Map<string, string>

function flatten(catalog: Record<string, Record<string, string>>): Flat {
  const flat: Flat = new Map()
  for (const [area, messages] of Object.entries(catalog)) {
    for (const [key, text] of Object.entries(messages)) flat.set(`${area}.${key}`, text)
  }
  return flat
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
}

const dutch = flatten(nl as unknown as Record<string, Record<string, string>>)
const others = locales.filter((locale) => locale !== 'nl')

/** Texts that are the same in every language: the product name, file formats, the languages' own names. */
const neutral = (key: string) =>
  key === 'common.appName' || key.startsWith('web.language.') || key.startsWith('versions.format.')

describe('translations', () => {
  it('Dutch itself has no empty text', () => {
    for (const [key, text] of dutch) expect(text.trim(), key).not.toBe('')
  })

  describe.each(others)('%s', (locale: Locale) => {
    const catalog = flatten(catalogOf(locale) as unknown as Record<string, Record<string, string>>)

    it('has every Dutch key and no other', () => {
      const missing = [...dutch.keys()].filter((key) => !catalog.has(key))
      const extra = [...catalog.keys()].filter((key) => !dutch.has(key))
      expect(missing, `${locale} lacks these keys`).toEqual([])
      expect(extra, `${locale} has keys Dutch does not`).toEqual([])
    })

    it('has no empty text', () => {
      const empty = [...catalog].filter(([, text]) => text.trim() === '').map(([key]) => key)
      expect(empty).toEqual([])
    })

    it('keeps exactly the Dutch placeholders', () => {
      const wrong = [...dutch]
        .filter(([key, text]) => catalog.has(key) && placeholders(catalog.get(key)!).join() !== placeholders(text).join())
        .map(([key]) => `${key}: ${catalog.get(key)} (Dutch: ${dutch.get(key)})`)
      expect(wrong).toEqual([])
    })

    it('is not Dutch copied over', () => {
      // A word or two may coincide (Turkish "Plan"), whole sentences may not.
      const copied = [...dutch]
        .filter(([key, text]) => !neutral(key) && /\p{L}{3}/u.test(text.replace(/\{\w+\}/g, '')) && text.split(' ').length > 2 && catalog.get(key) === text)
        .map(([key]) => key)
      expect(copied).toEqual([])
    })
  })

  it('writes Arabic in Arabic script, right to left', () => {
    const arabic = flatten(catalogOf('ar') as unknown as Record<string, Record<string, string>>)
    const latinOnly = [...arabic]
      .filter(([key, text]) => !neutral(key) && /[A-Za-z]{3}/.test(text.replace(/\{\w+\}|Kring|QR|PDF/g, '')) === true)
      .filter(([, text]) => !/[\u0600-\u06FF]/.test(text))
      .map(([key]) => key)
    expect(latinOnly).toEqual([])
    expect(directionOf('ar')).toBe('rtl')
    for (const locale of others.filter((l) => l !== 'ar')) expect(directionOf(locale)).toBe('ltr')
    expect(createTranslator('ar')('board.header.phase', { phase: 'التحضير' })).toBe('المرحلة: التحضير')
  })
})
