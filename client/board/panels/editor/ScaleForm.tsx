'use client'

import { createShapeId, useEditor, useValue, type TLShape, type TLShapeId } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { useBoardMe } from '../../canvas/board-context'
import { usePanels } from '../panels-context'
import { MARK_H, markWidthFor, placeMark } from '../../canvas/scale-layout'
import styles from './editor.module.css'
import { TextField } from './fields'
import { useSetProp } from './use-set-prop'

const START_VALUE = 5

/** The scale's question, and this person's own mark: place it, or go to it. */
export function ScaleForm({ shape }: { shape: TLShape<'kring-scale'> }) {
  const t = useT()
  const editor = useEditor()
  const me = useBoardMe()
  const set = useSetProp(shape)
  const { setJustAdded } = usePanels()
  const marks = useValue(
    'kring scale marks',
    () =>
      editor
        .getSortedChildIdsForParent(shape.id)
        .map((id) => editor.getShape(id))
        .filter((child): child is TLShape<'kring-scale-mark'> => child?.type === 'kring-scale-mark'),
    [editor, shape.id],
  )
  const mine = me ? marks.find((mark) => mark.props.participantId === me.participantId) : undefined

  const placeMine = () => {
    if (!me) return
    const others = marks.map((mark) => ({ x: mark.x, y: mark.y, w: mark.props.w }))
    const name = me.displayName.slice(0, 80)
    const w = markWidthFor(name)
    const at = placeMark(shape.props.w, { x: 0, w, value: START_VALUE }, others, 'valued')
    const id = createShapeId()
    editor.markHistoryStoppingPoint('kring place mark')
    editor.createShape({
      id,
      type: 'kring-scale-mark',
      parentId: shape.id,
      x: at.x,
      y: at.y,
      props: { w, h: MARK_H, participantId: me.participantId, name, value: at.value },
    })
    setJustAdded(id)
    editor.select(id)
  }

  return (
    <>
      <TextField label={t('items.scale.question')} hint={t('items.scale.noQuestion')} value={shape.props.question} onChange={(value) => set('question', value)} testId="field-question" />
      <p className={styles.hint}>{t('items.scale.marks', { count: marks.length })}</p>
      {mine ? (
        <button type="button" className={styles.action} onClick={() => editor.select(mine.id as TLShapeId)} data-testid="select-my-mark">
          {t('items.scale.selectMine')}
        </button>
      ) : (
        <button type="button" className={styles.action} onClick={placeMine} disabled={!me} data-testid="place-my-mark">
          {t('items.scale.placeMine')}
        </button>
      )}
    </>
  )
}
