import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listPlanVersions } from '../../lib/server/db/repositories/plan-versions'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import { smallPlanRecords, storeRecords } from './agreement-support'
import { auditRows, seedPerson, ticketFor } from './meeting-control-support'
import { join, outcomeOf, type MeetingPerson } from './policy-support'

/**
 * Findings of the review "the policy is the one gate", each reproduced with real clients on a
 * real server. The sweep (policy-sweep.test.ts) holds the same cells among all the others; these
 * name them, so a regression reads as the finding it is.
 */

describe('findings: agreeing on the plan asks the policy', () => {
  let ts: TestServer
  const open: MeetingPerson[] = []

  beforeAll(async () => {
    ts = await startTestServer()
  })
  afterAll(async () => {
    for (const person of open.splice(0)) person.close()
    await ts.stop()
  })

  const enter = async (conferenceId: string, token: string) => {
    const person = await join(ts, conferenceId, token)
    open.push(person)
    return person
  }
  const proposalOf = (person: MeetingPerson) => person.last('plan:proposal')?.proposal

  async function conferenceIn(phase: 'besloten_deel' | 'informatie') {
    const seed = await seedMeeting(ts.db)
    const conferenceId = seed.conference.id
    await storeRecords(ts, conferenceId, smallPlanRecords('Oma haalt Noor op'))
    // The conference's setting: the facilitator leaves during private family time.
    await ts.db.updateTable('conferences').set({ phase, facilitator_stays_private: 0 }).where('id', '=', conferenceId).execute()
    return { seed, conferenceId }
  }

  it('besloten deel without the facilitator: from the waiting room the facilitator can neither propose nor record a yes, and nothing freezes', async () => {
    const { seed, conferenceId } = await conferenceIn('besloten_deel')
    const facilitator = await enter(conferenceId, ticketFor(seed.facilitator.id, conferenceId))
    const mother = await enter(conferenceId, seed.mother.token)
    const aunt = await enter(conferenceId, seed.aunt.token)
    expect(facilitator.last('access:state')?.state).toBe('waiting-room')
    await waitFor(() => proposalOf(mother) === null && proposalOf(aunt) === null, { message: 'the family hears there is no proposal' })

    const proposed = outcomeOf(await facilitator.request('plan:propose', {}))
    // Had it gone through, this is the proposal the family sees: record a yes for each of them.
    await waitFor(() => proposed !== 'ok' || Boolean(proposalOf(mother)), { message: 'the proposal, if any, reaches the family' })
    const proposalId = proposalOf(mother)?.id ?? 'no-proposal'
    const recorded: string[] = []
    for (const participantId of [seed.mother.participant.id, seed.aunt.participant.id]) {
      recorded.push(outcomeOf(await facilitator.request('plan:confirm-for', { proposalId, participantId })))
    }

    expect({ proposed, recorded }).toEqual({ proposed: 'forbidden', recorded: ['forbidden', 'forbidden'] })
    expect(proposalOf(mother)).toBeNull()
    expect(await listPlanVersions(ts.db, conferenceId)).toEqual([])
    expect(await auditRows(ts.db, conferenceId, ['plan.proposed', 'plan.agreed', 'plan.frozen'])).toEqual([])
  })

  it('an observer at the table is not asked to agree, and cannot agree', async () => {
    const { seed, conferenceId } = await conferenceIn('informatie')
    const observer = await seedPerson(ts.db, conferenceId, 'Stagiair Olga', 'observer')
    const facilitator = await enter(conferenceId, ticketFor(seed.facilitator.id, conferenceId))
    const mother = await enter(conferenceId, seed.mother.token)
    const watching = await enter(conferenceId, observer.token)
    expect(watching.last('access:state')?.state).toBe('in')

    expect(outcomeOf(await facilitator.request('plan:propose', {}))).toBe('ok')
    await waitFor(() => Boolean(proposalOf(watching)) && Boolean(proposalOf(mother)), { message: 'everyone at the table sees the proposal' })
    const proposal = proposalOf(watching)!
    expect(proposal.parties.map((party) => party.participantId)).toEqual([seed.mother.participant.id])

    expect(outcomeOf(await watching.request('plan:confirm', { proposalId: proposal.id }))).toBe('forbidden')
    // The family member's yes alone completes it: version 1 freezes with her as the only one who agreed.
    expect(outcomeOf(await mother.request('plan:confirm', { proposalId: proposal.id }))).toBe('ok')
    await waitFor(async () => (await listPlanVersions(ts.db, conferenceId)).length === 1, { message: 'version 1 frozen' })
    const [version] = await listPlanVersions(ts.db, conferenceId)
    expect(version?.agreedBy.map((agreed) => agreed.participantId)).toEqual([seed.mother.participant.id])
  })
})
