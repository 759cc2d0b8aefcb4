import Link from 'next/link'
import type { Translate } from '@/lib/i18n'
import { LanguageSwitcher } from './LanguageSwitcher'
import { SignOutButton } from './SignOutButton'

/** The app name, the language switcher and, when signed in, who you are and "Uitloggen". */
export function SiteHeader({ t, userName, showSignIn }: { t: Translate; userName: string | null; showSignIn: boolean }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand" aria-label={t('web.header.home')}>
          <span className="brand-mark" aria-hidden="true" />
          {t('common.appName')}
        </Link>
        <div className="site-header__tools">
          <LanguageSwitcher />
          {userName !== null ? (
            <div className="site-header__user">
              <span className="site-header__name">{t('web.header.signedInAs', { name: userName })}</span>
              <SignOutButton />
            </div>
          ) : showSignIn ? (
            <Link href="/login" className="button button--quiet">
              {t('web.header.signIn')}
            </Link>
          ) : null}
        </div>
      </div>
    </header>
  )
}
