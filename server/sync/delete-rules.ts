import { isStructureRecord, recordTypeOfKey } from '../../lib/board/board-structure'
import type { ItemType } from '../../lib/board/items'
import { growthWrites } from '../../lib/board/placement/growth'
import { WriteRefusal } from '../../lib/protocol/close-codes'
import type { UpdateEffect } from './record-guard'

/**
 * Who may remove which records, and who may touch the board's structure (issue 9 part 3). Pure:
 * the sync server's write policy (write-policy.ts) asks it with what an update would do
 * (record-guard.ts) and who added each record (record-creators.ts, kept by the server, never read
 * from the records themselves).
 *
 * - Whoever may arrange the board (`board.arrange`: the facilitator) may do anything here.
 * - Everyone else who may write moves and edits every item, but removes only the items they added
 *   themselves. Template items and items from before the server kept creators have no creator:
 *   nobody's, so only the facilitator removes them.
 * - The structure (the document record, pages, areas: lib/board/board-structure.ts) is locked for
 *   them: not added, not changed, not removed; but an area may be made larger (w/h only, within
 *   the growth limit), as the placement does when an area is full (lib/board/placement), and in
 *   the same update the areas beside and below it moved right or down to make room, no further
 *   than it grew (lib/board/placement/make-room.ts).
 * - Not counted as items: bindings (tldraw removes an arrow's binding with the shape it points
 *   at, which may be one's own) and scale marks (their owner's, decided by the scale-mark rule).
 *
 * A refusal is whole: `delete` when the update removes anything that is not the writer's (also
 * structure), else `locked` when it adds to or changes the structure.
 */

/**
 * More than this many others' items removed in one update is a mass deletion (select all,
 * delete): refused like any removal of others' items, but named as such in the log and reported
 * before any other reason, because that is what the person just did.
 */
export const MASS_DELETE_LIMIT = 3

export interface RecordActor {
  participantId: string
  /** The policy allows `board.arrange` now. */
  arranges: boolean
}

/** Who added a record, by key, as the server recorded it; undefined when nobody did (template, older boards). */
export type CreatorOf = (recordKey: string) => string | undefined

export type RecordRuleDecision =
  | { allowed: true }
  | {
      allowed: false
      reason: typeof WriteRefusal.Delete | typeof WriteRefusal.Locked
      /** How many items the update would remove that are not the writer's. */
      othersRemoved: number
      /** othersRemoved > MASS_DELETE_LIMIT. */
      mass: boolean
    }

const SCALE_MARK: ItemType = 'kring-scale-mark'

function typeOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined
}

/** Removing this record is not removing an item of someone's: see the list above. */
function isFreeToRemove(key: string, value: unknown): boolean {
  return recordTypeOfKey(key) === 'binding' || typeOf(value) === SCALE_MARK
}

export function decideRecordRules(actor: RecordActor, effect: Pick<UpdateEffect, 'records'>, creatorOf: CreatorOf): RecordRuleDecision {
  if (actor.arranges) return { allowed: true }
  // A key that is also written is overwritten, not removed (see record-guard.ts removedRecords).
  const written = new Set(effect.records.filter((t) => t.change === 'write').map((t) => t.key))
  const others = new Set<string>()
  for (const touch of effect.records) {
    if (touch.change !== 'delete' || written.has(touch.key)) continue
    if (isStructureRecord(touch.key, touch.value)) others.add(touch.key)
    else if (!isFreeToRemove(touch.key, touch.value) && creatorOf(touch.key) !== actor.participantId) others.add(touch.key)
  }
  const othersRemoved = others.size
  if (othersRemoved > 0) return { allowed: false, reason: WriteRefusal.Delete, othersRemoved, mass: othersRemoved > MASS_DELETE_LIMIT }
  // An area made larger and nothing else, and its neighbours moved aside for it, is the placement
  // making room (lib/board/placement): anyone who writes may do that. Only when every write of
  // the key is such a change.
  const writes = effect.records.filter((t) => t.change === 'write')
  const byGrowth = growthWrites(writes)
  const grown = new Set(written)
  for (const t of writes) if (!byGrowth.has(t)) grown.delete(t.key)
  const locked = effect.records.some(
    (t) =>
      !grown.has(t.key) &&
      (isStructureRecord(t.key, t.value) || (t.change === 'write' && t.previous !== undefined && isStructureRecord(t.key, t.previous))),
  )
  if (locked) return { allowed: false, reason: WriteRefusal.Locked, othersRemoved: 0, mass: false }
  return { allowed: true }
}
