import { z } from 'zod'

/**
 * Facilitation tools over socket.io: raised hands, follow me, the phase timer, spotlight.
 * Every payload parsed with these schemas; every request decided by lib/conference/policy.ts
 * (`hand.raise`, `hand.clear`, `facilitation.lead`) and answered through the ack.
 */

const ParticipantId = z.string().min(1).max(64)
const Coordinate = z.number().finite().min(-1e7).max(1e7)

/** A rectangle in page coordinates of the board. */
export const PageBox = z.object({
  x: Coordinate,
  y: Coordinate,
  w: z.number().finite().positive().max(1e7),
  h: z.number().finite().positive().max(1e7),
})
export type PageBox = z.infer<typeof PageBox>

/** Server → everyone: the queue of raised hands, oldest first. */
export const HandsMessage = z.object({
  conferenceId: z.string(),
  queue: z.array(z.object({ participantId: ParticipantId, raisedAt: z.iso.datetime() })),
})
export type HandsMessage = z.infer<typeof HandsMessage>

/** Server → everyone: what the facilitator's view shows while "follow me" is on; null when off. */
export const FollowMessage = z.object({
  conferenceId: z.string(),
  leader: ParticipantId.nullable(),
  /** The leader's viewport in page coordinates; followers fit it to their screen. */
  viewport: PageBox.nullable(),
})
export type FollowMessage = z.infer<typeof FollowMessage>

/** Server → everyone: the spotlighted region, or none. */
export const SpotlightMessage = z.object({
  conferenceId: z.string(),
  region: PageBox.nullable(),
})
export type SpotlightMessage = z.infer<typeof SpotlightMessage>

/**
 * Server → everyone, on join and on every change: when the phase timer runs out (stored in
 * conferences.timer_ends_at, so a restart or a late joiner sees the same), or null when none runs.
 * `serverNow` lets a client with a wrong clock still count down correctly.
 */
export const TimerMessage = z.object({
  conferenceId: z.string(),
  endsAt: z.iso.datetime().nullable(),
  serverNow: z.iso.datetime(),
})
export type TimerMessage = z.infer<typeof TimerMessage>

/** Client → server `hand:raise` / `hand:lower` (one's own hand). */
export const OwnHandPayload = z.strictObject({})
/** Client → server `hand:clear` (facilitator): lower one person's hand, or everyone's when omitted. */
export const ClearHandsPayload = z.strictObject({ participantId: ParticipantId.optional() })
/** Client → server `follow:start` / `follow:viewport` (facilitator, ≤ 10 a second) / `follow:stop`. */
export const FollowViewportPayload = z.strictObject({ viewport: PageBox })
export const FollowStopPayload = z.strictObject({})
/** Client → server `timer:set` (facilitator): minutes from now for the current phase; 0 stops it. */
export const SetTimerPayload = z.strictObject({ minutes: z.number().int().min(0).max(240) })
/** Client → server `spotlight:set` (facilitator): a region, or null to end it. */
export const SetSpotlightPayload = z.strictObject({ region: PageBox.nullable() })

type Ack = (result: { ok: true } | { ok: false; error: { code: string; message: string } }) => void

export interface FacilitationServerEvents {
  hands: (message: HandsMessage) => void
  follow: (message: FollowMessage) => void
  spotlight: (message: SpotlightMessage) => void
  timer: (message: TimerMessage) => void
}

export interface FacilitationClientEvents {
  'hand:raise': (payload: unknown, ack?: Ack) => void
  'hand:lower': (payload: unknown, ack?: Ack) => void
  'hand:clear': (payload: unknown, ack?: Ack) => void
  'follow:start': (payload: unknown, ack?: Ack) => void
  'follow:viewport': (payload: unknown, ack?: Ack) => void
  'follow:stop': (payload: unknown, ack?: Ack) => void
  'timer:set': (payload: unknown, ack?: Ack) => void
  'spotlight:set': (payload: unknown, ack?: Ack) => void
}
