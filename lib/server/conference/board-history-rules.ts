import type { CheckpointReason } from '../db/schema'

/**
 * The pure rules of the board's history: what counts as an item, what was deleted since a
 * checkpoint, what a single-item restore must bring along, and which checkpoints to let go.
 * No I/O: board-history.ts reads and writes, a unit test checks these.
 */

export type BoardRecords = Record<string, unknown>

/** An item is a shape on the board (pages, bindings and the document record are not). */
export function isItemKey(key: string): boolean {
  return key.startsWith('shape:')
}

export function countItems(records: BoardRecords): number {
  let n = 0
  for (const key of Object.keys(records)) if (isItemKey(key)) n++
  return n
}

/** Items in the checkpoint that are no longer on the board, in the checkpoint's order. */
export function itemsDeletedSince(checkpoint: BoardRecords, current: BoardRecords): string[] {
  return Object.keys(checkpoint).filter((key) => isItemKey(key) && !Object.hasOwn(current, key))
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined
}

/** What an item says, for the checklist: its name or text, cut short; '' for a drawing. */
export function itemLabel(record: unknown): string {
  const props = field(record, 'props')
  for (const name of ['name', 'text', 'title', 'label']) {
    const value = field(props, name)
    if (typeof value === 'string' && value.trim() !== '') {
      const text = value.trim().replace(/\s+/g, ' ')
      return text.length > 80 ? `${text.slice(0, 79)}…` : text
    }
  }
  return ''
}

export function itemType(record: unknown): string {
  const type = field(record, 'type')
  return typeof type === 'string' ? type : 'shape'
}

/**
 * The records a single-item restore sets: the chosen items as the checkpoint has them, the
 * parents they sat in that are gone too (an area or frame, a page), and the checkpoint's bindings
 * (arrows) whose both ends are on the board afterwards. Items not in the checkpoint are ignored.
 */
export function keysToBringBack(checkpoint: BoardRecords, current: BoardRecords, items: readonly string[]): string[] {
  const keys = new Set<string>()
  const present = (key: string) => keys.has(key) || Object.hasOwn(current, key)
  for (const item of items) {
    if (!isItemKey(item) || !Object.hasOwn(checkpoint, item)) continue
    keys.add(item)
    // Walk up while the parent is gone from the board but in the checkpoint (bounded: a crafted cycle ends).
    let parent = field(checkpoint[item], 'parentId')
    for (let hops = 0; typeof parent === 'string' && hops < 32; hops++) {
      if (present(parent) || !Object.hasOwn(checkpoint, parent)) break
      keys.add(parent)
      parent = field(checkpoint[parent], 'parentId')
    }
  }
  for (const [key, record] of Object.entries(checkpoint)) {
    if (!key.startsWith('binding:') || Object.hasOwn(current, key)) continue
    const from = field(record, 'fromId')
    const to = field(record, 'toId')
    const touches = (typeof from === 'string' && keys.has(from)) || (typeof to === 'string' && keys.has(to))
    if (touches && typeof from === 'string' && typeof to === 'string' && present(from) && present(to)) keys.add(key)
  }
  return [...keys]
}

// ---- pruning ------------------------------------------------------------------------------

export interface CheckpointRetention {
  /** Everything newer than this is kept (the evening being worked on). */
  keepAllMs: number
  /** At most this many checkpoints per board. */
  maxPerBoard: number
  /** At most this many bytes of records per board. */
  maxBytesPerBoard: number
}

/**
 * The default bound: every checkpoint of the last two hours; older ones only when they mark a
 * moment (phase change, agreed version, before a big delete, before a restore) plus the newest
 * interval checkpoint of each clock hour; at most 120 per board and 64 MB of records (a board of
 * a few hundred items is 50-300 KB). Applied on every insert.
 */
export const DEFAULT_RETENTION: CheckpointRetention = { keepAllMs: 2 * 60 * 60 * 1000, maxPerBoard: 120, maxBytesPerBoard: 64 * 1024 * 1024 }

export interface CheckpointFacts {
  id: string
  createdAt: string
  reason: CheckpointReason
  bytes: number
}

/** The ids to delete so the board's checkpoints follow `rules`. The newest checkpoint always stays. */
export function checkpointsToPrune(checkpoints: readonly CheckpointFacts[], now: Date, rules: CheckpointRetention = DEFAULT_RETENTION): string[] {
  const newestFirst = [...checkpoints].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  const prune = new Set<string>()
  const hoursWithInterval = new Set<string>()
  for (const checkpoint of newestFirst) {
    if (now.getTime() - Date.parse(checkpoint.createdAt) <= rules.keepAllMs) continue
    if (checkpoint.reason !== 'interval') continue
    const hour = checkpoint.createdAt.slice(0, 13)
    if (hoursWithInterval.has(hour)) prune.add(checkpoint.id)
    else hoursWithInterval.add(hour)
  }
  // Over the caps: let go of the oldest, interval checkpoints before the ones that mark a moment.
  const kept = newestFirst.filter((c) => !prune.has(c.id))
  let count = kept.length
  let bytes = kept.reduce((sum, c) => sum + c.bytes, 0)
  const candidates = [...kept.slice(1)].reverse()
  const order = [...candidates.filter((c) => c.reason === 'interval'), ...candidates.filter((c) => c.reason !== 'interval')]
  for (const checkpoint of order) {
    if (count <= rules.maxPerBoard && bytes <= rules.maxBytesPerBoard) break
    prune.add(checkpoint.id)
    count--
    bytes -= checkpoint.bytes
  }
  return [...prune]
}
