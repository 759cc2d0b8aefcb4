'use client'

import { useState, type CSSProperties } from 'react'
import { useEditor } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { personGroups, type CardKind, type House, type PersonGroup } from '@/lib/board/items'
import type { MessageKey } from '@/lib/i18n'
import { useBottomLineAccess } from '../canvas/bottom-line-access'
import { ItemIcon, type ItemIconName } from '../canvas/ItemIcon'
import {
  agreementColors,
  bottomLineColors,
  cardColors,
  dangerColors,
  groupColors,
  houseColors,
  safetyColors,
  scaleColors,
  type ItemColors,
} from '@/lib/board/item-colors'
import { cardIcons } from '../canvas/labels'
import { useDevice } from '../session/useDevice'
import { addItem, addPerson } from './add-item'
import { Panel } from './Panel'
import styles from './panels.module.css'
import { usePanels } from './panels-context'

interface Entry {
  id: string
  label: MessageKey
  icon: ItemIconName
  colors: ItemColors
  add(editor: ReturnType<typeof useEditor>): string
}

const card = (kind: CardKind): Entry => ({
  id: `card-${kind}`,
  label: `items.card.${kind}`,
  icon: cardIcons[kind],
  colors: cardColors[kind],
  add: (editor) => addItem(editor, 'kring-card', { kind }),
})

const house = (which: House): Entry => ({
  id: `house-${which}`,
  label: `items.house.${which}`,
  icon: 'house',
  colors: houseColors[which],
  add: (editor) => addItem(editor, 'kring-house-card', { house: which }),
})

/** A person of one group: the palette asks the group first (see addPerson). */
const person = (group: PersonGroup): Entry => ({
  id: `person-${group}`,
  label: `items.palette.person.${group}`,
  icon: group,
  colors: groupColors[group],
  add: (editor) => addPerson(editor, group),
})

const groups: { title: MessageKey; entries: Entry[] }[] = [
  { title: 'items.palette.people', entries: personGroups.map(person) },
  { title: 'items.palette.columns', entries: [card('central-question'), card('going-well'), card('worry'), card('next-step'), card('need')] },
  {
    title: 'items.palette.safety',
    entries: [
      { id: 'danger', label: 'items.type.kring-danger', icon: 'danger', colors: dangerColors, add: (editor) => addItem(editor, 'kring-danger') },
      { id: 'scale', label: 'items.type.kring-scale', icon: 'scale', colors: scaleColors, add: (editor) => addItem(editor, 'kring-scale') },
      { id: 'agreement', label: 'items.type.kring-agreement', icon: 'agreement', colors: agreementColors, add: (editor) => addItem(editor, 'kring-agreement') },
      { id: 'safety', label: 'items.type.kring-safety-item', icon: 'shield', colors: safetyColors, add: (editor) => addItem(editor, 'kring-safety-item') },
    ],
  },
  { title: 'items.palette.child', entries: [house('worries'), house('good-things'), house('dreams')] },
]

/** Only for whoever may write bottom lines (professionals, lib/conference/policy.ts): the others never see it. */
const professionalGroup: { title: MessageKey; entries: Entry[] } = {
  title: 'items.palette.professional',
  entries: [
    {
      id: 'bottom-line',
      label: 'items.type.kring-bottom-line',
      icon: 'bottom-line',
      colors: bottomLineColors,
      add: (editor) => addItem(editor, 'kring-bottom-line'),
    },
  ],
}

/** "Toevoegen": every kind of item, added where it belongs on the board (see addItem). */
export function AddPalette({ onClose }: { onClose(): void }) {
  const t = useT()
  const editor = useEditor()
  const device = useDevice()
  const { setJustAdded } = usePanels()
  const [added, setAdded] = useState<string | null>(null)
  const { canWrite: mayAddBottomLines } = useBottomLineAccess()
  const shown = mayAddBottomLines ? [professionalGroup, ...groups] : groups

  const add = (entry: Entry) => {
    setJustAdded(entry.add(editor))
    setAdded(t('items.palette.added', { item: t(entry.label) }))
    // On a phone the sheet would hide the new item and its editor: make room.
    if (device === 'phone') onClose()
  }

  return (
    <Panel title={t('items.palette.title')} side="left" onClose={onClose} testId="add-palette">
      {shown.map((group) => (
        <section key={group.title} className={styles.group} aria-label={t(group.title)}>
          <h3 className={styles.groupTitle}>{t(group.title)}</h3>
          <ul className={styles.addGrid}>
            {group.entries.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className={styles.addButton}
                  style={{ '--add-accent': entry.colors.accent, '--add-tint': entry.colors.tint } as CSSProperties}
                  data-testid={`add-${entry.id}`}
                  onClick={() => add(entry)}
                >
                  <ItemIcon name={entry.icon} size={20} />
                  <span>{t(entry.label)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className={styles.status} role="status">
        {added}
      </p>
    </Panel>
  )
}
