'use client'

import { signOut } from 'next-auth/react'
import { useState } from 'react'
import { useT } from '../../i18n/I18nProvider'

/** Sign out through next-auth (it needs its CSRF token, hence a script rather than a form). */
export function SignOutButton() {
  const t = useT()
  const [busy, setBusy] = useState(false)
  return (
    <button
      type="button"
      className="button button--quiet"
      disabled={busy}
      onClick={() => {
        setBusy(true)
        void signOut({ callbackUrl: '/' })
      }}
    >
      {t('common.signOut')}
    </button>
  )
}
