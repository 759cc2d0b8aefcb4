import { MAX_FOLLOW_UPDATES_PER_SECOND } from '../../lib/conference/facilitation-follow'
import * as handQueue from '../../lib/conference/facilitation-hands'
import type { HandQueue, RaisedHand } from '../../lib/conference/facilitation-hands'
import { timerEndsAt } from '../../lib/conference/facilitation-timer'
import { getLiveEvents, type LiveEventMap } from '../../lib/server/conference/live-events'
import type { PolicyAction } from '../../lib/conference/policy'
import type { Db } from '../../lib/server/db/connect'
import { clearPhaseTimer, readPhaseTimer, setPhaseTimer } from '../../lib/server/db/repositories/conference-timer'
import type { Logger } from '../../lib/server/log/logger'
import type { FollowMessage, PageBox, SpotlightMessage } from '../../lib/protocol/facilitation'
import type { MeetingPresence, MeetingTopic } from '../scale-out/meeting-presence'
import type { SharedHands } from '../scale-out/shared-hands'
import type { LeadChange, SharedFollow, SharedLead } from '../scale-out/shared-lead'
import { systemClock, throttlePerSecond, type ThrottleClock, type Throttled } from '../../lib/sync/throttle'
import type { Authorized } from './authorize'
import { MeetingRequestError } from './client-events'
import {
  allows,
  participantStandingOf,
  readConferenceStanding,
  readParticipantStanding,
  type ConferenceStanding,
  type ParticipantStanding,
} from './facilitation-standing'
import { conferenceRoom, type MeetingIo, type MeetingSocket } from './types'

interface Follow {
  leader: string
  /** Only this socket (the device the facilitator leads from) sends viewports. */
  socketId: string
  viewport: PageBox
  /** Relays at most MAX_FOLLOW_UPDATES_PER_SECOND; the latest viewport always gets through. */
  relay: Throttled<[PageBox]>
}

interface Spotlight {
  region: PageBox
  setBy: string
}

/** The facilitation state of one conference with someone connected to this process. */
interface FacilitationRoom {
  conferenceId: string
  /** Phase and setting as last heard (loaded on the first join, updated by live events). */
  conference: ConferenceStanding
  /** Standing of the people connected, as last read (handshake, requests, access changes). */
  people: Map<string, ParticipantStanding>
  hands: HandQueue
  follow: Follow | null
  /** Several instances: "follow me" led from a device on another instance (ids and a viewport). */
  remoteFollow: SharedFollow
  spotlight: Spotlight | null
}

export interface FacilitationDeskDeps {
  db: Db
  logger: Logger
  io: MeetingIo
  /** The stored timer changed: whoever sends `conference:state` (it carries `timerEndsAt`) sends it again. */
  onTimerChanged?: (conferenceId: string) => void
  /** Several instances: the hands in Redis, and where changes are announced to the others. */
  shared?: { hands: SharedHands; presence: MeetingPresence; lead: SharedLead }
  clock?: ThrottleClock
}

/**
 * Raised hands, follow me, the phase timer and spotlight for the conferences connected to this
 * process. Hands, follow and spotlight live in memory (they matter only while people are
 * together, and go when the last one leaves); the timer is stored (conferences.timer_ends_at).
 * Every request reaches the desk after the gate said yes (requests.ts), with the requester's and
 * the conference's rows as the database has them now; live events (phase, settings, access)
 * re-decide what stands: a hand of someone who may no longer raise it is lowered, a leader who
 * may no longer lead stops.
 *
 * Who hears what, asked of the gate too: hands and the timer go to everyone in the meeting
 * (`meeting.read`); the leader's viewport and the spotlight, which point at the board, only to
 * those who may read it.
 *
 * Several instances (`shared`): the hands queue's truth is in Redis (server/scale-out/shared-hands.ts).
 * Each instance keeps a copy for its own people and mirrors every change it makes into Redis, then
 * announces it; the others read the queue again and tell their people. A hand goes down when its
 * person has no socket left on any instance (or their instance stopped answering). The timer is
 * in the database already; a new one is announced so every instance sends it. "Follow me" and the
 * spotlight are published by the instance of the leading device (server/scale-out/shared-lead.ts);
 * the others show them to their own people who read the board.
 */
export class FacilitationDesk {
  private readonly rooms = new Map<string, Promise<FacilitationRoom | null>>()
  private readonly pending = new Set<Promise<unknown>>()
  private readonly clock: ThrottleClock
  private readonly liveEvents = getLiveEvents()

  constructor(private readonly deps: FacilitationDeskDeps) {
    this.clock = deps.clock ?? systemClock
    this.liveEvents.on('conference.phase-changed', this.onPhaseChanged)
    this.liveEvents.on('conference.settings-changed', this.onSettingsChanged)
    this.liveEvents.on('participant.access-changed', this.onAccessChanged)
    this.liveEvents.on('participant.revoked', this.onAccessChanged)
  }

  // ---- joining and leaving ------------------------------------------------------------------

  /** A socket joined its conference's room: tell it where hands, follow, spotlight and the timer stand. */
  async join(socket: MeetingSocket): Promise<void> {
    const { conferenceId, participantId } = socket.data
    const [room, person, endsAt] = await Promise.all([
      this.room(conferenceId),
      readParticipantStanding(this.deps.db, conferenceId, participantId),
      readPhaseTimer(this.deps.db, conferenceId),
    ])
    if (!room || !person) return
    room.people.set(participantId, person)
    this.sendState(socket, room, person, endsAt)
  }

  /** Everything as it stands, to one socket (it joined, or was just admitted). */
  private sendState(socket: MeetingSocket, room: FacilitationRoom, person: ParticipantStanding, timerEndsAt: string | null): void {
    // Someone waiting in the lobby hears nothing of the meeting yet.
    if (!allows(person, room.conference, 'meeting.read') || !socket.connected) return
    const { conferenceId } = room
    socket.emit('hands', { conferenceId, queue: [...room.hands] })
    socket.emit('timer', this.timerMessage(conferenceId, timerEndsAt))
    const readsBoard = allows(person, room.conference, 'board.read')
    socket.emit('follow', readsBoard ? this.followMessage(room) : { conferenceId, leader: null, viewport: null })
    socket.emit('spotlight', readsBoard ? this.spotlightMessage(room) : { conferenceId, region: null })
  }

  /** A socket left (it is out of the room already): its hand, lead and spotlight may go with it. */
  async leave(socket: MeetingSocket): Promise<void> {
    const { conferenceId, participantId } = socket.data
    const loading = this.rooms.get(conferenceId)
    const room = await loading
    if (!room) return
    const remaining = this.socketsIn(conferenceId)
    if (remaining.length === 0) {
      // Everyone left: the meeting's in-memory tools go with them (the timer is stored).
      if (this.rooms.get(conferenceId) === loading) this.rooms.delete(conferenceId)
      room.follow?.relay.cancel()
      if (room.follow) this.shareFollow(room.conferenceId, null)
      if (this.deps.shared) this.track(() => this.leftThisInstance(conferenceId, participantId))
      return
    }
    if (room.follow?.socketId === socket.id) this.stopFollow(room)
    // Several instances: still here if connected to any of them.
    const stillHere = this.deps.shared ? (await this.participantsAnywhere(conferenceId)).has(participantId) : this.socketsOf(room, participantId).length > 0
    if (stillHere) return
    room.people.delete(participantId)
    this.applyHands(room, handQueue.lowerHand(room.hands, participantId))
    if (room.spotlight?.setBy === participantId) {
      room.spotlight = null
      this.emitSpotlight(room)
      this.shareSpotlight(room)
    }
  }

  // ---- requests (authorized by the gate in requests.ts, answered through their ack) -----------

  async raiseHand(asker: Authorized): Promise<void> {
    const room = await this.roomOf(asker)
    this.applyHands(room, handQueue.raiseHand(room.hands, asker.participant.id, new Date(this.clock.now()).toISOString()))
  }

  async lowerHand(asker: Authorized): Promise<void> {
    const room = await this.roomOf(asker)
    this.applyHands(room, handQueue.lowerHand(room.hands, asker.participant.id))
  }

  async clearHands(asker: Authorized, participantId: string | undefined): Promise<void> {
    const room = await this.roomOf(asker)
    this.applyHands(room, handQueue.clearHands(room.hands, participantId))
  }

  /** `follow:start`: this device leads; everyone who reads the board follows its viewport. */
  async startFollow(socket: MeetingSocket, asker: Authorized, viewport: PageBox): Promise<void> {
    const room = await this.roomOf(asker)
    room.follow?.relay.cancel()
    const follow: Follow = {
      leader: socket.data.participantId,
      socketId: socket.id,
      viewport,
      relay: throttlePerSecond((latest: PageBox) => this.relayViewport(room, follow, latest), MAX_FOLLOW_UPDATES_PER_SECOND, this.clock),
    }
    room.follow = follow
    room.remoteFollow = null
    this.emitFollow(room)
    this.shareFollow(room.conferenceId, { leader: follow.leader, viewport })
  }

  /**
   * `follow:viewport`, up to many a second from the leading device: kept at once (a late joiner
   * starts where the leader is), relayed to the others at most 10 times a second, the excess
   * dropped without an error but never the latest. Like every request it passed the gate first
   * (two indexed reads); live events also end the lead when leading is no longer allowed.
   */
  async updateFollow(socket: MeetingSocket, asker: Authorized, viewport: PageBox): Promise<void> {
    const room = await this.roomOf(asker)
    const follow = room.follow
    if (!follow || follow.socketId !== socket.id) throw new MeetingRequestError('conflict', 'follow:viewport: this device is not leading')
    follow.viewport = viewport
    follow.relay(viewport)
  }

  async stopFollowing(asker: Authorized): Promise<void> {
    const room = await this.roomOf(asker)
    if (!room.follow && room.remoteFollow) {
      // Led from a device on another instance: that instance stops relaying when it hears this.
      room.remoteFollow = null
      this.emitFollow(room)
      this.shareFollow(room.conferenceId, null)
      return
    }
    this.stopFollow(room)
  }

  /** `timer:set`: minutes from now for the current phase, stored; 0 stops the timer. */
  async setTimer(asker: Authorized, minutes: number): Promise<void> {
    const { conference } = asker
    const conferenceId = conference.id
    const room = await this.roomOf(asker)
    const endsAt = timerEndsAt(this.clock.now(), minutes)
    if (!(await setPhaseTimer(this.deps.db, conferenceId, endsAt, conference.phase))) {
      throw new MeetingRequestError('conflict', 'timer:set: the phase changed meanwhile')
    }
    this.deps.logger.info({ conferenceId, minutes }, 'phase timer set')
    this.emitTimer(room, endsAt)
    this.deps.onTimerChanged?.(conferenceId)
    this.deps.shared?.presence.announce(conferenceId, 'timer')
  }

  /** `spotlight:set`: light up a region of the board for everyone, or (null) end it. */
  async setSpotlight(asker: Authorized, region: PageBox | null): Promise<void> {
    const room = await this.roomOf(asker)
    room.spotlight = region ? { region, setBy: asker.participant.id } : null
    this.emitSpotlight(room)
    this.shareSpotlight(room)
  }

  // ---- live events ----------------------------------------------------------------------------

  private readonly onPhaseChanged = ({ conferenceId, phase }: LiveEventMap['conference.phase-changed'][0]) => {
    this.track(async () => {
      // A timer belongs to its phase; stopped in the database whether or not anyone is connected here.
      await clearPhaseTimer(this.deps.db, conferenceId)
      const room = await this.rooms.get(conferenceId)
      if (!room) return
      room.conference = { ...room.conference, phase }
      // A spotlight points at what the last phase was about.
      if (room.spotlight) {
        room.spotlight = null
        this.shareSpotlight(room)
      }
      this.emitTimer(room, null)
      this.redecide(room)
    })
  }

  private readonly onSettingsChanged = ({ conferenceId }: LiveEventMap['conference.settings-changed'][0]) => {
    this.track(async () => {
      const room = await this.rooms.get(conferenceId)
      const conference = room ? await readConferenceStanding(this.deps.db, conferenceId) : null
      if (!room || !conference) return
      room.conference = conference
      this.redecide(room)
    })
  }

  private readonly onAccessChanged = ({ conferenceId, participantId }: { conferenceId: string; participantId: string }) => {
    this.track(async () => {
      const room = await this.rooms.get(conferenceId)
      if (!room) return
      const [person, endsAt] = await Promise.all([
        readParticipantStanding(this.deps.db, conferenceId, participantId),
        readPhaseTimer(this.deps.db, conferenceId),
      ])
      if (person) room.people.set(participantId, person)
      else room.people.delete(participantId)
      this.redecide(room)
      // Just admitted, or back with another role: everything as it stands now.
      if (person) for (const socket of this.socketsOf(room, participantId)) this.sendState(socket, room, person, endsAt)
    })
  }

  /**
   * After a change of phase, setting or someone's access: lower the hands of those who may no
   * longer raise one, end the lead and spotlight of someone who may no longer lead, and send
   * follow and spotlight again, so those who just got the board back see where things stand.
   */
  private redecide(room: FacilitationRoom): void {
    const person = (participantId: string) => room.people.get(participantId)
    // Several instances: a hand of someone connected elsewhere is judged by their own instance,
    // which hears the same live event; one instance does not know them.
    const judgedElsewhere = (participantId: string) => this.deps.shared !== undefined && !room.people.has(participantId)
    this.applyHands(
      room,
      handQueue.keepHands(room.hands, (hand) => judgedElsewhere(hand.participantId) || allows(person(hand.participantId), room.conference, 'hand.raise')),
    )
    if (room.follow && !allows(person(room.follow.leader), room.conference, 'facilitation.lead')) {
      room.follow.relay.cancel()
      room.follow = null
      this.shareFollow(room.conferenceId, null)
    }
    if (room.spotlight && !judgedElsewhere(room.spotlight.setBy) && !allows(person(room.spotlight.setBy), room.conference, 'facilitation.lead')) {
      room.spotlight = null
      this.shareSpotlight(room)
    }
    this.emitFollow(room)
    this.emitSpotlight(room)
  }

  // ---- state and broadcasts -------------------------------------------------------------------

  /** The room of a conference, loaded on first use (phase and setting from the database). */
  private room(conferenceId: string): Promise<FacilitationRoom | null> {
    let loading = this.rooms.get(conferenceId)
    if (!loading) {
      const shared = this.deps.shared
      loading = Promise.all([
        readConferenceStanding(this.deps.db, conferenceId),
        shared ? shared.hands.read(conferenceId) : [],
        shared ? shared.lead.read(conferenceId) : { follow: null, spotlight: null },
      ]).then(([conference, hands, lead]) =>
        conference ? { conferenceId, conference, people: new Map(), hands, follow: null, remoteFollow: lead.follow, spotlight: lead.spotlight } : null,
      )
      this.rooms.set(conferenceId, loading)
      // A failed load must not stick: the next join tries again.
      loading.catch(() => this.rooms.get(conferenceId) === loading && this.rooms.delete(conferenceId))
    }
    return loading
  }

  /**
   * The room of an authorized request. The rows the gate just read are the freshest there are:
   * the requester's standing is kept from them (the conference's follows its live events).
   */
  private async roomOf({ conference, participant }: Authorized): Promise<FacilitationRoom> {
    const room = await this.room(conference.id)
    if (!room) throw new MeetingRequestError('not_found', 'conference not found')
    room.people.set(participant.id, participantStandingOf(participant))
    return room
  }

  private stopFollow(room: FacilitationRoom): void {
    if (!room.follow) return
    room.follow.relay.cancel()
    room.follow = null
    this.emitFollow(room)
    this.shareFollow(room.conferenceId, null)
  }

  private applyHands(room: FacilitationRoom, step: { queue: HandQueue; changed: boolean }): void {
    if (!step.changed) return
    const before = room.hands
    room.hands = step.queue
    this.emitHands(room)
    if (this.deps.shared) this.track(() => this.mirrorHands(room, before, step.queue))
  }

  // ---- several instances ----------------------------------------------------------------------

  /** Something changed on another instance (server/scale-out/meeting-presence.ts): read it again and tell. */
  onShared(conferenceId: string, topic: MeetingTopic): void {
    this.track(async () => {
      const room = await this.rooms.get(conferenceId)
      if (!room) return
      if (topic === 'hands') await this.reloadHands(room)
      if (topic === 'restored') await this.restore(room)
      if (topic === 'timer') this.emitTimer(room, await readPhaseTimer(this.deps.db, conferenceId))
      if (topic === 'departed') {
        // An instance died: hands of people connected nowhere now go down.
        const anywhere = await this.participantsAnywhere(conferenceId)
        await this.reloadHands(room)
        this.applyHands(room, handQueue.keepHands(room.hands, (hand) => anywhere.has(hand.participantId)))
        if (room.remoteFollow && !anywhere.has(room.remoteFollow.leader)) {
          room.remoteFollow = null
          this.emitFollow(room)
          this.shareFollow(room.conferenceId, null)
        }
        if (room.spotlight && !anywhere.has(room.spotlight.setBy)) {
          room.spotlight = null
          this.emitSpotlight(room)
          this.shareSpotlight(room)
        }
      }
    })
  }

  /** "Follow me" or the spotlight changed on another instance: this instance's people see it. */
  onLead(conferenceId: string, change: LeadChange): void {
    const room = this.rooms.get(conferenceId)
    if (!room) return
    // Kept in order: a viewport must not overtake the start it belongs to.
    this.track(async () => {
      const loaded = await room
      if (!loaded) return
      if ('spotlight' in change) {
        loaded.spotlight = change.spotlight
        this.emitSpotlight(loaded)
        return
      }
      const leaderBefore = this.followMessage(loaded).leader
      if (loaded.follow) {
        // Someone else leads now, from another instance.
        loaded.follow.relay.cancel()
        loaded.follow = null
      }
      loaded.remoteFollow = change.follow
      if (change.follow && leaderBefore === change.follow.leader) {
        const message: FollowMessage = { conferenceId, leader: change.follow.leader, viewport: change.follow.viewport }
        for (const socket of this.audience(loaded, 'board.read')) socket.emit('follow', message)
      } else {
        this.emitFollow(loaded)
      }
    })
  }

  private shareFollow(conferenceId: string, follow: SharedFollow): void {
    this.deps.shared?.lead.publish(conferenceId, { follow })
  }

  private shareSpotlight(room: FacilitationRoom): void {
    this.deps.shared?.lead.publish(room.conferenceId, { spotlight: room.spotlight })
  }

  /**
   * Redis came back, perhaps empty: the hands this instance knew go up again where they were (a
   * hand already there keeps its place), and a lead from here is published again.
   */
  private async restore(room: FacilitationRoom): Promise<void> {
    const shared = this.deps.shared
    if (!shared) return
    await shared.hands.apply(room.conferenceId, room.hands, [])
    shared.presence.announce(room.conferenceId, 'hands')
    if (room.follow) this.shareFollow(room.conferenceId, { leader: room.follow.leader, viewport: room.follow.viewport })
    if (room.spotlight) this.shareSpotlight(room)
    await this.reloadHands(room)
  }

  /** This instance's change of the queue, into Redis, announced; then the queue as Redis has it. */
  private async mirrorHands(room: FacilitationRoom, before: HandQueue, after: HandQueue): Promise<void> {
    const shared = this.deps.shared
    if (!shared) return
    const has = (queue: HandQueue, hand: RaisedHand) => queue.some((other) => other.participantId === hand.participantId)
    const raised = after.filter((hand) => !has(before, hand))
    const lowered = before.filter((hand) => !has(after, hand)).map((hand) => hand.participantId)
    await shared.hands.apply(room.conferenceId, raised, lowered)
    shared.presence.announce(room.conferenceId, 'hands')
    await this.reloadHands(room)
  }

  /** The queue as Redis has it; this instance's people are told when it differs from what they saw. */
  private async reloadHands(room: FacilitationRoom): Promise<void> {
    if (!this.deps.shared) return
    const queue = await this.deps.shared.hands.read(room.conferenceId)
    if (sameQueue(queue, room.hands)) return
    room.hands = queue
    this.emitHands(room)
  }

  /** The last socket of a conference on this instance left: their hand, and every hand when nobody is left anywhere. */
  private async leftThisInstance(conferenceId: string, participantId: string): Promise<void> {
    const shared = this.deps.shared
    if (!shared) return
    const anywhere = await this.participantsAnywhere(conferenceId)
    if (anywhere.size === 0) await shared.hands.clear(conferenceId)
    else if (!anywhere.has(participantId)) await shared.hands.apply(conferenceId, [], [participantId])
    else return
    shared.presence.announce(conferenceId, 'hands')
  }

  /** Everyone with a socket in the conference's room on any instance (socket.io's Redis adapter asks them all). */
  private async participantsAnywhere(conferenceId: string): Promise<Set<string>> {
    const sockets = await this.deps.io.in(conferenceRoom(conferenceId)).fetchSockets()
    return new Set(sockets.map((socket) => socket.data.participantId))
  }

  /** The sockets in a conference's socket.io room right now. */
  private socketsIn(conferenceId: string): MeetingSocket[] {
    const ids = this.deps.io.sockets.adapter.rooms.get(conferenceRoom(conferenceId))
    if (!ids) return []
    const sockets: MeetingSocket[] = []
    for (const id of ids) {
      const socket = this.deps.io.sockets.sockets.get(id)
      if (socket) sockets.push(socket)
    }
    return sockets
  }

  private socketsOf(room: FacilitationRoom, participantId: string): MeetingSocket[] {
    return this.socketsIn(room.conferenceId).filter((socket) => socket.data.participantId === participantId)
  }

  /**
   * A socket's standing as last read. Between entering the room and its first read (join) the
   * socket counts as admitted with its handshake role: AdmissionDesk has just let it in.
   */
  private standingOf(room: FacilitationRoom, socket: MeetingSocket): ParticipantStanding {
    return room.people.get(socket.data.participantId) ?? { role: socket.data.role, requires_admission: 0, admission: null, removed_at: null, revoked_at: null }
  }

  /** Sockets of people in the meeting (not in the lobby) for whom `action` holds, e.g. `board.read`. */
  private audience(room: FacilitationRoom, action: PolicyAction): MeetingSocket[] {
    return this.socketsIn(room.conferenceId).filter((socket) => allows(this.standingOf(room, socket), room.conference, action))
  }

  /** Everyone in the meeting, and whether they have the board now. */
  private meeting(room: FacilitationRoom): { socket: MeetingSocket; readsBoard: boolean }[] {
    return this.audience(room, 'meeting.read').map((socket) => ({
      socket,
      readsBoard: allows(this.standingOf(room, socket), room.conference, 'board.read'),
    }))
  }

  private emitHands(room: FacilitationRoom): void {
    const message = { conferenceId: room.conferenceId, queue: [...room.hands] }
    for (const socket of this.audience(room, 'meeting.read')) socket.emit('hands', message)
  }

  private emitTimer(room: FacilitationRoom, endsAt: string | null): void {
    const message = this.timerMessage(room.conferenceId, endsAt)
    for (const socket of this.audience(room, 'meeting.read')) socket.emit('timer', message)
  }

  /**
   * Start or stop of following, to everyone who reads the board (the leader's devices too);
   * everyone else in the meeting (the waiting room) hears that there is nothing to follow.
   */
  private emitFollow(room: FacilitationRoom): void {
    const message = this.followMessage(room)
    const nothing: FollowMessage = { conferenceId: room.conferenceId, leader: null, viewport: null }
    for (const { socket, readsBoard } of this.meeting(room)) socket.emit('follow', readsBoard ? message : nothing)
  }

  /** A viewport of the leader, to everyone who reads the board except the leading device. */
  private relayViewport(room: FacilitationRoom, follow: Follow, viewport: PageBox): void {
    if (room.follow !== follow) return
    const message: FollowMessage = { conferenceId: room.conferenceId, leader: follow.leader, viewport }
    for (const socket of this.audience(room, 'board.read')) {
      if (socket.id !== follow.socketId) socket.emit('follow', message)
    }
    this.shareFollow(room.conferenceId, { leader: follow.leader, viewport })
  }

  private emitSpotlight(room: FacilitationRoom): void {
    const message = this.spotlightMessage(room)
    const nothing: SpotlightMessage = { conferenceId: room.conferenceId, region: null }
    for (const { socket, readsBoard } of this.meeting(room)) socket.emit('spotlight', readsBoard ? message : nothing)
  }

  private followMessage(room: FacilitationRoom): FollowMessage {
    const lead = room.follow ?? room.remoteFollow
    return { conferenceId: room.conferenceId, leader: lead?.leader ?? null, viewport: lead?.viewport ?? null }
  }

  private spotlightMessage(room: FacilitationRoom): SpotlightMessage {
    return { conferenceId: room.conferenceId, region: room.spotlight?.region ?? null }
  }

  private timerMessage(conferenceId: string, endsAt: string | null) {
    return { conferenceId, endsAt, serverNow: new Date(this.clock.now()).toISOString() }
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  private track(work: () => Promise<void>): void {
    const promise = work().catch((err: unknown) => this.deps.logger.error({ err }, 'facilitation update failed'))
    this.pending.add(promise)
    void promise.finally(() => this.pending.delete(promise))
  }

  /** Stop listening and relaying (shutdown); resolves when pending updates are done. */
  async close(): Promise<void> {
    this.liveEvents.off('conference.phase-changed', this.onPhaseChanged)
    this.liveEvents.off('conference.settings-changed', this.onSettingsChanged)
    this.liveEvents.off('participant.access-changed', this.onAccessChanged)
    this.liveEvents.off('participant.revoked', this.onAccessChanged)
    for (const loading of this.rooms.values()) void loading.then((room) => room?.follow?.relay.cancel(), () => undefined)
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }
}

function sameQueue(a: HandQueue, b: HandQueue): boolean {
  return a.length === b.length && a.every((hand, i) => hand.participantId === b[i]?.participantId && hand.raisedAt === b[i]?.raisedAt)
}
