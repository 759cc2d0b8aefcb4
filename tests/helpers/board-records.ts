import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { createKringTLSchema } from '../../lib/board/tldraw-schema'
import type { Db } from '../../lib/server/db/connect'
import { appendUpdate } from '../../lib/server/db/repositories/yjs-log'

/**
 * Valid board records for sync tests: the server refuses anything tldraw's schema or Kring's
 * items refuse, and a shape whose parent is not on the board (server/sync/record-validation.ts).
 */
export const PAGE_ID = 'page:page'

export function documentRecord() {
  return DocumentRecordType.create({ id: TLDOCUMENT_ID })
}

export function pageRecord(id = PAGE_ID, name = 'Bord') {
  return PageRecordType.create({ id: id as ReturnType<typeof PageRecordType.createId>, name, index: 'a1' as never })
}

/** A tldraw shape record as the binding stores it in `records`, on the board's page. */
export function shapeOnPage(id: string, type: string, props: Record<string, unknown>, parentId = PAGE_ID) {
  return { id, typeName: 'shape', type, x: 0, y: 0, rotation: 0, index: 'a1', parentId, isLocked: false, opacity: 1, meta: {}, props }
}

/** A Kring card (a worry) with this text: the simplest valid item. */
export function note(id: string, text: string) {
  return shapeOnPage(id, 'kring-card', { w: 240, h: 120, kind: 'worry', text, answers: [] })
}

/** What every board starts with (as a template does): the document, its page and `meta.schema`. */
export function baseBoardUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    doc.getMap('meta').set('schema', createKringTLSchema().serialize())
    doc.getMap('records').set(TLDOCUMENT_ID, documentRecord())
    doc.getMap('records').set(PAGE_ID, pageRecord())
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Store the base board for a conference (as creating a conference stores its template). */
export async function seedBaseBoard(db: Db, conferenceId: string): Promise<void> {
  await appendUpdate(db, conferenceId, baseBoardUpdate())
}

/** The records of a board without the base ones, for comparing what a test wrote. */
export function withoutBase(records: Record<string, unknown>): Record<string, unknown> {
  const { [TLDOCUMENT_ID]: _document, [PAGE_ID]: _page, ...rest } = records
  return rest
}
