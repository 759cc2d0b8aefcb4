'use client'

import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { createTranslator, defaultLocale, type Locale, type Translate } from '@/lib/i18n'

const I18nContext = createContext<{ locale: Locale; t: Translate }>({
  locale: defaultLocale,
  t: createTranslator(defaultLocale),
})

/** Gives client components the locale chosen on the server (cookie or browser language). */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(locale) }), [locale])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** `const t = useT(); t('board.roster.title')` */
export function useT(): Translate {
  return useContext(I18nContext).t
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale
}
