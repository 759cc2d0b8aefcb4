'use client'

import { useId } from 'react'
import { useEditor, type TLArrowShape, type TLShapePartial } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { TIE_META_KEY, TieKindSchema, tieKinds, type TieKind } from '@/lib/board/items'
import styles from './editor.module.css'

/**
 * How a tie looks, so the kind reads from the map itself (ecogram): a strong tie thick and solid,
 * a weak one dashed, a strained one red and jagged.
 */
const tieStyles: Record<TieKind, Partial<TLArrowShape['props']>> = {
  strong: { dash: 'solid', size: 'l', color: 'black' },
  weak: { dash: 'dashed', size: 'm', color: 'grey' },
  strained: { dash: 'draw', size: 'l', color: 'red' },
}

/** The kind of tie an arrow between two people (or a person and the family) stands for. */
export function TieForm({ arrow }: { arrow: TLArrowShape }) {
  const t = useT()
  const editor = useEditor()
  const name = useId()
  const parsed = TieKindSchema.safeParse(arrow.meta[TIE_META_KEY])
  const current = parsed.success ? parsed.data : null

  const choose = (kind: TieKind) => {
    editor.markHistoryStoppingPoint('kring tie')
    editor.updateShape({ id: arrow.id, type: 'arrow', meta: { ...arrow.meta, [TIE_META_KEY]: kind }, props: tieStyles[kind] } as TLShapePartial)
  }

  return (
    <fieldset className={styles.fieldset} data-testid="tie-kind">
      <legend className={styles.label}>{t('items.tie.label')}</legend>
      <p className={styles.hint}>{t('items.tie.hint')}</p>
      <div className={styles.checks}>
        {tieKinds.map((kind) => (
          <label key={kind} className={styles.check} data-tie={kind}>
            <input type="radio" name={name} value={kind} checked={current === kind} onChange={() => choose(kind)} />
            <span className={styles.tieSample} data-tie={kind} aria-hidden="true" />
            <span>{t(`items.tie.${kind}`)}</span>
          </label>
        ))}
      </div>
      {current === null ? <p className={styles.hint}>{t('items.tie.none')}</p> : null}
    </fieldset>
  )
}
