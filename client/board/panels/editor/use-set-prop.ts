'use client'

import { useEditor, type TLShape, type TLShapePartial } from 'tldraw'
import type { ItemType } from '@/lib/board/items'
import type { MessageKey } from '@/lib/i18n'
import { checkProp, type FieldError } from './validate'

/**
 * Write one prop of an item through the editor (so it syncs and can be undone like any edit),
 * after checking it; an invalid value is not written and its error is returned instead.
 */
export function useSetProp<S extends TLShape<ItemType>>(shape: S) {
  const editor = useEditor()
  return <P extends keyof S['props'] & string>(prop: P, value: S['props'][P], invalid?: MessageKey): FieldError | null => {
    const checked = checkProp(shape.type as ItemType, prop, value, invalid)
    if (!checked.ok) return checked.error
    editor.updateShape({ id: shape.id, type: shape.type, props: { [prop]: checked.value } } as TLShapePartial)
    return null
  }
}
