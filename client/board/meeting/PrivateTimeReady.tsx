'use client'

import { useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { MeetingActions } from '../session/useMeeting'
import { Dialog } from './Dialog'
import styles from './meeting.module.css'
import { ackErrorKey } from './ack-errors'
import { useRequest } from './useRequest'

/**
 * During private family time: "We zijn klaar" for the family, the child, the network (and the
 * facilitator when they stayed). One clear button, one question to be sure; then the server ends
 * private time and the professionals come back.
 */
export function PrivateTimeReady({ actions, disabled }: { actions: Pick<MeetingActions, 'endPrivateTime'>; disabled: boolean }) {
  const t = useT()
  const request = useRequest<'end'>()
  const [asking, setAsking] = useState(false)

  return (
    <div className={styles.ready} data-testid="private-time-ready">
      <span className={styles.readyIntro}>{t('meeting.ready.intro')}</span>
      <button
        type="button"
        className={`button ${styles.readyButton}`}
        onClick={() => setAsking(true)}
        disabled={disabled || request.busy !== null}
        data-testid="we-are-ready"
      >
        {request.busy !== null ? t('meeting.controls.busy') : t('meeting.ready.button')}
      </button>
      {request.failure ? (
        <span className={styles.inlineError} role="alert">
          {t(ackErrorKey(request.failure))}
        </span>
      ) : null}
      <Dialog
        open={asking}
        title={t('meeting.ready.confirmTitle')}
        onCancel={() => setAsking(false)}
        testId="confirm-ready"
        actions={
          <>
            <button
              type="button"
              className="button"
              data-testid="confirm-ready-yes"
              onClick={() => {
                setAsking(false)
                void request.run('end', () => actions.endPrivateTime())
              }}
            >
              {t('meeting.ready.confirmYes')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
              {t('meeting.ready.notYet')}
            </button>
          </>
        }
      >
        <p>{t('meeting.ready.confirmBody')}</p>
      </Dialog>
    </div>
  )
}
