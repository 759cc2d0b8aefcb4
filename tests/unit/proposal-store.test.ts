import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Proposal } from '../../lib/conference/agreement'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { derivePlanFromRecords } from '../../lib/plan/derive'
import { databaseProposalStore, memoryProposalStore, type Agreed, type ProposalStore } from '../../server/meeting/proposal-store'
import { seedMeeting } from '../helpers/test-server'

/**
 * The open proposal's two homes (server/meeting/proposal-store.ts) keep one contract: every change
 * names the revision it read, so of two changes made from the same read exactly one counts, and
 * the other reads again. The database store is what several instances share.
 */
function agreed(status: Proposal['status'] = 'open'): Agreed {
  const proposal: Proposal = {
    id: 'proposal-1',
    proposedBy: 'p-fac',
    proposedByName: 'Fenna',
    proposedAt: '2026-12-03T10:00:00.000Z',
    acceptedWarnings: [],
    parties: [{ participantId: 'p-mom', name: 'Sanne', role: 'family' }],
    consents: {},
    status,
  }
  return { proposal, plan: derivePlanFromRecords({}), boardState: new Uint8Array([1, 2, 3]), boardSvg: '<svg/>' }
}

const consented = (proposal: Proposal, participantId: string): Proposal => ({
  ...proposal,
  consents: { ...proposal.consents, [participantId]: { at: '2026-12-03T10:01:00.000Z', recordedBy: null } },
})

describe.each(['memory', 'database'] as const)('the %s proposal store', (kind) => {
  let db: Db
  let store: ProposalStore
  let conferenceId: string

  beforeEach(async () => {
    db = await openDatabase(':memory:')
    conferenceId = (await seedMeeting(db)).conference.id
    store = kind === 'memory' ? memoryProposalStore() : databaseProposalStore(db)
  })
  afterEach(async () => {
    await db.destroy()
  })

  it('opens one proposal per conference and gives back what it holds', async () => {
    expect(await store.get(conferenceId)).toBeNull()
    const held = await store.create(conferenceId, agreed())
    expect(held?.revision).toBe(1)
    expect(await store.create(conferenceId, agreed())).toBeNull()
    const read = await store.get(conferenceId)
    expect(read?.agreed.proposal).toEqual(agreed().proposal)
    expect(read?.agreed.plan).toEqual(agreed().plan)
    expect([...(read?.agreed.boardState ?? [])]).toEqual([1, 2, 3])
    expect(read?.agreed.boardSvg).toBe('<svg/>')
  })

  it('of two changes made from the same read, exactly one counts; the other reads again and then counts too', async () => {
    await store.create(conferenceId, agreed())
    const read = (await store.get(conferenceId))!
    const [first, second] = await Promise.all([
      store.replace(conferenceId, read, consented(read.agreed.proposal, 'p-mom')),
      store.replace(conferenceId, read, consented(read.agreed.proposal, 'p-aunt')),
    ])
    expect([first, second].filter((x) => x !== null)).toHaveLength(1)
    const again = (await store.get(conferenceId))!
    expect(again.revision).toBe(2)
    const loser = first === null ? 'p-mom' : 'p-aunt'
    expect(await store.replace(conferenceId, again, consented(again.agreed.proposal, loser))).not.toBeNull()
    expect(Object.keys((await store.get(conferenceId))!.agreed.proposal.consents).sort()).toEqual(['p-aunt', 'p-mom'])
  })

  it('takes a proposal away only as it was read', async () => {
    const held = (await store.create(conferenceId, agreed()))!
    const changed = (await store.replace(conferenceId, held, { ...held.agreed.proposal, status: 'freezing' }))!
    expect(await store.remove(conferenceId, held)).toBe(false)
    expect(await store.remove(conferenceId, changed)).toBe(true)
    expect(await store.get(conferenceId)).toBeNull()
    expect(await store.remove(conferenceId, null)).toBe(false)
  })
})
