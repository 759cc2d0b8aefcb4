import { ForbiddenReason } from '../protocol/close-codes'
import type { AdmissionState, ConferencePhase, ParticipantRole } from './model'
import { may, type PolicyContext } from './policy'

/**
 * Where one person stands in a conference right now, derived from their participant row and
 * the conference (phase, private-time setting). Pure, so the meeting plane and the sync plane
 * decide the same way and the rules are unit-tested without a server.
 *
 * - `in`: on the board.
 * - `waiting-room`: admitted, but the policy gives them no board now (e.g. a professional during
 *   private family time). They stay in the meeting: phase, who is there, the timer.
 * - `lobby`: their invitation needs the facilitator to let them in, and that has not happened.
 * - `declined`: the facilitator said no at the lobby.
 * - `removed`: the facilitator removed them (or the invitation was revoked). With the invitation
 *   kept, coming back is knocking at the lobby again (see `arrivalOf`).
 */
export const accessStates = ['in', 'waiting-room', 'lobby', 'declined', 'removed'] as const
export type AccessState = (typeof accessStates)[number]

/** The columns of a participant row that decide access. */
export interface AccessSubject {
  role: ParticipantRole
  requires_admission: number
  admission: AdmissionState | null
  removed_at: string | null
  revoked_at: string | null
}

/** The columns of a conference row that decide access. */
export interface AccessConference {
  phase: ConferencePhase
  facilitator_stays_private: number
}

export function policyContextOf(conference: Pick<AccessConference, 'facilitator_stays_private'>): PolicyContext {
  return { facilitatorStaysInPrivateTime: conference.facilitator_stays_private === 1 }
}

export function accessStateOf(subject: AccessSubject, conference: AccessConference): AccessState {
  if (subject.revoked_at !== null) return 'removed'
  if (subject.requires_admission === 1 && subject.admission !== 'admitted') {
    if (subject.admission === 'declined') return 'declined'
    // Removed with the invitation kept, and not back at the lobby yet.
    if (subject.removed_at !== null && subject.admission === null) return 'removed'
    return 'lobby'
  }
  return may(subject.role, conference.phase, 'board.read', policyContextOf(conference)) ? 'in' : 'waiting-room'
}

/** Whether someone in this state takes part in the meeting (roster, phase, timer): admitted, with or without the board. */
export function isAdmitted(state: AccessState): boolean {
  return state === 'in' || state === 'waiting-room'
}

/**
 * What arriving on the meeting changes for someone whose invitation needs admission and who
 * has not been let in: they start waiting in the lobby (a removed person with a kept invitation
 * knocks again). Returns null when arriving changes nothing (admitted, declined, revoked, or no
 * admission needed).
 */
export function arrivalOf(subject: AccessSubject): { admission: 'waiting'; removed_at: null } | null {
  if (subject.revoked_at !== null || subject.requires_admission !== 1) return null
  if (subject.admission === null) return { admission: 'waiting', removed_at: null }
  return null
}

/**
 * The close reason (sync: the 4403 close reason; meeting: `closing.reason`) for someone who may
 * not have the board, so a client can tell "wait" from "out". Null for `in`.
 */
export function forbiddenReasonOf(state: AccessState, revoked = false): ForbiddenReason | null {
  switch (state) {
    case 'in':
      return null
    case 'waiting-room':
      return ForbiddenReason.PrivateTime
    case 'lobby':
      return ForbiddenReason.AwaitingAdmission
    case 'declined':
      return ForbiddenReason.Declined
    case 'removed':
      return revoked ? ForbiddenReason.Revoked : ForbiddenReason.Removed
  }
}
