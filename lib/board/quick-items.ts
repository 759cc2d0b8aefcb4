import { CREATED_BY_META } from './board-structure'
import type { CardKind, House, ItemType, PersonGroup, Ring } from './items'

/**
 * Board items made without the canvas (the phone's short forms): the same tldraw shape records the
 * canvas writes (lib/board/items.ts props, tldraw's shape fields, the creator's note in `meta`),
 * so the server's record validation takes them and every board draws them. No zod and no tldraw
 * here: this file ships on the phone's first paint; tests/unit/quick-items.test.ts checks every
 * record against the server's validation.
 */

export interface ShapeRecord {
  id: string
  typeName: 'shape'
  type: string
  x: number
  y: number
  rotation: number
  index: string
  parentId: string
  isLocked: boolean
  opacity: number
  meta: Record<string, unknown>
  props: Record<string, unknown>
}

/** What the forms ask for. Texts are cut to the limits of lib/board/items.ts. */
export type QuickItem =
  | { kind: 'card'; card: Extract<CardKind, 'worry' | 'going-well' | 'next-step'>; text: string }
  | { kind: 'person'; name: string; relation: string; group: PersonGroup }
  | { kind: 'offer'; what: string; when: string; ownerIds: string[] }
  | { kind: 'house-card'; house: House; text: string; emoji: string }

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** A fresh tldraw shape id (`shape:` and 21 random characters, as tldraw makes them). */
export function newShapeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(21))
  let id = 'shape:'
  for (const byte of bytes) id += ID_CHARS[byte % ID_CHARS.length]
  return id
}

/** The ring a new person starts in, by group (as the board's palette does). */
export const startRingOf: Record<PersonGroup, Ring> = { family: 'inner', network: 'middle', professional: 'outer', institution: 'outer' }

const cut = (text: string, max: number) => [...text.trim()].slice(0, max).join('')

/** Props and size of a quick item, as the board's palette would make it. */
export function quickItemShape(item: QuickItem): { type: ItemType; props: Record<string, unknown> } {
  switch (item.kind) {
    case 'card':
      return { type: 'kring-card', props: { w: 240, h: 140, kind: item.card, text: cut(item.text, 1_000), answers: [] } }
    case 'person':
      return {
        type: 'kring-person',
        props: { w: 220, h: 128, name: cut(item.name, 80), relation: cut(item.relation, 80), ring: startRingOf[item.group], group: item.group, support: [], note: '' },
      }
    case 'offer':
      return {
        type: 'kring-agreement',
        props: { w: 340, h: 220, what: cut(item.what, 1_000), ownerIds: item.ownerIds.slice(0, 10), when: cut(item.when, 120), backupId: '', howWeKnow: '', answers: [], status: 'open' },
      }
    case 'house-card':
      return { type: 'kring-house-card', props: { w: 180, h: 140, house: item.house, text: cut(item.text, 200), emoji: cut(item.emoji, 4) } }
  }
}

/**
 * A sibling index above every one in `siblings` (tldraw's fractional keys: appending a digit to
 * the highest key gives a key right above it, and a key never ends in '0').
 */
export function indexAbove(siblings: readonly string[]): string {
  const highest = siblings.reduce((max, key) => (key > max ? key : max), 'a1')
  return `${highest}V`
}

export function shapeRecord(input: {
  id: string
  type: string
  props: Record<string, unknown>
  x: number
  y: number
  parentId: string
  index: string
  createdBy: string
}): ShapeRecord {
  return {
    id: input.id,
    typeName: 'shape',
    type: input.type,
    x: Math.round(input.x),
    y: Math.round(input.y),
    rotation: 0,
    index: input.index,
    parentId: input.parentId,
    isLocked: false,
    opacity: 1,
    meta: { [CREATED_BY_META]: input.createdBy },
    props: input.props,
  }
}

/** The index keys of the shapes under `parentId` in a board's records. */
export function siblingIndexes(records: Record<string, unknown>, parentId: string): string[] {
  const keys: string[] = []
  for (const value of Object.values(records)) {
    const shape = value as { typeName?: unknown; parentId?: unknown; index?: unknown } | null
    if (shape && shape.typeName === 'shape' && shape.parentId === parentId && typeof shape.index === 'string') keys.push(shape.index)
  }
  return keys
}
