import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { revokeInvitation } from '../../lib/server/conference/invitations'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import {
  auditRows,
  connectControl,
  refusalOf,
  seedAdmissionInvitation,
  storedConference,
  storedParticipant,
  ticketFor,
  waitInMeeting,
  type ControlClient,
} from './meeting-control-support'

/**
 * Running the meeting over socket.io, with real clients on a real server: phases, private family
 * time ended by the family, the conference's setting, the admission lobby, removal and role
 * changes. What each person's client hears is what their screen shows.
 */
describe('meeting plane: running the meeting', () => {
  let ts: TestServer
  let seed: Awaited<ReturnType<typeof seedMeeting>>
  const open: ControlClient[] = []
  const boards: BoardClient[] = []

  beforeEach(async () => {
    ts = await startTestServer()
    seed = await seedMeeting(ts.db)
  })
  afterEach(async () => {
    for (const client of open.splice(0)) client.close()
    for (const board of boards.splice(0)) board.destroy()
    await ts.stop()
  })

  const conferenceId = () => seed.conference.id
  async function join(token: string): Promise<ControlClient> {
    const client = await connectControl(ts, conferenceId(), token)
    open.push(client)
    return client
  }
  const joinFacilitator = () => join(ticketFor(seed.facilitator.id, conferenceId()))

  /** A stock y-websocket board connection that records how the server closed it. */
  function board(token: string) {
    const client = connectBoard(ts.syncUrl, conferenceId(), token)
    boards.push(client)
    const closes: { code: number; reason: string }[] = []
    client.provider.on('connection-close', (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason })
    })
    return { client, closes }
  }

  describe('phases', () => {
    it('the facilitator moves the phase: stored with its time, audited, and everyone hears it, also in the roster', async () => {
      const facilitator = await joinFacilitator()
      const mother = await join(seed.mother.token)
      const professional = await join(seed.professional.token)
      await waitInMeeting(mother)
      expect(mother.lastState()).toMatchObject({ conferenceId: conferenceId(), phase: 'voorbereiding', phaseChangedAt: null, facilitatorStaysInPrivateTime: false })

      expect(await facilitator.request('phase:set', { phase: 'informatie' })).toEqual({ ok: true })
      for (const client of [facilitator, mother, professional]) {
        await waitFor(() => client.lastState()?.phase === 'informatie', { message: 'everyone hears the new phase' })
        await waitFor(() => client.lastRoster()?.phase === 'informatie', { message: 'the roster shows it too' })
      }
      const stored = await storedConference(ts.db, conferenceId())
      expect(stored.phase).toBe('informatie')
      expect(stored.phase_changed_at).not.toBeNull()
      expect(mother.lastState()?.phaseChangedAt).toBe(stored.phase_changed_at)
      expect(await auditRows(ts.db, conferenceId(), ['phase.changed'])).toEqual([
        { actor: seed.facilitator.id, action: 'phase.changed', detail: 'from=voorbereiding to=informatie' },
      ])
    })

    it('someone who joins later is told the phase at once', async () => {
      const facilitator = await joinFacilitator()
      await facilitator.request('phase:set', { phase: 'plan_en_afspraken' })
      const aunt = await join(seed.aunt.token)
      await waitFor(() => aunt.lastState()?.phase === 'plan_en_afspraken', { message: 'the phase on join' })
      expect(aunt.lastAccess()).toBe('in')
    })

    it('a review conference (evaluatie) runs through the same phases', async () => {
      await ts.db.updateTable('conferences').set({ kind: 'evaluatie' }).where('id', '=', conferenceId()).execute()
      const facilitator = await joinFacilitator()
      for (const phase of ['informatie', 'besloten_deel', 'plan_en_afspraken', 'afgesloten'] as const) {
        expect(await facilitator.request('phase:set', { phase })).toEqual({ ok: true })
        await waitFor(() => facilitator.lastState()?.phase === phase, { message: `phase ${phase}` })
      }
    })

    it('only the facilitator moves the phase; a refusal changes nothing', async () => {
      const mother = await join(seed.mother.token)
      await waitInMeeting(mother)
      const ack = await mother.request('phase:set', { phase: 'afgesloten' })
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect((await storedConference(ts.db, conferenceId())).phase).toBe('voorbereiding')
      expect(mother.states.map((s) => s.phase)).toEqual(['voorbereiding'])
    })
  })

  describe('private family time', () => {
    it('professionals and the facilitator wait in the waiting room; a family member ends it and everyone moves on', async () => {
      const facilitator = await joinFacilitator()
      const mother = await join(seed.mother.token)
      const professional = await join(seed.professional.token)
      await facilitator.request('phase:set', { phase: 'informatie' })
      await waitFor(() => professional.lastState()?.phase === 'informatie')
      expect(professional.lastAccess()).toBe('in')

      await facilitator.request('phase:set', { phase: 'besloten_deel' })
      await waitFor(() => professional.lastAccess() === 'waiting-room', { message: 'the professional waits' })
      await waitFor(() => facilitator.lastAccess() === 'waiting-room', { message: 'the facilitator leaves too (default)' })
      expect(mother.lastAccess()).toBe('in')
      // Still in the meeting: the phase and who is there, without reconnecting.
      expect(professional.socket.connected).toBe(true)
      expect(professional.lastState()?.phase).toBe('besloten_deel')
      await waitFor(() => professional.lastRoster()?.phase === 'besloten_deel', { message: 'the roster, from the waiting room' })

      // A professional cannot end it.
      expect(await professional.request('private-time:end', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await mother.request('private-time:end', {})).toEqual({ ok: true })
      for (const client of [facilitator, mother, professional]) {
        await waitFor(() => client.ended.length === 1, { message: 'everyone is told private time ended' })
        expect(client.ended[0]).toMatchObject({ conferenceId: conferenceId(), endedBy: seed.mother.participant.id })
        await waitFor(() => client.lastState()?.phase === 'plan_en_afspraken')
      }
      await waitFor(() => professional.lastAccess() === 'in', { message: 'the professional is back' })
      expect(professional.access.map((a) => a.state)).toEqual(['in', 'waiting-room', 'in'])
      await waitFor(() => facilitator.lastAccess() === 'in')
      expect((await storedConference(ts.db, conferenceId())).phase).toBe('plan_en_afspraken')
      expect(await auditRows(ts.db, conferenceId(), ['private-time.ended'])).toEqual([
        { actor: seed.mother.participant.id, action: 'private-time.ended', detail: 'from=besloten_deel to=plan_en_afspraken' },
      ])

      // Pressed twice (two family members at once): the second is told it is over already.
      expect(await mother.request('private-time:end', {})).toMatchObject({ ok: false })
    })

    it('the setting lets the facilitator stay: they get the board back at once', async () => {
      const facilitator = await joinFacilitator()
      await facilitator.request('phase:set', { phase: 'besloten_deel' })
      await waitFor(() => facilitator.lastAccess() === 'waiting-room')

      expect(await facilitator.request('settings:set', { facilitatorStaysInPrivateTime: true })).toEqual({ ok: true })
      await waitFor(() => facilitator.lastAccess() === 'in', { message: 'the facilitator stays' })
      expect(facilitator.lastState()?.facilitatorStaysInPrivateTime).toBe(true)
      expect((await storedConference(ts.db, conferenceId())).facilitator_stays_private).toBe(1)
      expect(await auditRows(ts.db, conferenceId(), ['settings.changed'])).toEqual([
        { actor: seed.facilitator.id, action: 'settings.changed', detail: 'facilitatorStaysInPrivateTime=true' },
      ])
      // Present now, so they may end private time themselves.
      expect(await facilitator.request('private-time:end', {})).toEqual({ ok: true })
    })
  })

  describe('the admission lobby', () => {
    it('someone waiting hears nothing of the meeting; the facilitator sees them by name and admits them', async () => {
      const facilitator = await joinFacilitator()
      const mother = await join(seed.mother.token)
      await waitInMeeting(facilitator)
      expect(facilitator.lastLobby()).toEqual({ conferenceId: conferenceId(), waiting: [] })
      const cousin = await seedAdmissionInvitation(ts, conferenceId(), 'Neef Karim')

      const waiting = await join(cousin.token)
      expect(waiting.lastAccess()).toBe('lobby')
      await waitFor(() => facilitator.lastLobby()?.waiting.length === 1, { message: 'the facilitator sees who waits' })
      expect(facilitator.lastLobby()?.waiting[0]).toMatchObject({ participantId: cousin.participant.id, displayName: 'Neef Karim', role: 'network' })
      expect((await storedParticipant(ts.db, cousin.participant.id)).admission).toBe('waiting')
      // Only the facilitator hears the lobby.
      expect(mother.lobbies).toEqual([])

      // Waiting: may do nothing, hears only who they are and that they wait.
      expect(await waiting.request('device:set', { device: 'phone' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await waiting.request('private-time:end', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(new Set(waiting.heard)).toEqual(new Set(['welcome', 'access:state', 'error']))
      expect(waiting.welcomes[0]).toMatchObject({ participantId: cousin.participant.id, displayName: 'Neef Karim' })
      // Invited, but not someone the others see online yet.
      await waitFor(() => mother.lastRoster()?.entries.some((e) => e.participantId === cousin.participant.id) === true, { message: 'the invitation in the roster' })
      expect(mother.lastRoster()?.entries.find((e) => e.participantId === cousin.participant.id)).toMatchObject({ online: false })

      // A family member cannot let anyone in.
      expect(await mother.request('lobby:admit', { participantId: cousin.participant.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(waiting.lastAccess()).toBe('lobby')

      expect(await facilitator.request('lobby:admit', { participantId: cousin.participant.id })).toEqual({ ok: true })
      await waitFor(() => waiting.lastAccess() === 'in', { message: 'admitted, without reconnecting' })
      await waitInMeeting(waiting)
      expect(waiting.socket.connected).toBe(true)
      await waitFor(() => facilitator.lastLobby()?.waiting.length === 0, { message: 'the lobby is empty again' })
      await waitFor(() => mother.lastRoster()?.entries.find((e) => e.participantId === cousin.participant.id)?.online === true, {
        message: 'the others see them online',
      })
      expect(await waiting.request('device:set', { device: 'phone' })).toEqual({ ok: true })
      expect((await storedParticipant(ts.db, cousin.participant.id)).admission).toBe('admitted')
      // Joining is audited without holding up the welcome: wait until all five are written.
      const auditedActions = ['participant.waiting', 'participant.admitted', 'participant.joined']
      await waitFor(async () => (await auditRows(ts.db, conferenceId(), auditedActions)).length === 5, { message: 'five admission events audited' })
      const audited = await auditRows(ts.db, conferenceId(), auditedActions)
      // The facilitator and the mother joined at the same moment: either may be recorded first.
      expect(audited.slice(0, 2)).toEqual(
        expect.arrayContaining([
          { actor: seed.facilitator.id, action: 'participant.joined', detail: null },
          { actor: seed.mother.participant.id, action: 'participant.joined', detail: null },
        ]),
      )
      expect(audited.slice(2)).toEqual([
        { actor: cousin.participant.id, action: 'participant.waiting', detail: null },
        { actor: seed.facilitator.id, action: 'participant.admitted', detail: `participant=${cousin.participant.id}` },
        { actor: cousin.participant.id, action: 'participant.joined', detail: null },
      ])

      // Admitted once is admitted: coming back goes straight in.
      waiting.close()
      const again = await join(cousin.token)
      expect(again.lastAccess()).toBe('in')
    })

    it('someone waiting gets no board until admitted; then it connects', async () => {
      const facilitator = await joinFacilitator()
      const cousin = await seedAdmissionInvitation(ts, conferenceId(), 'Neef Karim')
      const waiting = await join(cousin.token)
      expect(waiting.lastAccess()).toBe('lobby')
      const { client, closes } = board(cousin.token)
      await waitFor(() => closes.length > 0, { message: 'the board connection is refused' })
      expect(closes[0]).toEqual({ code: 4403, reason: 'awaiting-admission' })
      expect(client.records.size).toBe(0)

      await facilitator.request('lobby:admit', { participantId: cousin.participant.id })
      await waitFor(() => waiting.lastAccess() === 'in')
      // Told "in", the client connects its board again (a stock provider does not retry a 44xx by itself).
      const admitted = board(cousin.token)
      await waitFor(() => admitted.client.provider.synced, { message: 'the admitted person has the board' })
      expect(admitted.closes).toEqual([])
    })

    it('declined: told so and closed; a new attempt is refused', async () => {
      const facilitator = await joinFacilitator()
      const cousin = await seedAdmissionInvitation(ts, conferenceId(), 'Neef Karim')
      const waiting = await join(cousin.token)
      await waitFor(() => facilitator.lastLobby()?.waiting.length === 1)

      expect(await facilitator.request('lobby:decline', { participantId: cousin.participant.id })).toEqual({ ok: true })
      await waitFor(() => waiting.disconnected(), { message: 'the declined socket is closed' })
      expect(waiting.lastAccess()).toBe('declined')
      expect(waiting.closings).toEqual([{ code: 4403, reason: 'declined' }])
      await waitFor(() => facilitator.lastLobby()?.waiting.length === 0)
      expect((await storedParticipant(ts.db, cousin.participant.id)).admission).toBe('declined')
      expect(await auditRows(ts.db, conferenceId(), ['participant.declined'])).toEqual([
        { actor: seed.facilitator.id, action: 'participant.declined', detail: `participant=${cousin.participant.id}` },
      ])
      expect(await refusalOf(ts, conferenceId(), cousin.token)).toEqual({ code: 4403, reason: 'declined' })
      // Deciding again on someone not waiting is a conflict, not a second decision.
      expect(await facilitator.request('lobby:admit', { participantId: cousin.participant.id })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    })

    it('revoking the invitation of someone waiting closes their lobby socket too', async () => {
      const facilitator = await joinFacilitator()
      const cousin = await seedAdmissionInvitation(ts, conferenceId(), 'Neef Karim')
      const waiting = await join(cousin.token)
      await waitFor(() => facilitator.lastLobby()?.waiting.length === 1)
      await revokeInvitation(ts.db, { conferenceId: conferenceId(), participantId: cousin.participant.id, actor: 'cli' })
      await waitFor(() => waiting.disconnected(), { message: 'the lobby socket is closed' })
      expect(waiting.closings).toEqual([{ code: 4403, reason: 'invitation revoked' }])
      await waitFor(() => facilitator.lastLobby()?.waiting.length === 0, { message: 'gone from the lobby' })
    })

    it('someone who leaves the lobby disappears from the facilitator’s list', async () => {
      const facilitator = await joinFacilitator()
      const cousin = await seedAdmissionInvitation(ts, conferenceId(), 'Neef Karim')
      const waiting = await join(cousin.token)
      await waitFor(() => facilitator.lastLobby()?.waiting.length === 1)
      waiting.close()
      await waitFor(() => facilitator.lastLobby()?.waiting.length === 0, { message: 'gone from the lobby' })
    })
  })

  describe('removal', () => {
    it('with the invitation kept: both connections close at once; coming back means the lobby', async () => {
      const facilitator = await joinFacilitator()
      const mother = await join(seed.mother.token)
      const aunt = await join(seed.aunt.token)
      const auntBoard = board(seed.aunt.token)
      await waitFor(() => auntBoard.client.provider.synced, { message: 'the aunt has the board' })
      await waitInMeeting(aunt)

      const ack = await facilitator.request('participant:remove', { participantId: seed.aunt.participant.id, keepInvitation: true })
      expect(ack).toEqual({ ok: true })
      // At once (closed before the facilitator is answered; well within a second, no poll involved).
      await waitFor(() => aunt.closings.length > 0, { timeoutMs: 1_000, message: 'the meeting socket is told at once' })
      expect(aunt.closings).toEqual([{ code: 4403, reason: 'removed' }])
      await waitFor(() => aunt.disconnected())
      expect(aunt.lastAccess()).toBe('removed')
      await waitFor(() => auntBoard.closes.length > 0, { message: 'the board connection closes too' })
      expect(auntBoard.closes[0]).toEqual({ code: 4403, reason: 'removed' })

      const stored = await storedParticipant(ts.db, seed.aunt.participant.id)
      expect(stored).toMatchObject({ requires_admission: 1, admission: null, revoked_at: null })
      expect(stored.removed_at).not.toBeNull()
      await waitFor(() => mother.lastRoster()?.entries.find((e) => e.participantId === seed.aunt.participant.id)?.online === false, {
        message: 'still invited, shown offline',
      })
      expect(await auditRows(ts.db, conferenceId(), ['participant.removed'])).toEqual([
        { actor: seed.facilitator.id, action: 'participant.removed', detail: `participant=${seed.aunt.participant.id} invitation=kept` },
      ])

      const back = await join(seed.aunt.token)
      expect(back.lastAccess()).toBe('lobby')
      await waitFor(() => facilitator.lastLobby()?.waiting[0]?.participantId === seed.aunt.participant.id, { message: 'knocking again' })
    })

    it('with the invitation revoked: closed as removed, and the link no longer works', async () => {
      const facilitator = await joinFacilitator()
      const mother = await join(seed.mother.token)
      const aunt = await join(seed.aunt.token)
      const auntBoard = board(seed.aunt.token)
      await waitFor(() => auntBoard.client.provider.synced)

      expect(await facilitator.request('participant:remove', { participantId: seed.aunt.participant.id, keepInvitation: false })).toEqual({ ok: true })
      await waitFor(() => aunt.closings.length > 0, { timeoutMs: 1_000, message: 'the meeting socket is told at once' })
      // 'removed', not the revocation's own reason: she was taken out by the facilitator.
      expect(aunt.closings).toEqual([{ code: 4403, reason: 'removed' }])
      await waitFor(() => auntBoard.closes.length > 0, { message: 'the board connection closes too' })
      expect(auntBoard.closes[0]?.code).toBe(4403)
      expect((await storedParticipant(ts.db, seed.aunt.participant.id)).revoked_at).not.toBeNull()
      await waitFor(() => mother.lastRoster() !== undefined && !mother.lastRoster()!.entries.some((e) => e.participantId === seed.aunt.participant.id), {
        message: 'gone from the roster',
      })
      expect(await refusalOf(ts, conferenceId(), seed.aunt.token)).toEqual({ code: 4403, reason: 'invitation revoked' })
      expect(await auditRows(ts.db, conferenceId(), ['participant.removed', 'participant.revoked'])).toEqual([
        { actor: seed.facilitator.id, action: 'participant.removed', detail: `participant=${seed.aunt.participant.id} invitation=revoked` },
        { actor: seed.facilitator.id, action: 'participant.revoked', detail: seed.aunt.participant.id },
      ])
    })

    it('nobody else may remove, the facilitator not themselves, and an unknown person is not found', async () => {
      const facilitator = await joinFacilitator()
      const mother = await join(seed.mother.token)
      expect(await mother.request('participant:remove', { participantId: seed.aunt.participant.id, keepInvitation: true })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
      expect(await facilitator.request('participant:remove', { participantId: seed.facilitator.id, keepInvitation: true })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
      expect(await facilitator.request('participant:remove', { participantId: 'nobody-here-123', keepInvitation: true })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      })
      expect(await storedParticipant(ts.db, seed.aunt.participant.id)).toMatchObject({ removed_at: null, revoked_at: null })
      expect(facilitator.socket.connected && mother.socket.connected).toBe(true)
    })
  })

  describe('role changes', () => {
    it('take effect on live connections at once, without a reconnect', async () => {
      const facilitator = await joinFacilitator()
      const mother = await join(seed.mother.token)
      const aunt = await join(seed.aunt.token)
      await facilitator.request('phase:set', { phase: 'besloten_deel' })
      await waitFor(() => aunt.lastState()?.phase === 'besloten_deel')
      const auntBoard = board(seed.aunt.token)
      await waitFor(() => auntBoard.client.provider.synced, { message: 'the aunt has the board during private time' })
      expect(aunt.lastAccess()).toBe('in')
      const socketId = aunt.socket.id

      expect(await facilitator.request('participant:set-role', { participantId: seed.aunt.participant.id, role: 'professional' })).toEqual({ ok: true })
      await waitFor(() => aunt.lastAccess() === 'waiting-room', { message: 'as a professional she waits now' })
      expect(aunt.welcomes.at(-1)).toMatchObject({ participantId: seed.aunt.participant.id, role: 'professional' })
      await waitFor(() => mother.lastRoster()?.entries.find((e) => e.participantId === seed.aunt.participant.id)?.role === 'professional', {
        message: 'everyone sees the new role',
      })
      expect(aunt.socket.id).toBe(socketId)
      expect(aunt.socket.connected).toBe(true)
      await waitFor(() => auntBoard.closes.length > 0, { message: 'her board connection closes for private time' })
      expect(auntBoard.closes[0]).toEqual({ code: 4403, reason: 'private-time' })

      expect((await storedParticipant(ts.db, seed.aunt.participant.id)).role).toBe('professional')
      expect(await auditRows(ts.db, conferenceId(), ['participant.role-changed'])).toEqual([
        {
          actor: seed.facilitator.id,
          action: 'participant.role-changed',
          detail: `participant=${seed.aunt.participant.id} from=network to=professional`,
        },
      ])
      // Her new role decides her requests at once: a professional cannot end private time.
      expect(await aunt.request('private-time:end', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    })

    it("the facilitator's own role cannot be changed, and nobody becomes facilitator", async () => {
      const facilitator = await joinFacilitator()
      expect(await facilitator.request('participant:set-role', { participantId: seed.facilitator.id, role: 'family' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
      expect(await facilitator.request('participant:set-role', { participantId: seed.aunt.participant.id, role: 'facilitator' })).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      })
      expect((await storedParticipant(ts.db, seed.facilitator.id)).role).toBe('facilitator')
      expect((await storedParticipant(ts.db, seed.aunt.participant.id)).role).toBe('network')
    })
  })

  it('bad payloads are answered bad_request and the server carries on', async () => {
    const facilitator = await joinFacilitator()
    const bad: [Parameters<ControlClient['request']>[0], unknown][] = [
      ['phase:set', { phase: 'eigen_tijd' }],
      ['phase:set', null],
      ['phase:set', { phase: 'informatie', extra: 1 }],
      ['private-time:end', 'klaar'],
      ['settings:set', { facilitatorStaysInPrivateTime: 'ja' }],
      ['lobby:admit', {}],
      ['lobby:decline', { participantId: '' }],
      ['participant:remove', { participantId: seed.aunt.participant.id }],
      ['participant:set-role', { participantId: seed.aunt.participant.id, role: 'koning' }],
    ]
    for (const [event, payload] of bad) {
      expect({ event, ack: await facilitator.request(event, payload) }).toMatchObject({ event, ack: { ok: false, error: { code: 'bad_request' } } })
    }
    expect(await facilitator.request('phase:set', { phase: 'informatie' })).toEqual({ ok: true })
    expect((await storedConference(ts.db, conferenceId())).phase).toBe('informatie')
  })
})
