/** @jsxImportSource preact */
import { locales, type Locale, type Translate } from '@/lib/i18n'

/** Each language by its own short name, so a reader of Arabic finds hers (as client/web/common/LanguageSwitcher.tsx). */
const shortNames: Record<Locale, string> = { nl: 'NL', en: 'EN', ar: 'عربي', tr: 'TR', pl: 'PL' }

/**
 * The site header of a light document: the same markup and classes as client/web/common/SiteHeader.tsx,
 * rendered on the server only. The language switcher is the same plain form post to /api/locale;
 * signing out goes through next-auth's own page (it needs a CSRF token, and this page has no script).
 */
export function SiteHeaderLight({ t, locale, userName, returnTo }: { t: Translate; locale: Locale; userName: string | null; returnTo: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="site-header__brand" aria-label={t('web.header.home')}>
          <span className="brand-mark" aria-hidden="true" />
          {t('common.appName')}
        </a>
        <div className="site-header__tools">
          <form method="post" action="/api/locale" className="language-switcher" aria-label={t('web.language.label')}>
            <input type="hidden" name="returnTo" value={returnTo} />
            {locales.map((option) => (
              <button
                key={option}
                type="submit"
                name="locale"
                value={option}
                lang={option}
                aria-pressed={option === locale ? 'true' : 'false'}
                title={t(`web.language.${option}`)}
                className="language-switcher__option"
              >
                <span aria-hidden="true">{shortNames[option]}</span>
                <span className="visually-hidden">{t(`web.language.${option}`)}</span>
              </button>
            ))}
          </form>
          {userName !== null ? (
            <div className="site-header__user">
              <span className="site-header__name">{t('web.header.signedInAs', { name: userName })}</span>
              <a href="/api/auth/signout" className="button button--quiet">
                {t('common.signOut')}
              </a>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  )
}
