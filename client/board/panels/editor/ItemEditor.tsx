'use client'

import { useEditor, useValue, type TLArrowShape, type TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { isItemType } from '@/lib/board/items'
import { useIssueTexts } from '../../canvas/CheckBadge'
import { useDevice } from '../../session/useDevice'
import { Panel } from '../Panel'
import { usePanels } from '../panels-context'
import { AgreementForm } from './AgreementForm'
import { AreaForm } from './AreaForm'
import { BottomLineForm } from './BottomLineForm'
import { CardForm } from './CardForm'
import { DangerForm } from './DangerForm'
import styles from './editor.module.css'
import { HouseCardForm } from './HouseCardForm'
import { MarkForm } from './MarkForm'
import { PersonForm } from './PersonForm'
import { SafetyItemForm } from './SafetyItemForm'
import { ScaleForm } from './ScaleForm'
import { TieForm } from './TieForm'

type Editable = { kind: 'item'; shape: TLShape } | { kind: 'tie'; arrow: TLArrowShape }

/** What the editor panel is for: one selected Kring item, or one arrow tied at both ends. */
export function useEditable(): Editable | null {
  const editor = useEditor()
  return useValue(
    'kring editable',
    () => {
      const selected = editor.getSelectedShapes()
      if (selected.length !== 1) return null
      const shape = selected[0]!
      if (isItemType(shape.type)) return { kind: 'item', shape }
      if (shape.type === 'arrow' && editor.getBindingsFromShape(shape, 'arrow').length === 2) return { kind: 'tie', arrow: shape as TLArrowShape }
      return null
    },
    [editor],
  )
}

function Form({ shape }: { shape: TLShape }) {
  switch (shape.type) {
    case 'kring-person':
      return <PersonForm shape={shape} />
    case 'kring-card':
      return <CardForm shape={shape} />
    case 'kring-danger':
      return <DangerForm shape={shape} />
    case 'kring-scale':
      return <ScaleForm shape={shape} />
    case 'kring-scale-mark':
      return <MarkForm shape={shape} />
    case 'kring-agreement':
      return <AgreementForm shape={shape} />
    case 'kring-safety-item':
      return <SafetyItemForm shape={shape} />
    case 'kring-house-card':
      return <HouseCardForm shape={shape} />
    case 'kring-area':
      return <AreaForm shape={shape} />
    case 'kring-bottom-line':
      return <BottomLineForm shape={shape} />
    default:
      return null
  }
}

function Issues({ shapeId }: { shapeId: string }) {
  const t = useT()
  const texts = useIssueTexts(shapeId)
  if (texts.length === 0) return null
  return (
    <div className={styles.issues} data-testid="editor-issues">
      <p className={styles.issuesTitle}>{t('items.editor.issues')}</p>
      <ul>
        {texts.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  )
}

/** The form for the selected item (or tie): every change goes through editor.updateShape. */
export function ItemEditor() {
  const t = useT()
  const editor = useEditor()
  const editable = useEditable()
  const phone = useDevice() === 'phone'
  const { justAdded } = usePanels()
  if (!editable) return null
  const close = () => editor.selectNone()
  const id = editable.kind === 'tie' ? editable.arrow.id : editable.shape.id
  // On a phone the form starts folded, except for what this person just added.
  const folded = phone && id !== justAdded
  if (editable.kind === 'tie') {
    return (
      <Panel
        key={id}
        title={t('items.tie.label')}
        side="right"
        onClose={close}
        closeLabel={t('items.editor.close')}
        collapsible
        initiallyFolded={folded}
        testId="item-editor"
      >
        <TieForm arrow={editable.arrow} />
      </Panel>
    )
  }
  const { shape } = editable
  const title = t('items.editor.title', { item: isItemType(shape.type) ? t(`items.type.${shape.type}`) : '' })
  return (
    <Panel key={id} title={title} side="right" onClose={close} closeLabel={t('items.editor.close')} collapsible initiallyFolded={folded} testId="item-editor">
      <div className={styles.form} data-shape-type={shape.type}>
        <Issues shapeId={shape.id} />
        <Form shape={shape} />
      </div>
    </Panel>
  )
}
