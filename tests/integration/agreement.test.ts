import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { getPlanVersion, listPlanVersions } from '../../lib/server/db/repositories/plan-versions'
import { recordsMapOf } from '../../lib/sync/document-format'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { waitFor } from '../helpers/test-server'
import {
  auditRows,
  facilitatorTicket,
  itemRecord,
  openWarnings,
  smallPlanRecords,
  storeRecords,
  takeSeat,
  type Seat,
} from './agreement-support'
import { useMeetingFixture } from './meeting-support'

describe('agreeing on the plan and freezing it', () => {
  const fixture = useMeetingFixture()
  const seats: Seat[] = []
  const boards: BoardClient[] = []
  afterEach(() => {
    for (const seat of seats.splice(0)) seat.close()
    for (const board of boards.splice(0)) board.destroy()
  })

  async function table() {
    const { ts, seed } = fixture
    const conferenceId = seed.conference.id
    await storeRecords(ts, conferenceId, smallPlanRecords('Oma haalt Noor op'))
    const sit = async (token: string) => {
      const seat = await takeSeat(ts, conferenceId, token)
      seats.push(seat)
      return seat
    }
    const facilitator = await sit(facilitatorTicket(seed.facilitator.id, conferenceId))
    const mother = await sit(seed.mother.token)
    const aunt = await sit(seed.aunt.token)
    return { conferenceId, facilitator, mother, aunt, sit }
  }

  async function proposeAndWait(facilitator: Seat, others: Seat[]) {
    await expect(facilitator.agreement.propose()).resolves.toEqual({ ok: true })
    for (const seat of [facilitator, ...others]) await waitFor(() => Boolean(seat.proposal()), { message: 'the proposal reaches everyone' })
    return facilitator.proposal()!
  }

  it('freezes version 1 when both people present agree on their own devices', async () => {
    const { conferenceId, facilitator, mother, aunt } = await table()
    expect(mother.proposal()).toBeNull()

    const proposal = await proposeAndWait(facilitator, [mother, aunt])
    // Everyone present but the facilitator has to agree; the professional is not here.
    expect(proposal.parties.map((p) => [p.name, p.agreedAt])).toEqual([
      ['Mama Sanne', null],
      ['Tante Amira', null],
    ])
    expect(mother.proposal()?.plan.agreements.map((a) => a.what)).toEqual(['Oma haalt Noor op'])
    expect(mother.proposal()?.plan.agreements[0]?.owners).toEqual([{ id: 'shape:amira', name: 'Amira El Amrani' }])

    await expect(mother.agreement.confirm(proposal.id)).resolves.toEqual({ ok: true })
    await waitFor(() => aunt.proposal()?.parties.find((p) => p.name === 'Mama Sanne')?.agreedAt != null, { message: 'the aunt sees the mother agreed' })
    expect(await listPlanVersions(fixture.ts.db, conferenceId)).toEqual([])

    await expect(aunt.agreement.confirm(proposal.id)).resolves.toEqual({ ok: true })
    for (const seat of [facilitator, mother, aunt]) await waitFor(() => seat.frozen.length === 1, { message: 'everyone hears version 1 is frozen' })
    const frozen = mother.frozen[0]!
    expect(frozen).toMatchObject({ conferenceId, proposalId: proposal.id, version: 1 })
    expect(frozen.agreedBy.map((a) => [a.name, a.role, a.recordedBy])).toEqual([
      ['Mama Sanne', 'family', null],
      ['Tante Amira', 'network', null],
    ])
    await waitFor(() => mother.proposal() === null, { message: 'the proposal is closed after freezing' })

    const stored = await getPlanVersion(fixture.ts.db, conferenceId, 1)
    expect(stored).toMatchObject({ version: 1, frozenBy: fixture.seed.facilitator.id, frozenAt: frozen.frozenAt })
    expect(stored?.agreedBy.map((a) => a.participantId)).toEqual([fixture.seed.mother.participant.id, fixture.seed.aunt.participant.id])
    expect(stored?.plan.agreements.map((a) => a.what)).toEqual(['Oma haalt Noor op'])
    expect(stored?.boardSvg).toContain('<svg')
    // The case file keeps how each person was connected when the plan was agreed.
    expect(stored?.caseFacts?.devices).toMatchObject({
      [fixture.seed.facilitator.id]: ['desktop'],
      [fixture.seed.mother.participant.id]: ['desktop'],
      [fixture.seed.aunt.participant.id]: ['desktop'],
    })
    expect(recordsOf(stored!.boardState)['shape:pickup']).toMatchObject({ props: { what: 'Oma haalt Noor op' } })

    // The audit log says who did what, by id, without names or plan content.
    await waitFor(async () => (await auditRows(fixture.ts, conferenceId)).some((r) => r.action === 'plan.frozen'), { message: 'plan.frozen audited' })
    const rows = (await auditRows(fixture.ts, conferenceId)).filter((r) => r.action.startsWith('plan.'))
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ['plan.proposed', fixture.seed.facilitator.id],
      ['plan.agreed', fixture.seed.mother.participant.id],
      ['plan.agreed', fixture.seed.aunt.participant.id],
      ['plan.frozen', fixture.seed.facilitator.id],
    ])
    expect(rows.at(-1)?.detail).toContain('version=1')
    expect(JSON.stringify(rows)).not.toMatch(/Sanne|Amira|Noor|Oma/)
  })

  it("lets the facilitator record a spoken yes, marked as such, also for someone who left meanwhile", async () => {
    const { conferenceId, facilitator, mother, aunt } = await table()
    const proposal = await proposeAndWait(facilitator, [mother, aunt])
    await expect(mother.agreement.confirm(proposal.id)).resolves.toEqual({ ok: true })

    // The aunt's phone drops out before she taps; she said yes aloud.
    aunt.close()
    await waitFor(() => mother.proposal()?.parties.some((p) => p.agreedAt !== null) === true)
    await expect(facilitator.agreement.confirmFor(proposal.id, fixture.seed.aunt.participant.id)).resolves.toEqual({ ok: true })

    await waitFor(() => mother.frozen.length === 1, { message: 'frozen after the recorded yes' })
    const byName = Object.fromEntries(mother.frozen[0]!.agreedBy.map((a) => [a.name, a.recordedBy]))
    expect(byName).toEqual({ 'Mama Sanne': null, 'Tante Amira': fixture.seed.facilitator.id })
    const stored = await getPlanVersion(fixture.ts.db, conferenceId, 1)
    expect(stored?.agreedBy.find((a) => a.name === 'Tante Amira')?.recordedBy).toBe(fixture.seed.facilitator.id)
    await waitFor(async () => (await auditRows(fixture.ts, conferenceId)).some((r) => r.action === 'plan.frozen'))
    const agreed = (await auditRows(fixture.ts, conferenceId)).filter((r) => r.action === 'plan.agreed')
    expect(agreed.map((r) => [r.actor, r.detail?.includes(`for=${fixture.seed.aunt.participant.id}`)])).toEqual([
      [fixture.seed.mother.participant.id, false],
      [fixture.seed.facilitator.id, true],
    ])
  })

  it('refuses proposing, withdrawing and recording for someone else to anyone but the facilitator', async () => {
    const { facilitator, mother, aunt } = await table()
    await expect(mother.agreement.propose()).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await waitFor(() => mother.errors.some((e) => e.code === 'forbidden'), { message: 'the refusal also arrives as an error event' })
    expect(aunt.proposal()).toBeNull()

    const proposal = await proposeAndWait(facilitator, [mother, aunt])
    await expect(mother.agreement.confirmFor(proposal.id, fixture.seed.aunt.participant.id)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await expect(mother.agreement.withdraw(proposal.id)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await expect(facilitator.agreement.propose()).resolves.toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(aunt.proposal()?.parties.every((p) => p.agreedAt === null)).toBe(true)
  })

  it('shows a late joiner the open proposal without asking them, and withdraws it for everyone', async () => {
    const { conferenceId, facilitator, mother, aunt, sit } = await table()
    const proposal = await proposeAndWait(facilitator, [mother, aunt])

    const professional = await sit(fixture.seed.professional.token)
    expect(professional.proposal()?.id).toBe(proposal.id)
    expect(professional.proposal()?.parties.map((p) => p.name)).not.toContain('Jeugdbeschermer Jan')
    await expect(professional.agreement.confirm(proposal.id)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })

    await expect(facilitator.agreement.withdraw(proposal.id)).resolves.toEqual({ ok: true })
    for (const seat of [mother, aunt, professional]) {
      await waitFor(() => seat.withdrawn.length === 1 && seat.proposal() === null, { message: 'everyone hears it was withdrawn' })
    }
    await expect(mother.agreement.confirm(proposal.id)).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } })
    await waitFor(async () => (await auditRows(fixture.ts, conferenceId)).some((r) => r.action === 'plan.withdrawn'), {
      message: 'the withdrawal is in the audit log',
    })
  })

  it('drops an open proposal when everyone has left (nothing is agreed until frozen)', async () => {
    const { conferenceId, facilitator, mother, aunt, sit } = await table()
    await proposeAndWait(facilitator, [mother, aunt])
    for (const seat of [facilitator, mother, aunt]) seat.close()
    // Reconnect until the server has seen every socket go (its disconnect handling is asynchronous).
    await waitFor(async () => {
      const back = await sit(fixture.seed.mother.token)
      const open = back.proposal() !== null
      back.close()
      return !open
    }, { message: 'the proposal is gone once everyone left' })
    expect(await listPlanVersions(fixture.ts.db, conferenceId)).toEqual([])
  })

  it('keeps version 1 as it was after later edits; proposing again makes version 2', async () => {
    const { conferenceId, facilitator, mother, aunt } = await table()
    let proposal = await proposeAndWait(facilitator, [mother, aunt])
    await mother.agreement.confirm(proposal.id)
    await aunt.agreement.confirm(proposal.id)
    await waitFor(() => facilitator.frozen.length === 1, { message: 'version 1 frozen' })
    const first = await getPlanVersion(fixture.ts.db, conferenceId, 1)

    // The aunt edits the live board afterwards (stock y-websocket clients, like the board page).
    // Once the mother's board shows the edit, the server has applied it (it relays only then).
    const auntBoard = connectBoard(fixture.ts.syncUrl, conferenceId, fixture.seed.aunt.token)
    const motherBoard = connectBoard(fixture.ts.syncUrl, conferenceId, fixture.seed.mother.token)
    boards.push(auntBoard, motherBoard)
    await waitFor(() => auntBoard.records.has('shape:pickup') && motherBoard.provider.synced, { message: 'the boards synced' })
    auntBoard.records.set('shape:pickup', itemRecord('kring-agreement', 'shape:pickup', { what: 'Oma en opa halen Noor op', ownerIds: ['shape:amira'] }, 300))
    await waitFor(() => (motherBoard.records.get('shape:pickup') as { props: { what: string } }).props.what === 'Oma en opa halen Noor op', {
      message: 'the edit reached the server and the mother',
    })

    // The live board is read now (the room is loaded), not the stored one: the new agreement has
    // no when and no backup, so proposing without confirming those is refused.
    await expect(facilitator.agreement.propose()).resolves.toMatchObject({ ok: false, error: { code: 'warnings_changed' } })
    await expect(facilitator.agreement.propose(await openWarnings(facilitator.agreement))).resolves.toEqual({ ok: true })
    await waitFor(() => mother.proposal()?.plan.agreements[0]?.what === 'Oma en opa halen Noor op', { message: 'the new proposal holds the edit' })
    proposal = mother.proposal()!
    await facilitator.agreement.confirmFor(proposal.id, fixture.seed.mother.participant.id)
    await facilitator.agreement.confirmFor(proposal.id, fixture.seed.aunt.participant.id)
    await waitFor(() => mother.frozen.length === 2, { message: 'version 2 frozen' })
    expect(mother.frozen[1]?.version).toBe(2)

    const versions = await listPlanVersions(fixture.ts.db, conferenceId)
    expect(versions.map((v) => v.version)).toEqual([2, 1])
    const second = await getPlanVersion(fixture.ts.db, conferenceId, 2)
    expect(second?.plan.agreements[0]?.what).toBe('Oma en opa halen Noor op')
    const firstAgain = await getPlanVersion(fixture.ts.db, conferenceId, 1)
    expect(firstAgain).toEqual(first)
    expect(firstAgain?.plan.agreements[0]?.what).toBe('Oma haalt Noor op')
    expect(recordsOf(firstAgain!.boardState)['shape:pickup']).toMatchObject({ props: { what: 'Oma haalt Noor op' } })
  })
})

function recordsOf(state: Uint8Array): Record<string, unknown> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const records = recordsMapOf(doc).toJSON() as Record<string, unknown>
  doc.destroy()
  return records
}
