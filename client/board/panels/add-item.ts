import { createShapeId, type Editor, type TLParentId, type TLShapeId } from 'tldraw'
import { itemDefaults, type ItemProps, type ItemType, type PersonGroup, type Ring } from '@/lib/board/items'
import { placeNewItem } from '@/lib/board/placement'
import { NEW_SCALE_SIZE } from '../canvas/scale-layout'

/**
 * Sizes of items added from the palette: a little roomier than the defaults in
 * lib/board/items.ts, so what people type fits at normal zoom on a phone.
 */
const paletteSizes: Partial<Record<ItemType, { w: number; h: number }>> = {
  'kring-person': { w: 220, h: 128 },
  'kring-card': { w: 240, h: 140 },
  'kring-danger': { w: 380, h: 200 },
  'kring-scale': NEW_SCALE_SIZE,
  'kring-agreement': { w: 340, h: 220 },
  'kring-safety-item': { w: 340, h: 200 },
  'kring-house-card': { w: 180, h: 140 },
}

/**
 * Add an item where it belongs (lib/board/placement): in its area and its part of it (a person
 * in their ring, a worry in the worries column, an agreement under Afspraken…), next to what is
 * there; an item no area holds goes on a free spot near the middle of what this person sees.
 * When the area is full it grows, in the same change (one undo step, one update to the server).
 * The new item is selected (so its editor opens) and brought into view; returns its id.
 */
export function addItem<K extends Exclude<ItemType, 'kring-scale-mark' | 'kring-area'>>(editor: Editor, type: K, props: Partial<ItemProps<K>> = {}): TLShapeId {
  const base = paletteSizes[type] ?? { w: itemDefaults[type].w, h: itemDefaults[type].h }
  // A copy of the defaults: the store freezes what it holds, and the defaults are shared.
  const full = { ...structuredClone(itemDefaults[type]), ...base, ...props } as ItemProps<K>
  const viewport = editor.getViewportPageBounds()
  const placement = placeNewItem(editor.store.allRecords(), { type, props: full, w: full.w, h: full.h }, { near: viewport.center })
  const id = createShapeId()
  editor.markHistoryStoppingPoint('kring add item')
  editor.run(() => {
    if (placement.grow) editor.updateShape({ id: placement.grow.id as TLShapeId, type: 'kring-area', props: { w: placement.grow.w, h: placement.grow.h } })
    for (const move of placement.moved) {
      const shape = editor.getShape(move.id as TLShapeId)
      if (shape) editor.updateShape({ id: shape.id, type: shape.type, x: move.x, y: move.y })
    }
    editor.createShape({ id, type, x: placement.x, y: placement.y, parentId: placement.parentId as TLParentId, props: full })
  })
  editor.select(id)
  const bounds = editor.getShapePageBounds(id)
  if (bounds && !viewport.contains(bounds)) editor.centerOnPoint(bounds.center, { animation: { duration: 240 } })
  return id
}

/**
 * The ring a new person starts in, by the group chosen when adding them (DOMAIN.md, network map):
 * the family close by, the network a bit further out, professionals and institutions in the outer
 * ring. Only a starting point: the form changes it.
 */
export const startRingOf: Record<PersonGroup, Ring> = { family: 'inner', network: 'middle', professional: 'outer', institution: 'outer' }

/**
 * Add a person of the group the palette asked for. There is no "just a person": whoever adds
 * someone says first whether they are family, network, a professional or an institution, so the
 * mother never shows up as network until someone notices.
 */
export function addPerson(editor: Editor, group: PersonGroup): TLShapeId {
  return addItem(editor, 'kring-person', { group, ring: startRingOf[group] })
}
