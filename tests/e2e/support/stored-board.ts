import { TEMPLATE_PAGE_ID } from '../../../lib/board/templates'
import { kringShape } from '../../../lib/board/templates/shape-records'
import type { Db } from '../../../lib/server/db/connect'
import { compactBoard, loadBoard } from '../../../lib/server/db/repositories/yjs-log'
import { recordsMapOf } from '../../../lib/sync/document-format'
import * as Y from 'yjs'

/**
 * Boards as an older server may have stored them: the test writes records straight into the
 * board's snapshot (as start-conference writes the template), past every check the sync server
 * makes today. Call it before anyone opens the board, so no room holds the old copy.
 */
export async function addStoredRecords(db: Db, conferenceId: string, records: Record<string, unknown>[]): Promise<{ shapeIdsBefore: string[] }> {
  const stored = await loadBoard(db, conferenceId)
  const doc = new Y.Doc()
  try {
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update)
    const shapeIdsBefore = [...recordsMapOf(doc).keys()].filter((id) => id.startsWith('shape:'))
    doc.transact(() => {
      const map = recordsMapOf(doc)
      for (const record of records) map.set(String(record.id), record)
    })
    await compactBoard(db, conferenceId, Y.encodeStateAsUpdate(doc), stored.lastUpdateId)
    return { shapeIdsBefore }
  } finally {
    doc.destroy()
  }
}

/** A card on the board's page, as the templates make one. */
export function storedCard(id: string, text: string, at: { x: number; y: number }): Record<string, unknown> {
  return kringShape('kring-card', at, { kind: 'going-well', text }, { pageId: TEMPLATE_PAGE_ID, createId: () => id }) as unknown as Record<string, unknown>
}

/** Two cards whose parents point at each other: a cycle tldraw walks forever. */
export function parentCycle(): Record<string, unknown>[] {
  const a = storedCard('cycle-a', 'Kringkaart A', { x: 900, y: 900 })
  const b = storedCard('cycle-b', 'Kringkaart B', { x: 1200, y: 900 })
  return [
    { ...a, parentId: b.id },
    { ...b, parentId: a.id },
  ]
}

/** A card tldraw's validation refuses (its props are not a card's): skipped, and counted in the notice. */
export function invalidCard(): Record<string, unknown> {
  const card = storedCard('invalid', 'Ongeldig', { x: 300, y: 900 })
  return { ...card, props: { nonsense: true } }
}

/** A card whose meta is nested `depth` levels deep. */
export function deepRecord(depth: number): Record<string, unknown> {
  let nested: Record<string, unknown> = { end: true }
  for (let i = 0; i < depth; i++) nested = { n: nested }
  return { ...storedCard('deep', 'Diep', { x: 600, y: 600 }), meta: nested }
}
