import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { checkIn, takeOver } from '../../lib/server/follow-up/check-in'
import { loadFollowUp } from '../../lib/server/follow-up/load'
import { myAgreements } from '../../lib/plan/follow-up/follow-up'
import { CALLS, seedFollowUpWorld, WEDNESDAY } from '../helpers/follow-up-world'

/** The follow-up over weeks, on a clock the test moves: the plan was agreed on Tuesday 3 March 2026. */
const FROZEN = new Date('2026-03-03T19:30:00.000Z')
const day = (n: number) => new Date(FROZEN.getTime() + n * 86_400_000)

let db: Db
let world: Awaited<ReturnType<typeof seedFollowUpWorld>>

beforeEach(async () => {
  db = await openDatabase(':memory:')
  world = await seedFollowUpWorld(db, FROZEN)
})
afterEach(async () => {
  await db.destroy()
})

async function statusAt(now: Date) {
  const loaded = await loadFollowUp(db, world.conference.id, now)
  return Object.fromEntries(loaded!.followUp.agreements.map((a) => [a.agreement.id, a.status]))
}

describe('the follow-up over time', () => {
  it('is on track before anyone is late, slips on a "lukt niet", holds when the backup takes over', async () => {
    expect(await statusAt(day(1))).toEqual({ [WEDNESDAY]: 'on-track', [CALLS]: 'on-track' })
    const cannot = await checkIn(db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'cannot', reason: 'ziek', askBackup: true }, day(2))
    expect((await statusAt(day(3)))[WEDNESDAY]).toBe('slipping')

    // The backup sees the request on her page, takes it over; the week was carried.
    const loaded = await loadFollowUp(db, world.conference.id, day(3))
    const aunts = myAgreements(loaded!.followUp, world.aunt.participant.id, loaded!.version.plan)
    expect(aunts.map((m) => [m.followUp.agreement.id, m.backup, m.openRequests.map((r) => r.id)])).toEqual([[WEDNESDAY, true, [cannot.id]]])
    await takeOver(db, world.aunt.participant, cannot.id, day(3))
    expect((await statusAt(day(3)))[WEDNESDAY]).toBe('on-track')
    expect((await statusAt(day(8)))[WEDNESDAY]).toBe('on-track')
  })

  it('asks each owner at the agreement\'s rhythm: weekly, and every two weeks', async () => {
    const loaded = await loadFollowUp(db, world.conference.id, day(9))
    const mother = myAgreements(loaded!.followUp, world.mother.participant.id, loaded!.version.plan)
    const grandpa = myAgreements(loaded!.followUp, world.grandpa.participant.id, loaded!.version.plan)
    expect(mother.map((m) => [m.followUp.periodDays, m.followUp.current.index, m.due])).toEqual([[7, 1, true]])
    expect(grandpa.map((m) => [m.followUp.periodDays, m.followUp.current.index, m.due])).toEqual([[14, 0, true]])
    await checkIn(db, world.grandpa.participant, { agreementId: CALLS, outcome: 'done' }, day(9))
    const after = await loadFollowUp(db, world.conference.id, day(10))
    expect(myAgreements(after!.followUp, world.grandpa.participant.id, after!.version.plan)[0]?.due).toBe(false)
  })

  it('slips when a week passes without a word, and stops after three silent periods', async () => {
    await checkIn(db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'done' }, day(1))
    expect((await statusAt(day(8)))[WEDNESDAY]).toBe('on-track')
    expect((await statusAt(day(15)))[WEDNESDAY]).toBe('slipping')
    expect((await statusAt(day(29)))[WEDNESDAY]).toBe('stopped')
    // Opa's fortnightly calls: three silent fortnights.
    expect((await statusAt(day(41)))[CALLS]).toBe('slipping')
    expect((await statusAt(day(43)))[CALLS]).toBe('stopped')
  })

  it('puts the slipping agreements first and counts what people carried', async () => {
    await checkIn(db, world.grandpa.participant, { agreementId: CALLS, outcome: 'done' }, day(1))
    await checkIn(db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'done' }, day(1))
    await checkIn(db, world.grandpa.participant, { agreementId: CALLS, outcome: 'cannot', reason: 'op vakantie' }, day(2))
    const loaded = await loadFollowUp(db, world.conference.id, day(3))
    // Opa's latest answer is "lukt niet" after "gedaan" in the same fortnight: the period was carried.
    expect(loaded!.followUp.agreements.map((a) => [a.agreement.id, a.status])).toEqual([
      [WEDNESDAY, 'on-track'],
      [CALLS, 'on-track'],
    ])
    await checkIn(db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'done' }, day(8))
    await checkIn(db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'done' }, day(15))
    await checkIn(db, world.grandpa.participant, { agreementId: CALLS, outcome: 'cannot', reason: 'weer niet' }, day(15))
    const slipping = await loadFollowUp(db, world.conference.id, day(16))
    expect(slipping!.followUp.agreements[1]).toMatchObject({ status: 'on-track', agreement: { id: WEDNESDAY } })
    expect(slipping!.followUp.agreements[0]?.agreement.id).toBe(CALLS)
    expect(slipping!.followUp.agreements[0]?.status).toBe('slipping')
    const kees = slipping!.followUp.load.find((p) => p.name === 'Opa Kees')
    expect(kees).toMatchObject({ owns: 1, backs: 0, plannedPerWeek: 0.5, done: 1, cannot: 2 })
    expect(slipping!.followUp.load.find((p) => p.name === 'Tante Amira')).toMatchObject({ owns: 0, backs: 1 })
  })
})
