import { conferencePhases, type ConferencePhase, type ParticipantRole } from '@/lib/conference/model'
import { may, type PolicyContext } from '@/lib/conference/policy'
import type { RosterMessage, WelcomeMessage } from '@/lib/protocol/meeting'
import type { ConferenceStateMessage, LobbyEntry } from '@/lib/protocol/meeting-control'

/**
 * What the board shows to whom, in which phase: pure helpers over lib/conference/policy.ts. They
 * only shape the screen (which buttons, read-only or not); the servers decide every request.
 */

export function policyContextOf(conference: Pick<ConferenceStateMessage, 'facilitatorStaysInPrivateTime'>): PolicyContext {
  return { facilitatorStaysInPrivateTime: conference.facilitatorStaysInPrivateTime }
}

/** My role now: a role change reaches the roster at once; the welcome and the page load may be older. */
export function currentRole(meId: string, roster: RosterMessage | null, welcome: WelcomeMessage | null, fromPage: ParticipantRole): ParticipantRole {
  return roster?.entries.find((entry) => entry.participantId === meId)?.role ?? welcome?.role ?? fromPage
}

/** The phase now: the meeting's conference state, else the roster's (older servers), else unknown. */
export function currentPhase(conference: ConferenceStateMessage | null, roster: RosterMessage | null): ConferencePhase | null {
  return conference?.phase ?? roster?.phase ?? null
}

/** The phases before and after this one (the facilitator's stepper). */
export function phaseNeighbours(phase: ConferencePhase): { previous: ConferencePhase | null; next: ConferencePhase | null } {
  const index = conferencePhases.indexOf(phase)
  return { previous: conferencePhases[index - 1] ?? null, next: conferencePhases[index + 1] ?? null }
}

/** 1-based position of a phase, for "fase 3 van 5". */
export function phaseNumber(phase: ConferencePhase): number {
  return conferencePhases.indexOf(phase) + 1
}

/** Moving into private time sends people away from the board: the facilitator confirms first. */
export function phaseChangeNeedsConfirm(target: ConferencePhase): boolean {
  return target === 'besloten_deel'
}

export interface MeetingPermissions {
  /** May change the board now (else the canvas is read-only). */
  canWrite: boolean
  /** Why the board is read-only for me now; null when I may write. */
  readOnlyBecause: 'observer' | 'closed' | 'other' | null
  canChangePhase: boolean
  canEndPrivateTime: boolean
  canManageParticipants: boolean
  canChangeSettings: boolean
  /** May propose the plan for agreement, withdraw it, and record someone's spoken yes. */
  canProposePlan: boolean
  /** May lead the board: follow me, the timer, spotlight, the who-question deck and template areas. */
  canLead: boolean
  /** May remove someone else's mark on a scale (of someone who left); see server/sync/write-policy.ts. */
  canRemoveOthersMarks: boolean
  /** May download the frozen versions (the plan view links to them). */
  canExport: boolean
}

export function meetingPermissions(role: ParticipantRole, phase: ConferencePhase | null, context: PolicyContext): MeetingPermissions {
  // Before the phase is known, assume the common case (voorbereiding rules): nothing extra is offered.
  const now = phase ?? 'voorbereiding'
  const canWrite = may(role, now, 'board.write', context)
  return {
    canWrite,
    // Read-only while others write: the role only watches ("observer"). Without the board at all: other.
    readOnlyBecause: canWrite ? null : now === 'afgesloten' ? 'closed' : may(role, now, 'board.read', context) ? 'observer' : 'other',
    canChangePhase: may(role, now, 'phase.change', context),
    canEndPrivateTime: phase !== null && may(role, phase, 'privateTime.end', context),
    canManageParticipants: may(role, now, 'participants.manage', context),
    canChangeSettings: may(role, now, 'settings.write', context),
    canProposePlan: may(role, now, 'plan.propose', context),
    canLead: may(role, now, 'facilitation.lead', context),
    // The policy has no action of its own for this yet; the sync server asks the same question.
    canRemoveOthersMarks: may(role, now, 'scaleMark.remove', context),
    canExport: may(role, now, 'plan.export', context),
  }
}

/** People who started waiting in the lobby since the last list (the facilitator gets a notice). */
export function newArrivals(before: readonly LobbyEntry[] | null, after: readonly LobbyEntry[]): LobbyEntry[] {
  if (before === null) return [...after]
  const known = new Set(before.map((entry) => entry.participantId))
  return after.filter((entry) => !known.has(entry.participantId))
}
