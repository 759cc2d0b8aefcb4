'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { MessageKey } from '@/lib/i18n'
import { useHydrated } from './use-hydrated'

/**
 * The end of every form: what went wrong (announced), and the submit button, busy while sending.
 * Until the page has hydrated the button is off and a line says the form is still loading: a
 * click then would send the form as a plain page request (its fields in the address) instead.
 */
export function FormFooter({ error, busy, submit, busyLabel }: { error: MessageKey | null; busy: boolean; submit: MessageKey; busyLabel: MessageKey }) {
  const t = useT()
  const hydrated = useHydrated()
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={busy || !hydrated}>
          {busy ? t(busyLabel) : t(submit)}
        </button>
      </div>
      {!hydrated && (
        <p className="field__hint" role="status" data-testid="form-loading">
          {t('web.form.loading')}
        </p>
      )}
    </>
  )
}
