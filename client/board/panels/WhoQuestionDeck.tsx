'use client'

import { useEffect, useState, type DragEvent } from 'react'
import { createShapeId, useContainer, useEditor, type Editor } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { useDevice } from '../session/useDevice'
import { addItem } from './add-item'
import { Panel } from './Panel'
import styles from './panels.module.css'
import { usePanels } from './panels-context'
import { WHO_QUESTION_DRAG_TYPE, whoQuestionGroups } from './who-questions'

const PROMPT_SIZE = { w: 260, h: 140 }

/** The facilitator's deck of who-questions; each goes on the board as a prompt card. */
export function WhoQuestionDeck({ onClose }: { onClose(): void }) {
  const t = useT()
  const editor = useEditor()
  const device = useDevice()
  const { setJustAdded } = usePanels()
  const [placed, setPlaced] = useState(false)

  const place = (text: string) => {
    setJustAdded(addItem(editor, 'kring-card', { kind: 'prompt', text, ...PROMPT_SIZE }))
    setPlaced(true)
    if (device === 'phone') onClose()
  }

  const startDrag = (event: DragEvent, text: string) => {
    event.dataTransfer.setData(WHO_QUESTION_DRAG_TYPE, text)
    event.dataTransfer.effectAllowed = 'copy'
  }

  return (
    <Panel title={t('items.deck.title')} side="left" onClose={onClose} testId="who-question-deck">
      <p className={styles.intro}>{t('items.deck.intro')}</p>
      {whoQuestionGroups.map(({ group, questions }) => (
        <section key={group} className={styles.group}>
          <h3 className={styles.groupTitle}>{t(group)}</h3>
          <ul className={styles.questionList}>
            {questions.map((key) => {
              const text = t(key)
              return (
                <li key={key} className={styles.question} draggable onDragStart={(event) => startDrag(event, text)}>
                  <p>{text}</p>
                  <button type="button" className={styles.smallButton} aria-label={`${t('items.deck.place')}: ${text}`} onClick={() => place(text)}>
                    {t('items.deck.place')}
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
      <p className={styles.status} role="status">
        {placed ? t('items.deck.placed') : null}
      </p>
    </Panel>
  )
}

function placeAt(editor: Editor, text: string, point: { x: number; y: number }) {
  const id = createShapeId()
  editor.markHistoryStoppingPoint('kring who-question')
  editor.createShape({
    id,
    type: 'kring-card',
    x: Math.round(point.x - PROMPT_SIZE.w / 2),
    y: Math.round(point.y - PROMPT_SIZE.h / 2),
    props: { kind: 'prompt', text, answers: [], ...PROMPT_SIZE },
  })
  editor.select(id)
}

/**
 * A who-question dragged from the deck and dropped on the canvas becomes a prompt card where it
 * was dropped. Listens before tldraw does (capture), and only to drags that carry a question.
 */
export function useWhoQuestionDrop() {
  const editor = useEditor()
  const container = useContainer()
  useEffect(() => {
    const carriesQuestion = (event: globalThis.DragEvent) => event.dataTransfer?.types.includes(WHO_QUESTION_DRAG_TYPE) ?? false
    const onDragOver = (event: globalThis.DragEvent) => {
      if (!carriesQuestion(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: globalThis.DragEvent) => {
      // Dropped back on a panel: nothing to place.
      if (!carriesQuestion(event) || (event.target instanceof Element && event.target.closest('[data-kring-panel]'))) return
      event.preventDefault()
      event.stopPropagation()
      const text = event.dataTransfer?.getData(WHO_QUESTION_DRAG_TYPE).slice(0, 1_000) ?? ''
      if (text) placeAt(editor, text, editor.screenToPage({ x: event.clientX, y: event.clientY }))
    }
    container.addEventListener('dragover', onDragOver, true)
    container.addEventListener('drop', onDrop, true)
    return () => {
      container.removeEventListener('dragover', onDragOver, true)
      container.removeEventListener('drop', onDrop, true)
    }
  }, [editor, container])
}
