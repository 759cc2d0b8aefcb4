import type { Socket } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConferencePhase } from '../../lib/conference/model'
import { readPhaseTimer } from '../../lib/server/db/repositories/conference-timer'
import { seedInvitation } from '../../lib/server/db/seed'
import { bindFacilitation, type FacilitationClient, type ReceivedTimer } from '../../lib/meeting/facilitation-client'
import type { FollowMessage, HandsMessage, PageBox, SpotlightMessage } from '../../lib/protocol/facilitation'
import { AckResult, type MeetingError } from '../../lib/protocol/meeting'
import { waitFor, type TestServer } from '../helpers/test-server'
import { facilitatorTicket } from './agreement-support'
import { rawSocket, useMeetingFixture } from './meeting-support'

/**
 * The facilitation tools on a real server with real socket.io clients: raised hands, follow me,
 * the phase timer and spotlight, each decided by the policy (lib/conference/policy.ts).
 */

/** Someone at the table: a socket with the facilitation binding on it, recording all it hears. */
interface Seat {
  socket: Socket
  tools: FacilitationClient
  hands: HandsMessage[]
  follows: FollowMessage[]
  spotlights: SpotlightMessage[]
  timers: ReceivedTimer[]
  errors: MeetingError[]
  queue(): string[]
  close(): void
}

async function takeSeat(ts: TestServer, conferenceId: string, token: string): Promise<Seat> {
  const socket = rawSocket(ts, { token, conferenceId, device: 'desktop' })
  const tools = bindFacilitation(socket)
  const seat: Seat = {
    socket,
    tools,
    hands: [],
    follows: [],
    spotlights: [],
    timers: [],
    errors: [],
    queue: () => seat.hands.at(-1)?.queue.map((hand) => hand.participantId) ?? [],
    close() {
      tools.dispose()
      socket.disconnect()
    },
  }
  tools.onHands((m) => seat.hands.push(m))
  tools.onFollow((m) => seat.follows.push(m))
  tools.onSpotlight((m) => seat.spotlights.push(m))
  tools.onTimer((m) => seat.timers.push(m))
  socket.on('error', (e: MeetingError) => seat.errors.push(e))
  // Everyone in the meeting is told where everything stands when they join.
  await waitFor(() => socket.connected && seat.hands.length > 0 && seat.timers.length > 0 && seat.follows.length > 0 && seat.spotlights.length > 0, {
    message: 'seat connected with the facilitation state',
  })
  return seat
}

/** A request by event name, for the ones the binding has no method for (bad payloads, other planes). */
function ask(socket: Socket, event: string, payload: unknown): Promise<AckResult> {
  return new Promise((resolve) => socket.timeout(5_000).emit(event, payload, (err: Error | null, result: unknown) => resolve(err ? { ok: false, error: { code: 'server_error', message: 'no answer' } } : AckResult.parse(result))))
}

const forbidden = { ok: false, error: expect.objectContaining({ code: 'forbidden' }) }
const view = (x: number): PageBox => ({ x, y: 0, w: 1200, h: 800 })

describe('facilitation tools', () => {
  const fixture = useMeetingFixture()
  const seats: Seat[] = []
  const seat = async (token: string) => {
    const s = await takeSeat(fixture.ts, fixture.seed.conference.id, token)
    seats.push(s)
    return s
  }
  const facilitator = () => seat(facilitatorTicket(fixture.seed.facilitator.id, fixture.seed.conference.id))
  const invite = async (role: 'observer' | 'professional' | 'family', displayName: string) =>
    (await seedInvitation(fixture.ts.db, { conferenceId: fixture.seed.conference.id, displayName, role })).token
  const setPhase = async (by: Seat, phase: ConferencePhase) => expect(await ask(by.socket, 'phase:set', { phase })).toEqual({ ok: true })

  // Registered after the fixture's, so it runs first (after-hooks run in reverse): seats close before the server stops.
  afterEach(() => seats.splice(0).forEach((s) => s.close()))

  describe('raised hands', () => {
    it('queues hands in the order they go up, for everyone to see; a second press keeps your place', async () => {
      const { mother, aunt, professional } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const amira = await seat(aunt.token)
      const jan = await seat(professional.token)

      expect(await mum.tools.raiseHand()).toEqual({ ok: true })
      expect(await jan.tools.raiseHand()).toEqual({ ok: true })
      expect(await amira.tools.raiseHand()).toEqual({ ok: true })
      const order = [mother.participant.id, professional.participant.id, aunt.participant.id]
      for (const s of [lead, mum, amira, jan]) await waitFor(() => JSON.stringify(s.queue()) === JSON.stringify(order), { message: 'queue in order' })

      expect(await mum.tools.raiseHand()).toEqual({ ok: true })
      expect(await mum.tools.lowerHand()).toEqual({ ok: true })
      await waitFor(() => JSON.stringify(lead.queue()) === JSON.stringify([professional.participant.id, aunt.participant.id]), { message: 'mother lowered' })
      // The second raise changed nothing: nobody was told anything between the three hands and the lowering.
      expect(lead.hands.map((m) => m.queue.length)).toEqual([0, 1, 2, 3, 2])
    })

    it('lets family raise a hand, but not the facilitator or an observer; only the facilitator clears', async () => {
      const { mother, aunt } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const amira = await seat(aunt.token)
      const watcher = await seat(await invite('observer', 'Stagiair Sam'))

      expect(await lead.tools.raiseHand()).toEqual(forbidden)
      expect(await watcher.tools.raiseHand()).toEqual(forbidden)
      await mum.tools.raiseHand()
      await amira.tools.raiseHand()
      await waitFor(() => lead.queue().length === 2, { message: 'two hands up' })

      // Family may not lower someone else's hand, nor clear the queue: nothing changes.
      expect(await mum.tools.clearHands(aunt.participant.id)).toEqual(forbidden)
      expect(await amira.tools.clearHands()).toEqual(forbidden)
      expect(await watcher.tools.clearHands()).toEqual(forbidden)
      expect(lead.queue()).toEqual([mother.participant.id, aunt.participant.id])
      expect(lead.hands).toHaveLength(3)

      expect(await lead.tools.clearHands(mother.participant.id)).toEqual({ ok: true })
      await waitFor(() => JSON.stringify(amira.queue()) === JSON.stringify([aunt.participant.id]), { message: 'mother given the floor' })
      await mum.tools.raiseHand()
      await waitFor(() => lead.queue().length === 2, { message: 'mother back in the queue, last' })
      expect(lead.queue()).toEqual([aunt.participant.id, mother.participant.id])
      expect(await lead.tools.clearHands()).toEqual({ ok: true })
      await waitFor(() => mum.queue().length === 0 && watcher.queue().length === 0, { message: 'all hands down' })
    })

    it('lowers the hand of someone who leaves, and shows the queue to someone who joins late', async () => {
      const { mother, aunt } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const amira = await seat(aunt.token)
      await amira.tools.raiseHand()
      await mum.tools.raiseHand()
      await waitFor(() => lead.queue().length === 2, { message: 'two hands up' })

      const late = await seat(await invite('family', 'Opa Kees'))
      expect(late.queue()).toEqual([aunt.participant.id, mother.participant.id])

      amira.close()
      await waitFor(() => JSON.stringify(lead.queue()) === JSON.stringify([mother.participant.id]), { message: 'the aunt left: her hand is down' })
      await waitFor(() => late.queue().length === 1, { message: 'the late joiner sees it too' })
    })

    it('lowers a professional hand when private family time begins', async () => {
      const { mother, professional } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const jan = await seat(professional.token)
      await jan.tools.raiseHand()
      await mum.tools.raiseHand()
      await waitFor(() => mum.queue().length === 2, { message: 'two hands up' })

      await setPhase(lead, 'besloten_deel')
      await waitFor(() => JSON.stringify(mum.queue()) === JSON.stringify([mother.participant.id]), { message: 'the professional left the room: hand down' })
      // In the waiting room the professional may not raise one.
      expect(await jan.tools.raiseHand()).toEqual(forbidden)
      expect(mum.queue()).toEqual([mother.participant.id])
    })
    it('lowers the hand of someone who becomes an observer', async () => {
      const { mother, aunt } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const amira = await seat(aunt.token)
      await mum.tools.raiseHand()
      await amira.tools.raiseHand()
      await waitFor(() => lead.queue().length === 2, { message: 'two hands up' })
      expect(await ask(lead.socket, 'participant:set-role', { participantId: aunt.participant.id, role: 'observer' })).toEqual({ ok: true })
      await waitFor(() => JSON.stringify(lead.queue()) === JSON.stringify([mother.participant.id]), { message: "the observer's hand is down" })
      expect(await amira.tools.raiseHand()).toEqual(forbidden)
    })
  })

  describe('follow me', () => {
    it('relays the leader viewport to everyone else, never back to the leader, and stops', async () => {
      const { mother, aunt } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const amira = await seat(aunt.token)

      expect(await lead.tools.startFollow(view(0))).toEqual({ ok: true })
      for (const s of [mum, amira]) await waitFor(() => s.follows.at(-1)?.leader === fixture.seed.facilitator.id, { message: 'following starts' })
      expect(mum.follows.at(-1)?.viewport).toEqual(view(0))

      expect(await lead.tools.sendViewport(view(100))).toEqual({ ok: true })
      for (const s of [mum, amira]) await waitFor(() => s.follows.at(-1)?.viewport?.x === 100, { message: 'viewport relayed' })

      // The leader heard that following started (its own viewport), and none of its moves.
      expect(lead.follows.filter((m) => m.leader !== null).map((m) => m.viewport?.x)).toEqual([0])

      // Someone joining now starts where the leader looks.
      const late = await seat(await invite('family', 'Opa Kees'))
      expect(late.follows.at(-1)).toMatchObject({ leader: fixture.seed.facilitator.id, viewport: view(100) })

      expect(await lead.tools.stopFollow()).toEqual({ ok: true })
      for (const s of [lead, mum, amira, late]) await waitFor(() => s.follows.at(-1)?.leader === null, { message: 'following stops' })
    })

    it('lets only the facilitator lead, and a refused request changes nothing', async () => {
      const { mother, aunt } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const amira = await seat(aunt.token)

      expect(await mum.tools.startFollow(view(5))).toEqual(forbidden)
      expect(await mum.tools.sendViewport(view(5))).toEqual(forbidden)
      expect(await mum.tools.stopFollow()).toEqual(forbidden)
      // The facilitator has to start first: a viewport alone is not leading.
      expect(await lead.tools.sendViewport(view(5))).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict' }) })

      await lead.tools.startFollow(view(0))
      await waitFor(() => amira.follows.at(-1)?.leader !== null, { message: 'following' })
      expect(await mum.tools.sendViewport(view(666))).toEqual(forbidden)
      expect(await mum.tools.stopFollow()).toEqual(forbidden)
      await lead.tools.sendViewport(view(7))
      await waitFor(() => amira.follows.at(-1)?.viewport?.x === 7, { message: 'the leader moved' })
      expect(amira.follows.some((m) => m.viewport?.x === 666 || m.viewport?.x === 5)).toBe(false)
      expect(amira.follows.at(-1)?.leader).toBe(fixture.seed.facilitator.id)
    })

    it('relays at most 10 viewports a second, dropping the excess without an error but never the latest', async () => {
      const { mother } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      await lead.tools.startFollow(view(0))
      await waitFor(() => mum.follows.at(-1)?.leader !== null, { message: 'following' })
      const arrivals: number[] = []
      mum.tools.onFollow(() => arrivals.push(Date.now()))
      arrivals.length = 0 // the replayed start message

      // A leader moving far above the rate: a burst, then 1.2 seconds of a move every 15 ms.
      const acks = await Promise.all(Array.from({ length: 30 }, (_, i) => lead.tools.sendViewport(view(i + 1))))
      const paced = setInterval(() => void lead.tools.sendViewport(view(100 + acks.length)).then((ack) => acks.push(ack)), 15)
      await waitFor(() => acks.length >= 110, { message: 'the leader sent 110 moves' })
      clearInterval(paced)
      const last = acks.length + 99
      const lastSent = await lead.tools.sendViewport(view(last + 1))
      expect([...acks, lastSent].every((ack) => ack.ok)).toBe(true)
      await waitFor(() => mum.follows.at(-1)?.viewport?.x === last + 1, { message: 'the latest viewport arrives' })

      // At most 10 in any second (one more for delivery jitter), and not starved either.
      for (const first of arrivals) expect(arrivals.filter((at) => at >= first && at < first + 1000).length).toBeLessThanOrEqual(11)
      expect(arrivals.length).toBeGreaterThanOrEqual(8)
      expect(arrivals.length).toBeLessThan(40)
      expect(mum.errors).toEqual([])
      expect(lead.errors).toEqual([])
    })

    it('stops when the leader leaves', async () => {
      const lead = await facilitator()
      const mum = await seat(fixture.seed.mother.token)
      await lead.tools.startFollow(view(0))
      await waitFor(() => mum.follows.at(-1)?.leader !== null, { message: 'following' })
      lead.close()
      await waitFor(() => mum.follows.at(-1)?.leader === null, { message: 'following stopped with the leader gone' })
    })

    it('sends nothing of the board to a professional in the waiting room, and all of it again after', async () => {
      const { mother, professional } = fixture.seed
      const leaderId = fixture.seed.facilitator.id
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const jan = await seat(professional.token)
      expect(await ask(lead.socket, 'settings:set', { facilitatorStaysInPrivateTime: true })).toEqual({ ok: true })
      await lead.tools.startFollow(view(0))
      await waitFor(() => jan.follows.at(-1)?.leader === leaderId, { message: 'the professional follows' })

      await setPhase(lead, 'besloten_deel')
      await waitFor(() => jan.follows.at(-1)?.leader === null, { message: 'the waiting room has nothing to follow' })
      const heard = { follows: jan.follows.length, spotlights: jan.spotlights.length }
      await lead.tools.sendViewport(view(50))
      expect(await lead.tools.setSpotlight(view(3))).toEqual({ ok: true })
      await waitFor(() => mum.follows.at(-1)?.viewport?.x === 50 && mum.spotlights.at(-1)?.region?.x === 3, { message: 'the family follows' })
      expect(jan.follows.slice(heard.follows).every((m) => m.leader === null && m.viewport === null)).toBe(true)
      expect(jan.spotlights.slice(heard.spotlights).every((m) => m.region === null)).toBe(true)

      // Private time ends: the professional follows the facilitator again, from where they look now.
      await setPhase(lead, 'plan_en_afspraken')
      await waitFor(() => jan.follows.at(-1)?.leader === leaderId && jan.follows.at(-1)?.viewport?.x === 50, { message: 'back and following' })
      // A new phase ends the spotlight.
      await waitFor(() => mum.spotlights.at(-1)?.region === null && jan.spotlights.at(-1)?.region === null, { message: 'spotlight ended' })
    })
  })

  describe('spotlight', () => {
    it('lights up a region for everyone (late joiners too) until the facilitator ends it', async () => {
      const { mother, aunt } = fixture.seed
      const lead = await facilitator()
      const mum = await seat(mother.token)
      const region = { x: -40, y: 120, w: 300, h: 200 }

      expect(await mum.tools.setSpotlight(region)).toEqual(forbidden)
      expect(mum.spotlights.at(-1)?.region).toBeNull()

      expect(await lead.tools.setSpotlight(region)).toEqual({ ok: true })
      for (const s of [lead, mum]) await waitFor(() => s.spotlights.at(-1)?.region?.x === -40, { message: 'spotlight on' })
      const late = await seat(aunt.token)
      expect(late.spotlights.at(-1)?.region).toEqual(region)

      expect(await mum.tools.setSpotlight(null)).toEqual(forbidden)
      expect(late.spotlights.at(-1)?.region).toEqual(region)
      expect(await lead.tools.setSpotlight(null)).toEqual({ ok: true })
      for (const s of [lead, mum, late]) await waitFor(() => s.spotlights.at(-1)?.region === null, { message: 'spotlight off' })
    })
  })

  describe('phase timer', () => {
    it('is stored, seen by everyone and by a late joiner, and stopped by a change of phase', async () => {
      const { mother, aunt } = fixture.seed
      const conferenceId = fixture.seed.conference.id
      const lead = await facilitator()
      const mum = await seat(mother.token)
      expect(mum.timers.at(-1)?.endsAt).toBeNull()
      const states: { timerEndsAt: string | null }[] = []
      mum.socket.on('conference:state', (state: { timerEndsAt: string | null }) => states.push(state))

      const before = Date.now()
      expect(await lead.tools.setTimer(15)).toEqual({ ok: true })
      await waitFor(() => mum.timers.at(-1)?.endsAt != null, { message: 'the timer reaches the family' })
      const endsAt = mum.timers.at(-1)!.endsAt!
      expect(Date.parse(endsAt) - before).toBeGreaterThanOrEqual(15 * 60_000 - 1_000)
      expect(Date.parse(endsAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000)
      expect(await readPhaseTimer(fixture.ts.db, conferenceId)).toBe(endsAt)
      // The conference's state (phase, setting, timer) says the same.
      await waitFor(() => states.at(-1)?.timerEndsAt === endsAt, { message: 'conference:state carries the timer' })

      const late = await seat(aunt.token)
      expect(late.timers.at(-1)?.endsAt).toBe(endsAt)

      await setPhase(lead, 'informatie')
      for (const s of [lead, mum, late]) await waitFor(() => s.timers.at(-1)?.endsAt === null, { message: 'a new phase has no timer' })
      expect(await readPhaseTimer(fixture.ts.db, conferenceId)).toBeNull()
    })

    it('is set only by the facilitator; 0 stops it', async () => {
      const conferenceId = fixture.seed.conference.id
      const lead = await facilitator()
      const mum = await seat(fixture.seed.mother.token)
      expect(await mum.tools.setTimer(5)).toEqual(forbidden)
      expect(await readPhaseTimer(fixture.ts.db, conferenceId)).toBeNull()

      await lead.tools.setTimer(5)
      await waitFor(() => mum.timers.at(-1)?.endsAt != null, { message: 'timer on' })
      const endsAt = await readPhaseTimer(fixture.ts.db, conferenceId)
      expect(await mum.tools.setTimer(0)).toEqual(forbidden)
      expect(await readPhaseTimer(fixture.ts.db, conferenceId)).toBe(endsAt)

      expect(await lead.tools.setTimer(0)).toEqual({ ok: true })
      await waitFor(() => mum.timers.at(-1)?.endsAt === null, { message: 'timer off' })
      expect(await readPhaseTimer(fixture.ts.db, conferenceId)).toBeNull()
    })
  })

  it('answers malformed requests with bad_request and changes nothing', async () => {
    const lead = await facilitator()
    const mum = await seat(fixture.seed.mother.token)
    expect(await ask(mum.socket, 'hand:raise', { participantId: 'someone-else' })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await ask(lead.socket, 'follow:start', { viewport: { x: 0, y: 0, w: -5, h: 10 } })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await ask(lead.socket, 'timer:set', { minutes: 1000 })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await ask(lead.socket, 'spotlight:set', { region: 'everything' })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(mum.queue()).toEqual([])
    expect(mum.follows.at(-1)?.leader).toBeNull()
    expect(mum.spotlights.at(-1)?.region).toBeNull()
    expect(await readPhaseTimer(fixture.ts.db, fixture.seed.conference.id)).toBeNull()
  })
})
