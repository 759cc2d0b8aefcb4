import type { ItemType } from './items'
import { isAreaGrowthOnly } from './placement/growth'

/**
 * The board's structure and who added what: the words the sync server's rules
 * (server/sync/delete-rules.ts) and the board's guard on the device share.
 *
 * The structure is the document record, its pages and the areas (`kring-area`, from the template
 * or added by the facilitator): only whoever may arrange the board (`board.arrange`) adds,
 * changes or removes it. Items people put on the board are anyone's to move and edit, and theirs
 * (and the facilitator's) to remove.
 */

const STRUCTURE_SHAPES: readonly ItemType[] = ['kring-area']
const STRUCTURE_RECORD_TYPES = ['document', 'page']

/**
 * The meta field in which the device that made a shape notes who it is. A hint for the screen
 * only: the sync server keeps its own list of who added what and never reads this.
 */
export const CREATED_BY_META = 'kringCreatedBy'

/** The record type in a record key (`shape:abc` → `shape`). */
export function recordTypeOfKey(key: string): string {
  const colon = key.indexOf(':')
  return colon === -1 ? '' : key.slice(0, colon)
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined
}

/** Whether a shape (enough of one) is part of the board's structure: an area. */
export function isStructureShape(shape: { type: string }): boolean {
  return (STRUCTURE_SHAPES as readonly string[]).includes(shape.type)
}

/**
 * Whether a record of the board's document, by its key and one of its values (stored or written),
 * is part of the structure. Both are looked at: a crafted value may say anything about its type.
 */
export function isStructureRecord(key: string, value: unknown): boolean {
  const typeName = recordTypeOfKey(key)
  if (STRUCTURE_RECORD_TYPES.includes(typeName) || STRUCTURE_RECORD_TYPES.includes(String(field(value, 'typeName')))) return true
  const type = field(value, 'type')
  return typeof type === 'string' && isStructureShape({ type })
}

/** Who the device that made a shape said made it (CREATED_BY_META), or null. */
export function createdByHint(shape: { meta?: unknown }): string | null {
  const by = field(shape.meta, CREATED_BY_META)
  return typeof by === 'string' && by !== '' ? by : null
}

/** Who acts on this device, as the board's guard needs it. */
export interface BoardActor {
  participantId: string
  /** The policy allows `board.arrange` now (the facilitator). */
  arranges: boolean
}

interface ShapeLike {
  type: string
  meta?: unknown
}

/**
 * Whether this device offers to remove a shape: the facilitator anything; anyone else only what
 * they added themselves (by the device's note, CREATED_BY_META), never the structure. Scale
 * marks follow their own rule (lib/board/ownership.ts). The server decides with its own list.
 */
export function mayRemoveShape(shape: ShapeLike, actor: BoardActor): boolean {
  if (actor.arranges || shape.type === 'kring-scale-mark') return true
  if (isStructureShape(shape)) return false
  return actor.participantId !== '' && createdByHint(shape) === actor.participantId
}

/**
 * Whether this device lets a shape be changed (moved, resized, edited): all but the structure,
 * which the facilitator arranges; anyone may make an area larger (the placement growing a full
 * area, lib/board/placement), as the server allows.
 */
export function mayChangeShape(prev: ShapeLike, next: ShapeLike, actor: BoardActor): boolean {
  return actor.arranges || !(isStructureShape(prev) || isStructureShape(next)) || isAreaGrowthOnly(prev, next)
}

/** Whether this device lets a shape be added (also pasted or duplicated): all but the structure. */
export function mayAddShape(shape: ShapeLike, actor: BoardActor): boolean {
  return actor.arranges || !isStructureShape(shape)
}
