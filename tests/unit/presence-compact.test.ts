import { TLPOINTER_ID, type TLInstancePresence, type TLStore } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AwarenessState, bindPresence, presenceRecordFromAwareness } from '../../lib/sync/presence'
import { manualClock } from './presence-clock'
import { createTestStore, makeUsable } from './tldraw-fixtures'

/**
 * What a phone pays for presence: the state a client sends is small (what the others set
 * themselves is left out), a pointer moving alone goes out at a low rate, and a phone says that it
 * does not show others' cursors live.
 */
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

function person(participantId: string, options: { liveCursors?: boolean } = {}) {
  const clock = manualClock()
  const store = createTestStore()
  makeUsable(store)
  const awareness = new Awareness(new Y.Doc())
  const binding = bindPresence(store, awareness, { user: { participantId, name: 'Iemand' }, clock, ...options })
  cleanups.push(() => awareness.destroy(), () => binding.dispose())
  return { store, awareness, clock }
}

const movePointer = (store: TLStore, x: number, y: number) => store.put([{ ...store.get(TLPOINTER_ID)!, x, y, lastActivityTimestamp: x }])

describe('compact presence', () => {
  it('sends no user id, name, colour, activity time or empty defaults, rounds coordinates, and is still a valid state that shows the cursor', () => {
    const { store, awareness, clock } = person('p-amira')
    clock.advance(1_000)
    movePointer(store, 120.123456, 340.987654)
    const state = awareness.getLocalState() as AwarenessState
    expect(AwarenessState.safeParse(state).success).toBe(true)
    expect(Object.keys(state.presence ?? {}).sort()).toEqual(['camera', 'currentPageId', 'cursor', 'screenBounds'])
    expect(state.presence?.cursor).toMatchObject({ x: 120.1, y: 341 })
    expect(state.view).toBeUndefined()
    expect(JSON.stringify(state).length).toBeLessThan(260)

    const record = presenceRecordFromAwareness(9, state, 5_000) as TLInstancePresence
    expect(record).toMatchObject({ userName: 'Iemand', userId: 'user:p-amira', cursor: { x: 120.1 }, selectedShapeIds: [], brush: null, lastActivityTimestamp: 5_000 })
  })

  it('a pointer moving alone goes out at most 8 times a second, the last position last', () => {
    const { store, awareness, clock } = person('p-amira')
    let sent = 0
    awareness.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(awareness.clientID)) sent++
    })
    for (let i = 0; i < 120; i++) {
      movePointer(store, i, i)
      clock.advance(1000 / 60)
    }
    clock.advance(500)
    expect(sent).toBeGreaterThanOrEqual(7)
    expect(sent).toBeLessThanOrEqual(2 * 8 + 1)
    expect((awareness.getLocalState() as AwarenessState).presence?.cursor).toMatchObject({ x: 119, y: 119 })
  })

  it('a phone says in its state that it does not show live cursors; the state reaches others intact', () => {
    const phone = person('p-oma', { liveCursors: false })
    const other = new Awareness(new Y.Doc())
    cleanups.push(() => other.destroy())
    applyAwarenessUpdate(other, encodeAwarenessUpdate(phone.awareness, [phone.awareness.clientID]), 'relay')
    const state = other.getStates().get(phone.awareness.clientID) as AwarenessState
    expect(state.view).toEqual({ liveCursors: false })
    expect(state.user).toEqual({ id: 'p-oma', name: 'Iemand' })
  })
})
