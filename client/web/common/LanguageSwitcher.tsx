'use client'

import { usePathname } from 'next/navigation'
import { locales, type Locale } from '@/lib/i18n'
import { useLocale, useT } from '../../i18n/I18nProvider'

/** What each button shows: the language's own short name, so a reader of Arabic finds hers. */
const shortNames: Record<Locale, string> = { nl: 'NL', en: 'EN', ar: 'عربي', tr: 'TR', pl: 'PL' }

/**
 * NL / EN / عربي / TR / PL. A plain form post to /api/locale, so it works on a phone before the page's scripts
 * have loaded; the server sets the cookie and sends the person back to the same page.
 */
export function LanguageSwitcher() {
  const t = useT()
  const current = useLocale()
  const pathname = usePathname() || '/'
  return (
    <form method="post" action="/api/locale" className="language-switcher" aria-label={t('web.language.label')}>
      <input type="hidden" name="returnTo" value={pathname} />
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          title={t(`web.language.${locale}`)}
          className="language-switcher__option"
        >
          <span aria-hidden="true">{shortNames[locale]}</span>
          <span className="visually-hidden">{t(`web.language.${locale}`)}</span>
        </button>
      ))}
    </form>
  )
}
