import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { itemDefaults, type ItemProps, type ItemType, type PersonGroup, type Ring } from '@/lib/board/items'
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

const SEARCH_STEP = 40
const SEARCH_RINGS = 12

/**
 * The free spot nearest to `center` for a box of `size`: none of the items on the page under it
 * (areas do not count: items belong on them). Searched ring by ring around the centre; when
 * everything near is taken, the centre itself.
 */
function freeSpotNear(editor: Editor, center: { x: number; y: number }, size: { w: number; h: number }): { x: number; y: number } {
  const taken = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.type !== 'kring-area')
    .map((shape) => editor.getShapePageBounds(shape))
    .filter((bounds) => bounds !== undefined)
  const fits = (x: number, y: number) =>
    taken.every((b) => x + size.w + 8 <= b.minX || b.maxX + 8 <= x || y + size.h + 8 <= b.minY || b.maxY + 8 <= y)
  const origin = { x: Math.round(center.x - size.w / 2), y: Math.round(center.y - size.h / 2) }
  for (let ring = 0; ring <= SEARCH_RINGS; ring++) {
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue
        const x = origin.x + dx * SEARCH_STEP
        const y = origin.y + dy * SEARCH_STEP
        if (fits(x, y)) return { x, y }
      }
    }
  }
  return origin
}

/**
 * Add an item in the middle of what this person sees (or the nearest free spot), select it (so
 * its editor opens) and return its id.
 */
export function addItemAtViewportCenter<K extends Exclude<ItemType, 'kring-scale-mark' | 'kring-area'>>(
  editor: Editor,
  type: K,
  props: Partial<ItemProps<K>> = {},
): TLShapeId {
  const size = paletteSizes[type] ?? { w: itemDefaults[type].w, h: itemDefaults[type].h }
  const { x, y } = freeSpotNear(editor, editor.getViewportPageBounds().center, size)
  const id = createShapeId()
  editor.markHistoryStoppingPoint('kring add item')
  // A copy of the defaults: the store freezes what it holds, and the defaults are shared.
  editor.createShape({ id, type, x, y, props: { ...structuredClone(itemDefaults[type]), ...size, ...props } as ItemProps<K> })
  editor.select(id)
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
export function addPersonAtViewportCenter(editor: Editor, group: PersonGroup): TLShapeId {
  return addItemAtViewportCenter(editor, 'kring-person', { group, ring: startRingOf[group] })
}
