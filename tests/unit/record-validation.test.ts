import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemDefaults } from '../../lib/board/items'
import { inspectUpdate } from '../../server/sync/record-guard'
import { BOARD_RECORD_TYPES, MAX_RECORD_BYTES, MAX_RECORD_DEPTH, boardSchema, tooDeep, validateRecord, validateUpdate, type Validation } from '../../server/sync/record-validation'
import { jsonNestsDeeper } from '../../server/sync/protocol'
import { baseBoardUpdate, note, PAGE_ID, pageRecord, shapeOnPage } from '../helpers/board-records'

/** The room's document: the base board (document, page, schema) and one card. */
function roomDoc(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, baseBoardUpdate())
  doc.getMap('records').set('shape:card', note('shape:card', 'Zorg over school'))
  return doc
}

/** What the room's validation says about a client's edit on a synced copy. */
function validate(room: Y.Doc, edit: (records: Y.Map<unknown>, doc: Y.Doc) => void): Validation {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  client.transact(() => edit(client.getMap('records'), client))
  const update = Y.mergeUpdates(updates)
  const records = room.getMap('records')
  const meta = room.getMap('meta')
  return validateUpdate(inspectUpdate(room, update), { record: (key) => records.get(key), entries: () => records.entries(), schema: meta.get('schema') })
}

const refusedFor = (rule: string) => expect.objectContaining({ ok: false, reason: 'invalid-record', rule })

function nested(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

describe('record validation: what the server stores', () => {
  it('the board stores exactly tldraw’s document records less user: shape, page, document, binding, asset', () => {
    expect([...BOARD_RECORD_TYPES].sort()).toEqual(['asset', 'binding', 'document', 'page', 'shape'])
    expect(Object.keys(boardSchema.types)).toContain('camera')
  })

  it('accepts valid edits: a card, a changed card, a deletion, a person, settings', () => {
    const room = roomDoc()
    expect(validate(room, (r) => r.set('shape:new', note('shape:new', 'Oma helpt op woensdag')))).toEqual({ ok: true })
    expect(validate(room, (r) => r.set('shape:card', note('shape:card', 'Zorg over eten')))).toEqual({ ok: true })
    expect(validate(room, (r) => r.delete('shape:card'))).toEqual({ ok: true })
    const person = shapeOnPage('shape:person', 'kring-person', itemDefaults['kring-person'])
    expect(validate(room, (r) => r.set('shape:person', person))).toEqual({ ok: true })
    expect(validate(room, (_r, doc) => doc.getMap('settings').set('loadThreshold', 4))).toEqual({ ok: true })
  })

  it('finding 2: refuses records that are no valid tldraw document records', () => {
    const room = roomDoc()
    const card = note('shape:x', 'x')
    const { props: _props, ...withoutProps } = card
    expect(validate(room, (r) => r.set('shape:x', withoutProps))).toEqual(refusedFor('tldraw-schema'))
    expect(validate(room, (r) => r.set('shape:x', { ...card, type: 'hologram' }))).toEqual(refusedFor('tldraw-schema'))
    expect(validate(room, (r) => r.set('shape:x', { ...card, x: 'NaN' }))).toEqual(refusedFor('tldraw-schema'))
    expect(validate(room, (r) => r.set('instance:instance', { id: 'instance:instance', typeName: 'instance' }))).toEqual(refusedFor('not-document-scope'))
    expect(validate(room, (r) => r.set('camera:page:page', { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }))).toEqual(refusedFor('not-document-scope'))
    expect(validate(room, (r) => r.set('user:someone', { id: 'user:someone', typeName: 'user', name: 'Iemand' }))).toEqual(refusedFor('not-document-scope'))
    expect(validate(room, (r) => r.set('shape:other-key', card))).toEqual(refusedFor('key-is-not-id'))
    expect(validate(room, (r) => r.set('shape:x', 'just a string'))).toEqual(refusedFor('not-a-record'))
    // A kring-agreement whose props break its zod definition (a status it does not have).
    const agreement = shapeOnPage('shape:x', 'kring-agreement', { w: 320, h: 200, what: '', ownerIds: [], when: '', backupId: '', howWeKnow: '', answers: [], status: 'maybe' })
    expect(validate(room, (r) => r.set('shape:x', agreement))).toEqual(expect.objectContaining({ ok: false, recordType: 'shape/kring-agreement' }))
    // A 1.9 MB string.
    expect(validate(room, (r) => r.set('shape:x', note('shape:x', 'x'.repeat(1_900_000))))).toEqual(refusedFor('size'))
  })

  it('finding 3: refuses a parent that is missing, not a page or shape, or makes a cycle', () => {
    const room = roomDoc()
    const a = shapeOnPage('shape:a', 'geo', {}, 'shape:b')
    const b = shapeOnPage('shape:b', 'geo', {}, 'shape:a')
    const card = (id: string, parentId: string) => ({ ...note(id, id), parentId })
    expect(validate(room, (r) => r.set('shape:x', card('shape:x', 'page:nowhere')))).toEqual(refusedFor('parent'))
    expect(validate(room, (r) => r.set('shape:x', card('shape:x', 'shape:nowhere')))).toEqual(refusedFor('parent'))
    expect(validate(room, (r) => r.set('shape:x', card('shape:x', 'shape:x')))).toEqual(refusedFor('parent-cycle'))
    expect(validate(room, (r) => (r.set('shape:a', { ...a, props: note('', '').props, type: 'kring-card' }), r.set('shape:b', { ...b, props: note('', '').props, type: 'kring-card' })))).toEqual(
      refusedFor('parent-cycle'),
    )
    // A cycle through a shape already on the board.
    expect(validate(room, (r) => (r.set('shape:card', card('shape:card', 'shape:y')), r.set('shape:y', card('shape:y', 'shape:card'))))).toEqual(refusedFor('parent-cycle'))
    // A new page and a card on it in one update; a card in a card.
    expect(validate(room, (r) => (r.set('page:two', pageRecord('page:two', 'Twee')), r.set('shape:x', card('shape:x', 'page:two'))))).toEqual({ ok: true })
    expect(validate(room, (r) => r.set('shape:x', card('shape:x', 'shape:card')))).toEqual({ ok: true })
    // Deleting the page in the same update leaves the new card without a parent.
    expect(validate(room, (r) => (r.delete(PAGE_ID), r.set('shape:x', card('shape:x', PAGE_ID))))).toEqual(refusedFor('parent'))
  })

  it(`finding 4: refuses a record nested deeper than ${MAX_RECORD_DEPTH} levels`, () => {
    const room = roomDoc()
    // Through Yjs as deep as this test worker's stack decodes; the 6,000 levels of the finding directly
    // (and through a real server in tests/integration/sync-record-validation.test.ts).
    expect(validate(room, (r) => r.set('shape:x', { ...note('shape:x', 'x'), meta: { deep: nested(500) } }))).toEqual(refusedFor('depth'))
    expect(validateRecord('shape:x', { ...note('shape:x', 'x'), meta: { deep: nested(6_000) } }, null)).toEqual(refusedFor('depth'))
    expect(validate(room, (r) => r.set('shape:x', { ...note('shape:x', 'x'), meta: { deep: nested(MAX_RECORD_DEPTH - 4) } }))).toEqual({ ok: true })
    expect(tooDeep(nested(MAX_RECORD_DEPTH), MAX_RECORD_DEPTH)).toBe(false)
    expect(tooDeep(nested(MAX_RECORD_DEPTH + 1), MAX_RECORD_DEPTH)).toBe(true)
    expect(MAX_RECORD_BYTES).toBe(256 * 1024)
  })

  it('refuses writes outside the known maps, unknown settings and nested Yjs types', () => {
    const room = roomDoc()
    expect(validate(room, (_r, doc) => doc.getArray('order').insert(0, [1]))).toEqual(refusedFor('unknown-place'))
    expect(validate(room, (_r, doc) => doc.getMap('elsewhere').set('k', 1))).toEqual(refusedFor('unknown-place'))
    expect(validate(room, (_r, doc) => doc.getMap('settings').set('loadThreshold', 'lots'))).toEqual(refusedFor('settings'))
    expect(validate(room, (_r, doc) => doc.getMap('settings').set('colour', 'red'))).toEqual(refusedFor('settings'))
    expect(validate(room, (_r, doc) => doc.getMap('meta').set('other', 1))).toEqual(refusedFor('meta'))
    expect(validate(room, (_r, doc) => doc.getMap('meta').set('schema', { not: 'a schema' }))).toEqual(refusedFor('meta'))
    expect(validate(room, (r) => r.set('shape:x', new Y.Map()))).toEqual(refusedFor('not-json'))
    expect(validate(room, (_r, doc) => doc.getMap('settings').set('supportKinds', new Y.Array()))).toEqual(refusedFor('not-json'))
  })

  it('a newer board format is refused (newer-schema); an older one is migrated to validate and stored as written', () => {
    const room = roomDoc()
    const current = boardSchema.serialize()
    if (current.schemaVersion !== 2) throw new Error('tldraw 5.4 serializes schema version 2')
    const newer = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape': (current.sequences['com.tldraw.shape'] ?? 0) + 1 } }
    expect(validate(room, (r, doc) => (doc.getMap('meta').set('schema', newer), r.set('shape:x', note('shape:x', 'x'))))).toEqual(
      expect.objectContaining({ ok: false, reason: 'newer-schema' }),
    )
    expect(validate(room, (_r, doc) => doc.getMap('meta').set('schema', newer))).toEqual(expect.objectContaining({ ok: false, reason: 'newer-schema' }))
    // meta.schema may not move back: records already migrated would be migrated again.
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape': 0 } }
    expect(validate(room, (_r, doc) => doc.getMap('meta').set('schema', older))).toEqual(refusedFor('meta'))

    // A board still in an older format: a record in that format is migrated before it is validated.
    const oldRoom = new Y.Doc()
    Y.applyUpdate(oldRoom, baseBoardUpdate())
    oldRoom.getMap('meta').set('schema', older)
    expect(validate(oldRoom, (r) => r.set('shape:x', note('shape:x', 'x')))).toEqual({ ok: true })
  })

  it('a deletion is never refused for the format: a board in a newer format can still be cleaned up', () => {
    const room = roomDoc()
    const current = boardSchema.serialize() as { schemaVersion: 2; sequences: Record<string, number> }
    room.getMap('meta').set('schema', { ...current, sequences: { ...current.sequences, 'com.kring.future': 1 } })
    expect(validate(room, (r) => r.delete('shape:card'))).toEqual({ ok: true })
    expect(validate(room, (r) => r.set('shape:x', note('shape:x', 'x')))).toEqual(expect.objectContaining({ reason: 'newer-schema' }))
  })
})

describe('awareness text bounds', () => {
  it('finds deep nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonNestsDeeper('['.repeat(20_000) + ']'.repeat(20_000), 8)).toBe(true)
    expect(jsonNestsDeeper(JSON.stringify({ a: { b: ['[[[[[[[[[[[[[[[', '\\"[[[['] } }), 8)).toBe(false)
    expect(jsonNestsDeeper(JSON.stringify(nested(8)), 8)).toBe(false)
    expect(jsonNestsDeeper(JSON.stringify(nested(9)), 8)).toBe(true)
  })
})
