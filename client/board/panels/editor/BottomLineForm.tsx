'use client'

import { useState } from 'react'
import { useEditor, useValue, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { BottomLineProps } from '@/lib/board/items'
import { isAnswered, mayTick, TICK_REASON_MAX, tickProps } from '@/lib/plan/bottom-line-tick'
import { useBoardMe } from '../../canvas/board-context'
import { useBottomLineAccess } from '../../canvas/bottom-line-access'
import { BottomLineLock } from '../../canvas/BottomLineShapeUtil'
import styles from './editor.module.css'
import formStyles from './bottom-line-form.module.css'
import { TextField } from './fields'
import { useSetProp } from './use-set-prop'

/**
 * A bottom line: a professional writes it, and ticks it off in plan en afspraken: right away when
 * an agreement answers it, otherwise only with a reason written down (lib/plan/bottom-line-tick.ts).
 * Everyone else reads it here, with a lock and the reason they cannot change it.
 */
export function BottomLineForm({ shape }: { shape: TLShape<'kring-bottom-line'> }) {
  const t = useT()
  const editor = useEditor()
  const me = useBoardMe()
  const access = useBottomLineAccess()
  const set = useSetProp(shape)
  const { text, tickedBy, tickedByName, tickReason = '' } = shape.props
  const ticked = tickedBy !== ''
  const answered = useValue('bottom line answered', () => isAnswered(editor.getCurrentPageShapes(), shape.id), [editor, shape.id])
  const [reason, setReason] = useState('')

  const setTicked = (on: boolean) => {
    if (!me) return
    if (on && !mayTick(answered, reason)) return
    const props = BottomLineProps.partial().safeParse(tickProps(on ? { participantId: me.participantId, name: me.displayName } : null, new Date(), answered ? '' : reason))
    if (!props.success) return
    editor.markHistoryStoppingPoint('kring tick bottom line')
    editor.updateShape({ id: shape.id, type: shape.type, props: props.data })
  }

  return (
    <>
      {access.canWrite ? (
        <TextField label={t('items.bottomLine.text')} hint={t('items.bottomLine.textHint')} value={text} multiline onChange={(value) => set('text', value)} testId="field-bottom-line" />
      ) : (
        <>
          <p className={formStyles.readOnlyText} dir="auto" data-testid="bottom-line-text">
            {text || t('items.bottomLine.empty')}
          </p>
          <p className={formStyles.locked} data-testid="bottom-line-locked">
            <BottomLineLock />
            {t('items.bottomLine.locked')}
          </p>
        </>
      )}
      <p className={ticked ? formStyles.tickedLine : styles.hint} data-testid="bottom-line-status">
        {ticked ? t('items.bottomLine.tickedBy', { name: tickedByName.trim() || '—' }) : t('items.bottomLine.open')}
      </p>
      {ticked && tickReason.trim() !== '' ? (
        <p className={styles.hint} dir="auto" data-testid="bottom-line-reason-shown">
          {t('items.bottomLine.reason', { reason: tickReason })}
        </p>
      ) : null}
      {access.canTick && !ticked && !answered ? (
        <TextField label={t('items.bottomLine.reasonLabel')} value={reason} multiline onChange={(value) => {
            setReason(value.slice(0, TICK_REASON_MAX))
            return null
          }} testId="bottom-line-reason" />
      ) : null}
      {access.canTick ? (
        <button
          type="button"
          className={ticked ? 'button button--quiet' : styles.action}
          onClick={() => setTicked(!ticked)}
          disabled={!ticked && !mayTick(answered, reason)}
          data-testid="bottom-line-tick"
        >
          {ticked ? t('items.bottomLine.untick') : answered ? t('items.bottomLine.tick') : t('items.bottomLine.tickWithReason')}
        </button>
      ) : access.canWrite ? (
        <p className={styles.hint}>{t('items.bottomLine.tickLater')}</p>
      ) : null}
    </>
  )
}
