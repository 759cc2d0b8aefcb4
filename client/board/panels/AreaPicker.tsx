'use client'

import { useState } from 'react'
import { Box, useEditor, type Editor, type TLShapePartial } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { areaKinds, type AreaKind } from '@/lib/board/items'
import { areaRecords } from '@/lib/board/templates/area-records'
import { areaSizes } from '@/lib/board/templates/area-sizes'
import { AREA_GAP } from '@/lib/board/templates/layouts'
import type { MessageKey } from '@/lib/i18n'
import { ItemIcon } from '../canvas/ItemIcon'
import { useDevice } from '../session/useDevice'
import { Panel } from './Panel'
import styles from './panels.module.css'

interface AreaChoice {
  id: string
  area: AreaKind
  variant: number
  title: MessageKey
  /** Said before the title in the list: which kind of area (the five circles share one). */
  kind?: MessageKey
}

// Each of the five Family Finding circles is its own choice.
const choices: AreaChoice[] = areaKinds.flatMap((area): AreaChoice[] =>
  area === 'finding-circle'
    ? ([0, 1, 2, 3, 4] as const).map((variant) => ({
        id: `${area}-${variant}`,
        area,
        variant,
        title: `items.area.finding-circle.${variant}.title`,
        kind: 'items.area.finding-circle.title',
      }))
    : [{ id: area, area, variant: 0, title: `items.area.${area}.title` }],
)

/** Right of everything on the page (or in view when the page is empty): a spot no item is on. */
function freeSpot(editor: Editor, size: { w: number; h: number }): { x: number; y: number } {
  const content = editor.getCurrentPageBounds()
  if (content) return { x: Math.round(content.maxX + AREA_GAP), y: Math.round(content.minY) }
  const center = editor.getViewportPageBounds().center
  return { x: Math.round(center.x - size.w / 2), y: Math.round(center.y - size.h / 2) }
}

/** Add a template area (lib/board/templates) beside what is on the board, under everything, and show it. */
export function addArea(editor: Editor, area: AreaKind, variant: number): void {
  const size = areaSizes[area]
  const at = freeSpot(editor, size)
  const records = areaRecords(area, at, { pageId: editor.getCurrentPageId(), variant })
  // New indices from tldraw (on top of the page), then the area itself goes to the back.
  const partials = records.map(({ index: _index, typeName: _typeName, ...shape }) => shape as TLShapePartial)
  const areaIds = records.filter((shape) => shape.type === 'kring-area').map((shape) => shape.id)
  editor.markHistoryStoppingPoint('kring add area')
  editor.run(() => {
    editor.createShapes(partials)
    editor.sendToBack(areaIds)
    editor.selectNone()
  })
  editor.zoomToBounds(new Box(at.x, at.y, size.w, size.h), { inset: 32, animation: { duration: 300 } })
}

/** "Gebied toevoegen" (facilitator): any area of any template, added later. */
export function AreaPicker({ onClose }: { onClose(): void }) {
  const t = useT()
  const editor = useEditor()
  const device = useDevice()
  const [status, setStatus] = useState<string | null>(null)

  const label = (choice: AreaChoice) => (choice.kind ? `${t(choice.kind)}: ${t(choice.title)}` : t(choice.title))

  const add = (choice: AreaChoice) => {
    try {
      addArea(editor, choice.area, choice.variant)
      setStatus(t('items.areaAdd.placed', { area: label(choice) }))
      if (device === 'phone') onClose()
    } catch (error) {
      console.error('adding an area failed', error instanceof Error ? error.name : 'unknown')
      setStatus(t('items.areaAdd.unavailable'))
    }
  }

  return (
    <Panel title={t('items.areaAdd.title')} side="left" onClose={onClose} testId="area-picker">
      <p className={styles.intro}>{t('items.areaAdd.intro')}</p>
      <ul className={styles.questionList}>
        {choices.map((choice) => (
          <li key={choice.id} className={styles.question}>
            <p>
              <ItemIcon name="area" size={16} /> {label(choice)}
            </p>
            <button
              type="button"
              className={styles.smallButton}
              data-testid={`add-area-${choice.id}`}
              aria-label={`${t('items.areaAdd.place')}: ${label(choice)}`}
              onClick={() => add(choice)}
            >
              {t('items.areaAdd.place')}
            </button>
          </li>
        ))}
      </ul>
      <p className={styles.status} role="status">
        {status}
      </p>
    </Panel>
  )
}
