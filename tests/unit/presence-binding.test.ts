import { TLPOINTER_ID, type TLInstancePresence, type TLStore } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { participantColor, PARTICIPANT_COLORS } from '../../lib/sync/participant-color'
import { bindPresence, presenceRecordFromAwareness, type PresenceBinding } from '../../lib/sync/presence'
import { manualClock } from './presence-clock'
import { createTestStore, makeUsable } from './tldraw-fixtures'

/**
 * Others' cursors and names: what one person does with their pointer shows up on everyone
 * else's board as a tldraw presence (cursor, name tag, colour), and goes away when they leave.
 */

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

function person(participantId: string, name: string, clock = manualClock()) {
  const store = createTestStore()
  makeUsable(store)
  const awareness = new Awareness(new Y.Doc())
  const binding = bindPresence(store, awareness, { user: { participantId, name }, clock })
  cleanups.push(() => awareness.destroy())
  cleanups.push(() => binding.dispose())
  return { participantId, store, awareness, binding: binding as PresenceBinding, clock }
}

/** Relay awareness between clients the way the sync server does. */
function relay(...awarenesses: Awareness[]) {
  const fromRelay = Symbol('relay')
  for (const source of awarenesses) {
    const handler = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === fromRelay) return
      const update = encodeAwarenessUpdate(source, [...added, ...updated, ...removed])
      for (const target of awarenesses) if (target !== source) applyAwarenessUpdate(target, update, fromRelay)
    }
    source.on('update', handler)
    cleanups.push(() => source.off('update', handler))
    // Late joiners get the current states, as on connect.
    for (const target of awarenesses) {
      if (target !== source) applyAwarenessUpdate(target, encodeAwarenessUpdate(source, [...source.getStates().keys()]), fromRelay)
    }
  }
}

function movePointer(store: TLStore, x: number, y: number) {
  store.put([{ ...store.get(TLPOINTER_ID)!, x, y }])
}

function presencesIn(store: TLStore): TLInstancePresence[] {
  return store.allRecords().filter((r): r is TLInstancePresence => r.typeName === 'instance_presence')
}

describe('presence through awareness', () => {
  it('shows another person’s cursor with their name and their own colour', () => {
    const amira = person('p-amira', 'Tante Amira')
    const fenna = person('p-fenna', 'Fenna')
    relay(amira.awareness, fenna.awareness)

    amira.clock.advance(1_000)
    movePointer(amira.store, 120, 340)

    const seen = presencesIn(fenna.store)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({
      userName: 'Tante Amira',
      userId: 'user:p-amira',
      color: participantColor('p-amira'),
      cursor: { x: 120, y: 340 },
      currentPageId: 'page:page',
    })
    // Nobody sees their own presence as a collaborator.
    expect(presencesIn(amira.store).map((p) => p.userName)).toEqual(['Fenna'])
  })

  it('sends at most 15 presence updates a second however fast the pointer moves', () => {
    const amira = person('p-amira', 'Amira')
    let sent = 0
    amira.awareness.on('change', ({ updated }: { updated: number[] }) => {
      if (updated.includes(amira.awareness.clientID)) sent++
    })
    // Two seconds of a 120 Hz pointer.
    for (let i = 0; i < 240; i++) {
      movePointer(amira.store, i, i)
      amira.clock.advance(1000 / 120)
    }
    amira.clock.advance(1_000)
    expect(sent).toBeGreaterThan(10)
    expect(sent).toBeLessThanOrEqual(2 * 15 + 1)
    // The last position still arrives.
    expect(amira.awareness.getLocalState()?.presence?.cursor).toMatchObject({ x: 239, y: 239 })
  })

  it('removes someone’s cursor when they leave or close the board', () => {
    const amira = person('p-amira', 'Amira')
    const fenna = person('p-fenna', 'Fenna')
    const bart = person('p-bart', 'Bart')
    relay(amira.awareness, fenna.awareness, bart.awareness)
    expect(presencesIn(fenna.store).map((p) => p.userName).sort()).toEqual(['Amira', 'Bart'])

    amira.binding.dispose()
    expect(presencesIn(fenna.store).map((p) => p.userName)).toEqual(['Bart'])

    bart.awareness.setLocalState(null)
    expect(presencesIn(fenna.store)).toEqual([])
  })

  it('ignores awareness states it cannot read, and shows nothing for them', () => {
    const fenna = person('p-fenna', 'Fenna')
    const eve = new Awareness(new Y.Doc())
    cleanups.push(() => eve.destroy())
    relay(fenna.awareness, eve)

    eve.setLocalState({ user: { id: 'p-eve', name: 'Eve' }, presence: { currentPageId: 'page:page', cursor: 'everywhere' } })
    eve.setLocalState({ presence: { currentPageId: 'page:page' } })
    eve.setLocalState({ user: { id: 'p-eve', name: '' }, presence: { currentPageId: 'page:page' } })
    eve.setLocalState({ user: { id: 'p-eve', name: 'Eve' }, presence: { currentPageId: 42 } })
    expect(presencesIn(fenna.store)).toEqual([])

    // A readable one shows, with unknown fields left out and colour from the participant id.
    eve.setLocalState({
      user: { id: 'p-eve', name: 'Eve' },
      presence: { currentPageId: 'page:page', cursor: { x: 1, y: 2, type: 'default', rotation: 0 }, color: '#000000', extra: 1 },
    })
    expect(presencesIn(fenna.store)).toEqual([expect.objectContaining({ userName: 'Eve', color: participantColor('p-eve') })])
  })

  it('builds the presence record from an awareness state without trusting its colour or clock', () => {
    const record = presenceRecordFromAwareness(
      7,
      { user: { id: 'p-1', name: 'Jan' }, presence: { currentPageId: 'page:page', color: '#ff00ff', lastActivityTimestamp: 1, meta: { x: 1 } } },
      5_000,
    )
    expect(record).toMatchObject({ userName: 'Jan', color: participantColor('p-1'), lastActivityTimestamp: 5_000, meta: {} })
    expect(presenceRecordFromAwareness(7, { user: { id: 'p-1', name: 'Jan' }, presence: null }, 0)).toBeNull()
  })
})

describe('participant colours', () => {
  it('gives one participant the same colour everywhere and spreads colours over people', () => {
    expect(participantColor('p-amira')).toBe(participantColor('p-amira'))
    const colours = new Set(Array.from({ length: 50 }, (_, i) => participantColor(`participant-${i}`)))
    expect(colours.size).toBeGreaterThan(PARTICIPANT_COLORS.length / 2)
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/)
  })
})
