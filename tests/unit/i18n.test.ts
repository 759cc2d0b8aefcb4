import { describe, expect, it } from 'vitest'
import { pickLocale } from '../../lib/i18n'
import { createTranslator } from '../../lib/i18n/catalogs'
import { en } from '../../lib/i18n/messages/en/index'
import { nl } from '../../lib/i18n/messages/nl/index'

describe('i18n', () => {
  it('speaks Dutch unless another language was chosen', () => {
    expect(pickLocale(undefined)).toBe('nl')
    expect(pickLocale('en')).toBe('en')
    expect(pickLocale('xx')).toBe('nl')
    expect(createTranslator('nl')('common.role.network')).toBe('Netwerk')
    expect(createTranslator('en')('common.role.network')).toBe('Network')
  })

  it('fills placeholders', () => {
    const t = createTranslator('nl')
    expect(t('common.appName', { unused: 1 })).toBe('Kring')
  })

  it('has every Dutch text in English too, none of them empty', () => {
    for (const [area, messages] of Object.entries(nl)) {
      const english = en[area as keyof typeof en] as Record<string, string>
      for (const [key, text] of Object.entries(messages as Record<string, string>)) {
        expect(text.trim(), `nl ${area}.${key}`).not.toBe('')
        expect(english[key]?.trim(), `en ${area}.${key}`).toBeTruthy()
      }
    }
  })
})
