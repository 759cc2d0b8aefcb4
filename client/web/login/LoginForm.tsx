'use client'

import { signIn } from 'next-auth/react'
import { useState, type FormEvent } from 'react'
import type { MessageKey } from '@/lib/i18n'
import { useT } from '../../i18n/I18nProvider'
import { FormFooter } from '@/client/web/common/FormFooter'
import { signInWithPassword } from './password-sign-in'

/**
 * Email and password through next-auth's credentials provider (which checks its own CSRF
 * token), and the organisation's sign-in button when OIDC is configured.
 */
export function LoginForm({ callbackUrl, initialError, oidc }: { callbackUrl: string; initialError: MessageKey | null; oidc: { id: string; name: string } | null }) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(initialError)
  // "Try again in N minutes" needs a number, which FormFooter's error (a bare key) cannot carry.
  const [waitMinutes, setWaitMinutes] = useState<number | null>(null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    setError(null)
    setWaitMinutes(null)
    try {
      const outcome = await signInWithPassword({
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        callbackUrl,
      })
      if (outcome.kind === 'signed-in') {
        // A full navigation, so every server component sees the new session cookie.
        window.location.assign(callbackUrl)
        return
      }
      if (outcome.kind === 'too-many-attempts') setWaitMinutes(Math.ceil(outcome.retryAfterSeconds / 60))
      else setError(outcome.kind === 'wrong-credentials' ? 'web.login.error.credentials' : 'common.errorGeneric')
    } catch {
      setError('web.apiError.network')
    }
    setBusy(false)
  }

  return (
    <div className="stack">
      <form className="form" onSubmit={submit} aria-label={t('web.login.title')} data-testid="login-form">
        <div className="field">
          <label className="field__label" htmlFor="login-email">
            {t('web.login.email')}
          </label>
          <input id="login-email" name="email" type="email" className="input" autoComplete="username" required maxLength={254} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="login-password">
            {t('web.login.password')}
          </label>
          <input id="login-password" name="password" type="password" className="input" autoComplete="current-password" required maxLength={1024} />
        </div>
        {waitMinutes !== null && (
          <p className="form-error" role="alert" data-testid="login-throttled">
            {waitMinutes <= 1 ? t('web.login.error.tooManyAttemptsMinute') : t('web.login.error.tooManyAttempts', { minutes: waitMinutes })}
          </p>
        )}
        <FormFooter error={error} busy={busy} submit="web.login.submit" busyLabel="web.login.busy" />
      </form>
      {oidc && (
        <>
          <p className="divider">{t('web.login.or')}</p>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => {
              setBusy(true)
              void signIn(oidc.id, { callbackUrl })
            }}
          >
            {t('web.login.oidc', { name: oidc.name })}
          </button>
        </>
      )}
    </div>
  )
}
