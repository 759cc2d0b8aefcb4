'use client'

import { useEditor, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { BottomLineProps } from '@/lib/board/items'
import { tickProps } from '@/lib/plan/bottom-line-tick'
import { useBoardMe } from '../../canvas/board-context'
import { useBottomLineAccess } from '../../canvas/bottom-line-access'
import { BottomLineLock } from '../../canvas/BottomLineShapeUtil'
import styles from './editor.module.css'
import formStyles from './bottom-line-form.module.css'
import { TextField } from './fields'
import { useSetProp } from './use-set-prop'

/**
 * A bottom line: a professional writes it, and ticks it off in plan en afspraken. Everyone else
 * reads it here, with a lock and the reason they cannot change it.
 */
export function BottomLineForm({ shape }: { shape: TLShape<'kring-bottom-line'> }) {
  const t = useT()
  const editor = useEditor()
  const me = useBoardMe()
  const access = useBottomLineAccess()
  const set = useSetProp(shape)
  const { text, tickedBy, tickedByName } = shape.props
  const ticked = tickedBy !== ''

  const setTicked = (on: boolean) => {
    if (!me) return
    const props = BottomLineProps.partial().safeParse(tickProps(on ? { participantId: me.participantId, name: me.displayName } : null))
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
      {access.canTick ? (
        <button type="button" className={ticked ? 'button button--quiet' : styles.action} onClick={() => setTicked(!ticked)} data-testid="bottom-line-tick">
          {ticked ? t('items.bottomLine.untick') : t('items.bottomLine.tick')}
        </button>
      ) : access.canWrite ? (
        <p className={styles.hint}>{t('items.bottomLine.tickLater')}</p>
      ) : null}
    </>
  )
}
