'use client'

import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { defaultLocale, translatorOf, type AllMessages, type Locale, type Translate } from '@/lib/i18n'

const I18nContext = createContext<{ locale: Locale; t: Translate }>({
  locale: defaultLocale,
  // Outside a provider there is no catalogue: keys show as themselves, which a test would notice.
  t: (key) => key,
})

/**
 * Gives client components the locale chosen on the server (cookie or invitation) and that one
 * language's catalogue, handed down by the server component that renders this: a phone on a bad
 * connection loads one language, not five.
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: AllMessages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translatorOf(messages) }), [locale, messages])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** `const t = useT(); t('board.roster.title')` */
export function useT(): Translate {
  return useContext(I18nContext).t
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale
}
