'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { MessageKey } from '@/lib/i18n'

/** The end of every form: what went wrong (announced), and the submit button, busy while sending. */
export function FormFooter({ error, busy, submit, busyLabel }: { error: MessageKey | null; busy: boolean; submit: MessageKey; busyLabel: MessageKey }) {
  const t = useT()
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t(busyLabel) : t(submit)}
        </button>
      </div>
    </>
  )
}
