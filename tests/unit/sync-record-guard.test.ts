import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { inspectUpdate, removedRecords, type UpdateEffect } from '../../server/sync/record-guard'
import { policyWritePolicy, WriteRefusal, type Writer } from '../../server/sync/write-policy'
import { craftedOverwrite } from '../helpers/crafted-updates'

/** A tldraw shape record as the binding stores it: one plain JSON value per key of `records`. */
function shape(id: string, type: string, props: Record<string, unknown>) {
  return { id, typeName: 'shape', type, x: 0, y: 0, rotation: 0, index: 'a1', parentId: 'page:page', isLocked: false, opacity: 1, meta: {}, props }
}
const bottomLine = (id: string, text: string, tickedBy = '') =>
  shape(id, 'kring-bottom-line', { w: 320, h: 140, text, tickedBy, tickedByName: tickedBy ? 'Jan' : '', tickedAt: tickedBy ? '2025-01-01T10:00:00.000Z' : '' })
const mark = (id: string, participantId: string, value: number) =>
  shape(id, 'kring-scale-mark', { w: 40, h: 56, participantId, name: participantId, value })
const card = (id: string, text: string) => shape(id, 'kring-card', { w: 240, h: 120, kind: 'worry', text, answers: [] })

/** The room's document with a card and a bottom line, as the server holds it. */
function roomDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    const records = doc.getMap('records')
    records.set('shape:card', card('shape:card', 'Zorg over school'))
    records.set('shape:line', bottomLine('shape:line', 'Sam gaat elke dag naar school'))
    doc.getMap('meta').set('schema', { schemaVersion: 2, sequences: {} })
  })
  return doc
}

/** A client synced with the room; returns the update its edit produces (what a provider sends). */
function clientEdit(room: Y.Doc, edit: (records: Y.Map<unknown>, doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  client.transact(() => edit(client.getMap('records'), client))
  expect(updates).toHaveLength(1)
  return updates[0]!
}

const effect = (changes: boolean, touchesBottomLine: boolean, touchesOther: boolean): UpdateEffect => ({ changes, missing: false, touchesBottomLine, touchesOther, scaleMarks: [], records: [] })
/** The flags of an effect, for comparing with what an update does (its record list is checked on its own). */
const flags = (changes: boolean, touchesBottomLine: boolean, touchesOther: boolean) => ({ changes, missing: false, touchesBottomLine, touchesOther })

describe('record guard: what an update would change, without applying it', () => {
  it('creating a bottom line', () => {
    const room = roomDoc()
    const update = clientEdit(room, (records) => records.set('shape:new', bottomLine('shape:new', 'Er is altijd een volwassene thuis')))
    expect(inspectUpdate(room, update)).toMatchObject(flags(true, true, false))
  })

  it('changing or ticking a bottom line (an overwrite: the key comes from the replaced item)', () => {
    const room = roomDoc()
    const text = clientEdit(room, (records) => records.set('shape:line', bottomLine('shape:line', 'Sam gaat elke schooldag naar school')))
    expect(inspectUpdate(room, text)).toMatchObject(flags(true, true, false))
    const tick = clientEdit(room, (records) => records.set('shape:line', bottomLine('shape:line', 'Sam gaat elke dag naar school', 'professional-1')))
    expect(inspectUpdate(room, tick)).toMatchObject(flags(true, true, false))
  })

  it('deleting a bottom line (the delete set only)', () => {
    const room = roomDoc()
    const update = clientEdit(room, (records) => records.delete('shape:line'))
    expect(Y.decodeUpdate(update).structs).toHaveLength(0)
    expect(inspectUpdate(room, update)).toMatchObject(flags(true, true, false))
  })

  it('turning a card into a bottom line, or a bottom line into a card, touches a bottom line', () => {
    const room = roomDoc()
    const intoLine = clientEdit(room, (records) => records.set('shape:card', bottomLine('shape:card', 'sneaky')))
    expect(inspectUpdate(room, intoLine).touchesBottomLine).toBe(true)
    const intoCard = clientEdit(room, (records) => records.set('shape:line', card('shape:line', 'gone')))
    expect(inspectUpdate(room, intoCard).touchesBottomLine).toBe(true)
  })

  it('editing, adding or deleting an unrelated record, or writing another map, is no bottom line', () => {
    const room = roomDoc()
    expect(inspectUpdate(room, clientEdit(room, (records) => records.set('shape:card', card('shape:card', 'Zorg over eten'))))).toMatchObject(flags(true, false, true))
    expect(inspectUpdate(room, clientEdit(room, (records) => records.set('shape:other', card('shape:other', 'Oma helpt'))))).toMatchObject(flags(true, false, true))
    expect(inspectUpdate(room, clientEdit(room, (records) => records.delete('shape:card')))).toMatchObject(flags(true, false, true))
    expect(inspectUpdate(room, clientEdit(room, (_records, doc) => doc.getMap('settings').set('loadThreshold', 4)))).toMatchObject(flags(true, false, true))
  })

  it('a mixed update (a card and a bottom line in one transaction) touches both', () => {
    const room = roomDoc()
    const update = clientEdit(room, (records) => {
      records.set('shape:card', card('shape:card', 'Zorg over eten'))
      records.set('shape:line', bottomLine('shape:line', 'changed by the family'))
    })
    expect(inspectUpdate(room, update)).toMatchObject(flags(true, true, true))
  })

  it('a value created and deleted within one transaction travels as deleted content: no bottom line reaches the room', () => {
    const room = roomDoc()
    const update = clientEdit(room, (records) => {
      records.set('shape:brief', bottomLine('shape:brief', 'blink'))
      records.delete('shape:brief')
    })
    expect(inspectUpdate(room, update)).toMatchObject(flags(true, false, true))
  })

  it("a reconnecting client's step 2 repeats its whole delete set: deletions the room has are no change", () => {
    const room = roomDoc()
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
    // A professional deleted a bottom line earlier; both the room and this client have that.
    const professional = clientEdit(room, (records) => records.delete('shape:line'))
    Y.applyUpdate(room, professional)
    Y.applyUpdate(client, professional)
    const nothingNew = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room))
    expect(Y.decodeUpdate(nothingNew).ds.clients.size).toBeGreaterThan(0)
    expect(inspectUpdate(room, nothingNew)).toMatchObject(flags(false, false, false))
    // Offline the family member changed a card: only that counts.
    client.getMap('records').set('shape:card', card('shape:card', 'offline bewerkt'))
    expect(inspectUpdate(room, Y.encodeStateAsUpdate(client, Y.encodeStateVector(room)))).toMatchObject(flags(true, false, true))
  })

  it('an update the room already applied changes nothing', () => {
    const room = roomDoc()
    const update = clientEdit(room, (records) => records.set('shape:card', card('shape:card', 'al toegepast')))
    Y.applyUpdate(room, update)
    expect(inspectUpdate(room, update)).toMatchObject(flags(false, false, false))
  })

  it('building on or deleting content the room has never seen is "missing": its target cannot be known', () => {
    const room = roomDoc()
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
    const updates: Uint8Array[] = []
    client.on('update', (update: Uint8Array) => updates.push(update))
    const records = client.getMap('records')
    records.set('shape:unseen', card('shape:unseen', 'never reached the room'))
    records.set('shape:fresh', card('shape:fresh', 'a new key, after a gap in this client’s clock'))
    records.set('shape:unseen', bottomLine('shape:unseen', 'an overwrite of what the room never saw'))
    records.delete('shape:unseen')
    const [first, gap, overwrite, deletion] = updates
    expect(inspectUpdate(room, first!)).toMatchObject({ changes: true, missing: false })
    for (const [what, update] of [['gap', gap], ['overwrite', overwrite], ['deletion', deletion]] as const) {
      expect(inspectUpdate(room, update!).missing, what).toBe(true)
    }
    // Together with the content they build on nothing is missing, and the bottom line is seen
    // (merged, its value is still there, next to the deletion).
    expect(inspectUpdate(room, Y.mergeUpdates([first!, gap!]))).toMatchObject(flags(true, false, true))
    expect(inspectUpdate(room, Y.mergeUpdates(updates))).toMatchObject(flags(true, true, true))
  })
})

describe('record guard: which records an update writes and removes', () => {
  it('lists a new record, an overwrite with what it replaces, and a deletion; only the deletion is a removal', () => {
    const room = roomDoc()
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
    const records = client.getMap('records')
    const before = Y.encodeStateVector(client)
    client.transact(() => {
      records.set('shape:new', card('shape:new', 'nieuw'))
      records.set('shape:card', card('shape:card', 'veranderd'))
      records.delete('shape:line')
    })
    const touched = inspectUpdate(room, Y.encodeStateAsUpdate(client, before))
    expect(touched.records).toEqual(
      expect.arrayContaining([
        { change: 'write', key: 'shape:new', value: card('shape:new', 'nieuw'), previous: undefined },
        expect.objectContaining({ change: 'write', key: 'shape:card', value: card('shape:card', 'veranderd') }),
        expect.objectContaining({ change: 'delete', key: 'shape:line' }),
      ]),
    )
    expect(removedRecords(touched).map((r) => r.key)).toEqual(['shape:line'])
  })
})

describe('policy write policy: board.write and bottomLine.write', () => {
  const writer = (role: Writer['role'], phase: Writer['phase']): Writer => ({
    participantId: 'p',
    conferenceId: 'c',
    role,
    phase,
    policyContext: { facilitatorStaysInPrivateTime: false },
  })

  it('a professional writes bottom lines; a family member writes the rest but not bottom lines; an observer nothing', () => {
    expect(policyWritePolicy(writer('professional', 'informatie'), effect(true, true, true))).toEqual({ allowed: true })
    expect(policyWritePolicy(writer('family', 'informatie'), effect(true, false, true))).toEqual({ allowed: true })
    expect(policyWritePolicy(writer('family', 'informatie'), effect(true, true, true))).toEqual({ allowed: false, reason: WriteRefusal.BottomLine })
    expect(policyWritePolicy(writer('family', 'informatie'), effect(true, true, false))).toEqual({ allowed: false, reason: WriteRefusal.BottomLine })
    expect(policyWritePolicy(writer('observer', 'informatie'), effect(true, false, true))).toEqual({ allowed: false, reason: WriteRefusal.ReadOnly })
    expect(policyWritePolicy(writer('observer', 'informatie'), effect(true, true, false))).toEqual({ allowed: false, reason: WriteRefusal.ReadOnly })
    expect(policyWritePolicy(writer('professional', 'afgesloten'), effect(true, true, false))).toEqual({ allowed: false, reason: WriteRefusal.ReadOnly })
  })
})

describe('scale marks: only their owner moves them', () => {
  const markRoom = () => {
    const room = roomDoc()
    room.getMap('records').set('shape:mark-amira', mark('shape:mark-amira', 'p-amira', 3))
    return room
  }
  const writer = (participantId: string, role: Writer['role']): Writer => ({
    participantId,
    conferenceId: 'c',
    role,
    phase: 'informatie',
    policyContext: { facilitatorStaysInPrivateTime: false },
  })

  it('sees whose marks an update writes or deletes', () => {
    const room = markRoom()
    const placed = clientEdit(room, (records) => records.set('shape:mark-jan', mark('shape:mark-jan', 'p-jan', 7)))
    expect(inspectUpdate(room, placed).scaleMarks).toEqual([{ owner: 'p-jan', change: 'write' }])
    const moved = clientEdit(room, (records) => records.set('shape:mark-amira', mark('shape:mark-amira', 'p-amira', 5)))
    expect(inspectUpdate(room, moved).scaleMarks).toContainEqual({ owner: 'p-amira', change: 'write' })
    const removed = clientEdit(room, (records) => records.delete('shape:mark-amira'))
    expect(inspectUpdate(room, removed).scaleMarks).toEqual([{ owner: 'p-amira', change: 'delete' }])
  })

  it('lets the owner move their mark, refuses everyone else, and lets the facilitator remove (not move) one', () => {
    const room = markRoom()
    const moved = inspectUpdate(room, clientEdit(room, (records) => records.set('shape:mark-amira', mark('shape:mark-amira', 'p-amira', 5))))
    const removed = inspectUpdate(room, clientEdit(room, (records) => records.delete('shape:mark-amira')))
    expect(policyWritePolicy(writer('p-amira', 'network'), moved)).toEqual({ allowed: true })
    expect(policyWritePolicy(writer('p-mother', 'family'), moved)).toEqual({ allowed: false, reason: WriteRefusal.ScaleMark })
    expect(policyWritePolicy(writer('p-mother', 'family'), removed)).toEqual({ allowed: false, reason: WriteRefusal.ScaleMark })
    expect(policyWritePolicy(writer('p-fenna', 'facilitator'), moved)).toEqual({ allowed: false, reason: WriteRefusal.ScaleMark })
    expect(policyWritePolicy(writer('p-fenna', 'facilitator'), removed)).toEqual({ allowed: true })
  })
})

describe('crafted overwrites: the value a write replaces counts, not only its delete set', () => {
  // A stock client lists the value it overwrites in the update's delete set; a crafted update can
  // leave that out, and Yjs still replaces the value (craftedOverwrite checks that it does).
  const writer = (participantId: string, role: Writer['role']): Writer => ({
    participantId,
    conferenceId: 'c',
    role,
    phase: 'informatie',
    policyContext: { facilitatorStaysInPrivateTime: false },
  })
  const family = writer('p-mother', 'family')
  const network = writer('p-amira', 'network')
  const professional = writer('p-jan', 'professional')
  const emptyDeleteSet = (update: Uint8Array) => Y.decodeUpdate(update).ds.clients.size === 0

  it('a bottom line turned into a card: touches a bottom line, refused for family and network', () => {
    const room = roomDoc()
    const update = craftedOverwrite(room, 'shape:line', card('shape:line', 'weg met deze ondergrens'))
    expect(emptyDeleteSet(update)).toBe(true)
    expect(inspectUpdate(room, update)).toMatchObject(flags(true, true, false))
    expect(policyWritePolicy(family, inspectUpdate(room, update))).toEqual({ allowed: false, reason: WriteRefusal.BottomLine })
    expect(policyWritePolicy(network, inspectUpdate(room, update))).toEqual({ allowed: false, reason: WriteRefusal.BottomLine })
    expect(policyWritePolicy(professional, inspectUpdate(room, update))).toEqual({ allowed: true })
  })

  it("a bottom line's props changed by an overwrite: refused for family", () => {
    const room = roomDoc()
    const update = craftedOverwrite(room, 'shape:line', bottomLine('shape:line', 'Sam mag thuisblijven', 'p-mother'))
    expect(emptyDeleteSet(update)).toBe(true)
    expect(policyWritePolicy(family, inspectUpdate(room, update))).toEqual({ allowed: false, reason: WriteRefusal.BottomLine })
  })

  it("a bottom line overwritten with someone else's scale mark: refused (bottom line first), and the mark is seen", () => {
    const room = roomDoc()
    const update = craftedOverwrite(room, 'shape:line', mark('shape:line', 'p-amira', 9))
    const seen = inspectUpdate(room, update)
    expect(seen.touchesBottomLine).toBe(true)
    expect(seen.scaleMarks).toEqual([{ owner: 'p-amira', change: 'write' }])
    expect(policyWritePolicy(family, seen)).toEqual({ allowed: false, reason: WriteRefusal.BottomLine })
  })

  it("someone else's scale mark overwritten (by a card, or by the writer's own mark): refused as a scale mark", () => {
    const room = roomDoc()
    room.getMap('records').set('shape:mark-amira', mark('shape:mark-amira', 'p-amira', 3))
    for (const value of [card('shape:mark-amira', 'geen schaal meer'), mark('shape:mark-amira', 'p-mother', 3)]) {
      const update = craftedOverwrite(room, 'shape:mark-amira', value)
      expect(emptyDeleteSet(update)).toBe(true)
      const seen = inspectUpdate(room, update)
      expect(seen.scaleMarks).toContainEqual({ owner: 'p-amira', change: 'write' })
      expect(policyWritePolicy(family, seen)).toEqual({ allowed: false, reason: WriteRefusal.ScaleMark })
      // The owner may replace her own mark.
      if (value.type === 'kring-card') expect(policyWritePolicy(network, seen)).toEqual({ allowed: true })
    }
  })

  it("a card overwritten with a scale mark of someone else: refused as a scale mark", () => {
    const room = roomDoc()
    const update = craftedOverwrite(room, 'shape:card', mark('shape:card', 'p-amira', 1))
    expect(policyWritePolicy(family, inspectUpdate(room, update))).toEqual({ allowed: false, reason: WriteRefusal.ScaleMark })
  })

  it('a stale client overwriting an earlier value of a bottom line still replaces the current one: touches a bottom line', () => {
    // The professional changed the bottom line after the family member's device last synced. That
    // device's (stock) overwrite builds on the earlier value, which the room already deleted, so its
    // delete set changes nothing; with a higher client id it still lands after, and replaces, the
    // professional's value.
    const room = roomDoc()
    const stale = new Y.Doc()
    stale.clientID = 0xfffffff0
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(room))
    const professionalDevice = new Y.Doc()
    professionalDevice.clientID = 1
    Y.applyUpdate(professionalDevice, Y.encodeStateAsUpdate(room))
    professionalDevice.getMap('records').set('shape:line', bottomLine('shape:line', 'Sam gaat elke dag naar school', 'p-jan'))
    Y.applyUpdate(room, Y.encodeStateAsUpdate(professionalDevice, Y.encodeStateVector(room)))

    const updates: Uint8Array[] = []
    stale.on('update', (update: Uint8Array) => updates.push(update))
    stale.getMap('records').set('shape:line', card('shape:line', 'weg ermee'))
    const update = updates[0]!
    const check = new Y.Doc()
    Y.applyUpdate(check, Y.encodeStateAsUpdate(room))
    Y.applyUpdate(check, update)
    expect((check.getMap('records').get('shape:line') as { type: string }).type).toBe('kring-card')

    expect(inspectUpdate(room, update)).toMatchObject(flags(true, true, false))
    expect(policyWritePolicy(family, inspectUpdate(room, update))).toEqual({ allowed: false, reason: WriteRefusal.BottomLine })
  })
})
