'use client'

import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'

export interface NamedRef {
  id: string
  /** The person's name now; null when that person is no longer on the board. */
  name: string | null
}

/** The current names of person shapes referenced by an item, live as people are renamed or removed. */
export function usePersonNames(ids: readonly string[]): NamedRef[] {
  const editor = useEditor()
  const key = ids.join(' ')
  return useValue(
    'kring person names',
    () =>
      ids.map((id) => {
        const shape = editor.getShape(id as TLShapeId)
        return { id, name: shape && shape.type === 'kring-person' ? shape.props.name : null }
      }),
    // `ids` is a new array on every render of the item; its content (the key) is what matters.
    [editor, key],
  )
}

/** A referenced person's name in words, also when unnamed or removed. */
export function usePersonLabel(): (ref: NamedRef) => string {
  const t = useT()
  return (ref) => (ref.name === null ? t('items.agreement.personGone') : ref.name || t('items.person.noName'))
}
