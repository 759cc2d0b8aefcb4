/** @jsxImportSource preact */
import { locales, type Locale, type Translate } from '@/lib/i18n'

/** Who is signed in, and the CSRF token their sign-out form posts (lib/server/web/light/sign-out-csrf.ts). */
export interface SignedInHeader {
  name: string
  signOutCsrfToken: string
}

/** Each language by its own short name, so a reader of Arabic finds hers (as client/web/common/LanguageSwitcher.tsx). */
const shortNames: Record<Locale, string> = { nl: 'NL', en: 'EN', ar: 'عربي', tr: 'TR', pl: 'PL' }

/**
 * The site header of a light document: the same markup and classes as client/web/common/SiteHeader.tsx,
 * rendered on the server only. The language switcher is the same plain form post to /api/locale;
 * signing out is a plain form post to next-auth's /api/auth/signout with its CSRF token
 * (./sign-out-csrf.ts), back to the start page as SignOutButton does: no confirm page, no script.
 */
export function SiteHeaderLight({ t, locale, user, returnTo }: { t: Translate; locale: Locale; user: SignedInHeader | null; returnTo: string }) {
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
          {user !== null ? (
            <div className="site-header__user">
              <span className="site-header__name">{t('web.header.signedInAs', { name: user.name })}</span>
              <form method="post" action="/api/auth/signout">
                <input type="hidden" name="csrfToken" value={user.signOutCsrfToken} />
                <input type="hidden" name="callbackUrl" value="/" />
                <button type="submit" className="button button--quiet" data-testid="sign-out">
                  {t('common.signOut')}
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  )
}
