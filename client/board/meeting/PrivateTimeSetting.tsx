'use client'

import { useId, useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { MeetingActions } from '../session/useMeeting'
import styles from './meeting.module.css'
import { ackErrorKey } from './ack-errors'
import { useRequest } from './useRequest'

/**
 * The facilitator's setting "Gespreksleider blijft tijdens het besloten deel". The checkbox shows
 * what the server last said (conference:state), so two tabs never disagree; while a change is on
 * its way it shows the new value, and falls back if the server refuses it.
 */
export function PrivateTimeSetting({ stays, actions, disabled }: { stays: boolean; actions: Pick<MeetingActions, 'setFacilitatorStaysInPrivateTime'>; disabled: boolean }) {
  const t = useT()
  const request = useRequest<'stay'>()
  const hintId = useId()
  const [pending, setPending] = useState<boolean | null>(null)
  return (
    <div className={styles.setting}>
      <label className={styles.checkLabel}>
        <input
          type="checkbox"
          className={styles.check}
          checked={pending ?? stays}
          disabled={disabled || request.busy !== null}
          aria-describedby={hintId}
          data-testid="setting-facilitator-stays"
          onChange={(event) => {
            const value = event.currentTarget.checked
            setPending(value)
            // The server's conference:state arrives before its answer: then `stays` says it.
            void request.run('stay', () => actions.setFacilitatorStaysInPrivateTime(value)).finally(() => setPending(null))
          }}
        />
        {t('meeting.settings.facilitatorStays')}
      </label>
      <p id={hintId} className={styles.settingHint}>
        {t('meeting.settings.facilitatorStaysHint')}
      </p>
      {request.failure ? (
        <p className={styles.inlineError} role="alert">
          {t(ackErrorKey(request.failure))}
        </p>
      ) : null}
    </div>
  )
}
