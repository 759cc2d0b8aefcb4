import { afterEach, describe, expect, it } from 'vitest'
import { getPlanVersion, listPlanVersions } from '../../lib/server/db/repositories/plan-versions'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { waitFor } from '../helpers/test-server'
import { auditRows, facilitatorTicket, itemRecord, pageRecord, storeRecords, takeSeat, type Seat } from './agreement-support'
import { useMeetingFixture } from './meeting-support'

/**
 * Only a whole plan can be proposed, and its open warnings only knowingly (issue 11): on a real
 * server, with socket.io clients at the table and a stock y-websocket client editing the board.
 */
describe('proposing a whole plan, with its open warnings confirmed', () => {
  const fixture = useMeetingFixture()
  const seats: Seat[] = []
  const boards: BoardClient[] = []
  afterEach(() => {
    for (const seat of seats.splice(0)) seat.close()
    for (const board of boards.splice(0)) board.destroy()
  })

  async function table(records: Record<string, unknown>[]) {
    const { ts, seed } = fixture
    const conferenceId = seed.conference.id
    await storeRecords(ts, conferenceId, records)
    const sit = async (token: string) => {
      const seat = await takeSeat(ts, conferenceId, token)
      seats.push(seat)
      return seat
    }
    const facilitator = await sit(facilitatorTicket(seed.facilitator.id, conferenceId))
    const mother = await sit(seed.mother.token)
    return { conferenceId, facilitator, mother }
  }

  /** A central question, a worry nothing answers, and an agreement without a backup. */
  const planWithWarnings = () => [
    pageRecord(),
    itemRecord('kring-card', 'shape:question', { kind: 'central-question', text: 'Hoe komt Noor veilig thuis?' }, -200),
    itemRecord('kring-card', 'shape:worry', { kind: 'worry', text: 'Noor wacht vaak alleen bij het hek' }, -100),
    itemRecord('kring-person', 'shape:amira', { name: 'Amira', group: 'network' }),
    itemRecord('kring-agreement', 'shape:pickup', { what: 'Amira haalt Noor op', ownerIds: ['shape:amira'], when: 'elke woensdag' }, 300),
  ]

  it('refuses an empty plan with its reasons, and nobody is asked to agree', async () => {
    const { conferenceId, facilitator, mother } = await table([pageRecord()])
    const ack = await facilitator.agreement.propose()
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_proposable', details: { blocking: ['no-central-question', 'no-agreement'] } } })
    // Confirming warnings does not help: there is no plan to agree on.
    await expect(facilitator.agreement.propose(['anything'])).resolves.toMatchObject({ ok: false, error: { code: 'not_proposable' } })
    expect(mother.proposal()).toBeNull()
    expect(mother.proposals.every((message) => message.proposal === null)).toBe(true)
    expect(await listPlanVersions(fixture.ts.db, conferenceId)).toEqual([])
    expect((await auditRows(fixture.ts, conferenceId)).filter((row) => row.action === 'plan.proposed')).toEqual([])
  })

  it('refuses agreements without a central question', async () => {
    const { facilitator } = await table([
      pageRecord(),
      itemRecord('kring-agreement', 'shape:pickup', { what: 'Oma haalt Noor op' }, 300),
    ])
    await expect(facilitator.agreement.propose()).resolves.toMatchObject({ ok: false, error: { code: 'not_proposable', details: { blocking: ['no-central-question'] } } })
  })

  it('refuses until every open warning is confirmed; the frozen version records which ones, by whom', async () => {
    const { conferenceId, facilitator, mother } = await table(planWithWarnings())

    const unconfirmed = await facilitator.agreement.propose()
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'warnings_changed' } })
    const warnings = unconfirmed.ok ? [] : (unconfirmed.error.details?.warnings ?? [])
    expect(warnings.map((warning) => [warning.code, warning.itemId])).toEqual([
      ['agreement-no-backup', 'shape:pickup'],
      ['worry-unanswered', 'shape:worry'],
    ])
    // Only one of the two ticked: still refused, nothing opened.
    await expect(facilitator.agreement.propose([warnings[0]!.id])).resolves.toMatchObject({ ok: false, error: { code: 'warnings_changed' } })
    expect(mother.proposal()).toBeNull()

    await expect(facilitator.agreement.propose(warnings.map((warning) => warning.id))).resolves.toEqual({ ok: true })
    await waitFor(() => Boolean(mother.proposal()), { message: 'the mother is asked to agree' })
    // Everyone at the table sees which open points the facilitator accepted.
    expect(mother.proposal()?.acceptedWarnings).toEqual(warnings)

    await expect(mother.agreement.confirm(mother.proposal()!.id)).resolves.toEqual({ ok: true })
    await waitFor(() => mother.frozen.length === 1, { message: 'version 1 frozen' })

    const stored = await getPlanVersion(fixture.ts.db, conferenceId, 1)
    expect(stored?.acceptedWarnings).toEqual({
      by: { participantId: fixture.seed.facilitator.id, name: 'Fenna Facilitator' },
      at: expect.any(String),
      warnings,
    })
    expect(Date.parse(stored!.acceptedWarnings!.at)).toBeLessThanOrEqual(Date.parse(stored!.frozenAt))
    const [listed] = await listPlanVersions(fixture.ts.db, conferenceId)
    expect(listed?.acceptedWarnings?.warnings.map((warning) => warning.code)).toEqual(['agreement-no-backup', 'worry-unanswered'])
  })

  it('refuses confirmed warnings that are no longer the board’s, with the list as it is now', async () => {
    const { conferenceId, facilitator, mother } = await table(planWithWarnings())
    const first = await facilitator.agreement.propose()
    const confirmed = first.ok ? [] : (first.error.details?.warnings ?? []).map((warning) => warning.id)
    expect(confirmed).toHaveLength(2)

    // Meanwhile someone writes a next step that answers the worry: one warning less.
    const board = connectBoard(fixture.ts.syncUrl, conferenceId, fixture.seed.mother.token)
    boards.push(board)
    await waitFor(() => board.provider.synced && board.records.has('shape:worry'), { message: 'the board synced' })
    board.records.set('shape:step', itemRecord('kring-card', 'shape:step', { kind: 'next-step', text: 'Juf belt als niemand er is', answers: ['shape:worry'] }, 500))

    await waitFor(
      async () => {
        const ack = await facilitator.agreement.propose(confirmed)
        if (ack.ok) throw new Error('a stale set of warnings was accepted')
        return ack.error.code === 'warnings_changed' && ack.error.details?.warnings?.length === 1
      },
      { message: 'the server answers with the warnings as they are now' },
    )
    const now = await facilitator.agreement.propose(confirmed)
    const current = now.ok ? [] : (now.error.details?.warnings ?? [])
    expect(current.map((warning) => warning.code)).toEqual(['agreement-no-backup'])
    expect(mother.proposal()).toBeNull()
    await expect(facilitator.agreement.propose(current.map((warning) => warning.id))).resolves.toEqual({ ok: true })
  })
})
