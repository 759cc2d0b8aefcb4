import { z } from 'zod'
import { ConferencePhase, DisplayName, ParticipantRole } from '../conference/model'

/**
 * Running the meeting over socket.io: phases, private family time, the admission lobby, removal
 * and role changes. Every client → server payload is parsed with these schemas; every request
 * is decided by lib/conference/policy.ts and answered through the ack (ok, or a MeetingError).
 */

const ParticipantId = z.string().min(1).max(64)

/** Server → every client of the conference, on join and on every change. */
export const ConferenceStateMessage = z.object({
  conferenceId: z.string(),
  phase: ConferencePhase,
  /** When the current phase began (null before the first change). */
  phaseChangedAt: z.iso.datetime().nullable(),
  facilitatorStaysInPrivateTime: z.boolean(),
  /** The phase timer everyone sees; null when none runs. */
  timerEndsAt: z.iso.datetime().nullable(),
})
export type ConferenceStateMessage = z.infer<typeof ConferenceStateMessage>

/** Server → the person themselves: where they stand (lobby, in, out) and why. */
export const AccessStateMessage = z.object({
  conferenceId: z.string(),
  /**
   * `in`: on the board. `waiting-room`: in the meeting but without the board for now (private
   * time). `lobby`: waiting to be admitted. `declined` / `removed`: the facilitator said no.
   */
  state: z.enum(['in', 'waiting-room', 'lobby', 'declined', 'removed']),
})
export type AccessStateMessage = z.infer<typeof AccessStateMessage>

export const LobbyEntry = z.object({
  participantId: ParticipantId,
  displayName: z.string(),
  role: ParticipantRole,
  /** When they started waiting. */
  since: z.iso.datetime(),
})
export type LobbyEntry = z.infer<typeof LobbyEntry>

/** Server → the facilitator: who waits in the lobby, on every change. */
export const LobbyMessage = z.object({
  conferenceId: z.string(),
  waiting: z.array(LobbyEntry),
})
export type LobbyMessage = z.infer<typeof LobbyMessage>

/** Server → everyone: private time is over; who ended it (participant id) so clients can say "the family is ready". */
export const PrivateTimeEndedMessage = z.object({
  conferenceId: z.string(),
  endedBy: ParticipantId,
  at: z.iso.datetime(),
})
export type PrivateTimeEndedMessage = z.infer<typeof PrivateTimeEndedMessage>

/** Client → server `phase:set` (facilitator). */
export const SetPhasePayload = z.strictObject({ phase: ConferencePhase })
/** Client → server `private-time:end` ("we are ready": family side, or the facilitator if present). Moves to plan_en_afspraken. */
export const EndPrivateTimePayload = z.strictObject({})
/** Client → server `settings:set` (facilitator). */
export const SetConferenceSettingsPayload = z.strictObject({ facilitatorStaysInPrivateTime: z.boolean() })
/** Client → server `lobby:admit` / `lobby:decline` (facilitator). */
export const LobbyDecisionPayload = z.strictObject({ participantId: ParticipantId })
/** Client → server `participant:remove` (facilitator): both connections close at once. */
export const RemoveParticipantPayload = z.strictObject({
  participantId: ParticipantId,
  /** true: the invitation stays valid (they may come back, through the lobby); false: it is revoked. */
  keepInvitation: z.boolean(),
})
/** Client → server `participant:set-role` (facilitator): takes effect on live connections at once. */
export const SetRolePayload = z.strictObject({ participantId: ParticipantId, role: ParticipantRole.exclude(['facilitator']) })

/** The display name of a participant, for messages that show one. */
export const ParticipantName = DisplayName

type Ack = (result: { ok: true } | { ok: false; error: { code: string; message: string } }) => void

export interface MeetingControlServerEvents {
  'conference:state': (message: ConferenceStateMessage) => void
  'access:state': (message: AccessStateMessage) => void
  lobby: (message: LobbyMessage) => void
  'private-time:ended': (message: PrivateTimeEndedMessage) => void
}

export interface MeetingControlClientEvents {
  'phase:set': (payload: unknown, ack?: Ack) => void
  'private-time:end': (payload: unknown, ack?: Ack) => void
  'settings:set': (payload: unknown, ack?: Ack) => void
  'lobby:admit': (payload: unknown, ack?: Ack) => void
  'lobby:decline': (payload: unknown, ack?: Ack) => void
  'participant:remove': (payload: unknown, ack?: Ack) => void
  'participant:set-role': (payload: unknown, ack?: Ack) => void
}
