import type { ReactNode } from 'react'
import { getServerTranslator } from '../translator'
import { getSignedInUser } from '../session'
import { SiteHeader } from '../../../../client/web/common/SiteHeader'

/**
 * The frame of every page except the board (which has the whole screen to itself): header on
 * top, one readable column below. `showSignIn` is off on pages for invited people, who never
 * need an account.
 */
export async function SiteFrame({ children, showSignIn = true, narrow = false }: { children: ReactNode; showSignIn?: boolean; narrow?: boolean }) {
  const { t } = await getServerTranslator()
  const user = await getSignedInUser()
  return (
    <>
      <a href="#main" className="skip-link">
        {t('web.skipToContent')}
      </a>
      <SiteHeader t={t} userName={user?.name ?? null} showSignIn={showSignIn} />
      <main id="main" className={narrow ? 'page page--narrow' : 'page'}>
        {children}
      </main>
    </>
  )
}
