import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemDefaults } from '../../lib/board/items'
import { inspectUpdate } from '../../server/sync/record-guard'
import { validateUpdate, type Validation } from '../../server/sync/record-validation'
import { baseBoardUpdate, shapeOnPage } from '../helpers/board-records'
import { bottomLineRecord } from '../helpers/policy-sync'

/**
 * The server holds the bottom-line tick rule as the form does: a device that writes a tick on a
 * bottom line no agreement answers, without a reason, is refused (a bottom line showing "Nog geen
 * afspraak" must not read as met in the frozen plan).
 */
const LINE = 'shape:line'

function roomDoc(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, baseBoardUpdate())
  doc.getMap('records').set(LINE, bottomLineRecord(LINE, 'Sam gaat elke schooldag naar school'))
  return doc
}

function agreement(id: string, answers: string[]) {
  return shapeOnPage(id, 'kring-agreement', { ...itemDefaults['kring-agreement'], what: 'Oma brengt Sam naar school', when: 'elke schooldag', answers })
}

function validate(room: Y.Doc, edit: (records: Y.Map<unknown>) => void): Validation {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  client.transact(() => edit(client.getMap('records')))
  const records = room.getMap('records')
  return validateUpdate(inspectUpdate(room, Y.mergeUpdates(updates)), {
    record: (key) => records.get(key),
    entries: () => records.entries(),
    schema: room.getMap('meta').get('schema'),
  })
}

const ticked = (reason: string) => bottomLineRecord(LINE, 'Sam gaat elke schooldag naar school', 'participant-jan', reason)

describe('the bottom-line tick rule on the server', () => {
  it('refuses a tick on a bottom line nothing answers, without a reason', () => {
    expect(validate(roomDoc(), (r) => r.set(LINE, ticked('')))).toEqual(expect.objectContaining({ ok: false, rule: 'bottom-line-tick' }))
    expect(validate(roomDoc(), (r) => r.set(LINE, ticked('   ')))).toEqual(expect.objectContaining({ ok: false, rule: 'bottom-line-tick' }))
  })

  it('accepts a tick with a written reason', () => {
    expect(validate(roomDoc(), (r) => r.set(LINE, ticked('De school heeft dit al geregeld')))).toEqual({ ok: true })
  })

  it('accepts a tick when an agreement answers it, already on the board or written in the same update', () => {
    const room = roomDoc()
    room.getMap('records').set('shape:agreement', agreement('shape:agreement', [LINE]))
    expect(validate(room, (r) => r.set(LINE, ticked('')))).toEqual({ ok: true })
    expect(validate(roomDoc(), (r) => {
      r.set('shape:agreement', agreement('shape:agreement', [LINE]))
      r.set(LINE, ticked(''))
    })).toEqual({ ok: true })
  })

  it('refuses the tick when the same update removes the only answering agreement', () => {
    const room = roomDoc()
    room.getMap('records').set('shape:agreement', agreement('shape:agreement', [LINE]))
    expect(validate(room, (r) => {
      r.delete('shape:agreement')
      r.set(LINE, ticked(''))
    })).toEqual(expect.objectContaining({ ok: false, rule: 'bottom-line-tick' }))
  })

  it('lets an older tick stand and opening a tick again through, so a board stays editable', () => {
    const room = roomDoc()
    room.getMap('records').set(LINE, ticked(''))
    const moved = { ...(ticked('') as object), x: 40 }
    expect(validate(room, (r) => r.set(LINE, moved))).toEqual({ ok: true })
    expect(validate(room, (r) => r.set(LINE, bottomLineRecord(LINE, 'Sam gaat elke schooldag naar school')))).toEqual({ ok: true })
  })
})
