import { ForbiddenReason } from '@/lib/protocol/close-codes'
import type { AccessStateMessage } from '@/lib/protocol/meeting-control'
import type { AccessLoss } from '../session/ticket-source'

/**
 * Where a person stands while they still belong to the meeting, as the board page sees it:
 * - `in`: the board is shown and synced;
 * - `waiting-room`: private family time without them: no board, the meeting stays connected;
 * - `lobby`: waiting for the facilitator to let them in: no board.
 * Being out (revoked, removed, declined) is an AccessLoss, not a place.
 *
 * Pure (no React), so the rules are unit-tested; useMeetingAccess.ts feeds it the server's events.
 */
export type AccessPlace = 'in' | 'waiting-room' | 'lobby'

/** What to say once, after a change of place or phase, until dismissed. */
export type AccessNoticeKind =
  /** Back from the waiting room: "Het gezin is klaar. Je bent weer welkom." */
  | 'welcome-back'
  /** Let in from the lobby. */
  | 'admitted'
  /** Private time ended while this person stayed on the board (the family side). */
  | 'private-time-over'

export interface AccessView {
  place: AccessPlace
  /**
   * Whether the meeting has said where this person stands (or we stopped waiting for it). The
   * board opens only then, so a professional arriving during private time does not start a sync.
   */
  decided: boolean
  notice: AccessNoticeKind | null
  /**
   * The sync server sent us to the waiting room while the phase we know says we belong on the
   * board: the two servers crossed. Counts probes, so useMeetingAccess can try the board again later.
   */
  probes: number
}

export const initialAccessView: AccessView = { place: 'in', decided: false, notice: null, probes: 0 }

export type AccessEvent =
  /** The meeting's `access:state` for me (its waiting places; out states are handled as a loss). */
  | { type: 'access'; place: AccessPlace }
  /** A socket was closed or refused with a 4403 whose reason says "wait". */
  | { type: 'refused'; place: Exclude<AccessPlace, 'in'>; present: boolean | null }
  /** The phase, the private-time setting or my role changed: whether the policy gives me the board now. */
  | { type: 'presence'; present: boolean }
  /** The meeting said private time is over; `present` as for `presence`, for the phase that follows. */
  | { type: 'private-time-ended'; present: boolean }
  /** The board was tried again after a crossed refusal (see `probes`). */
  | { type: 'probe' }
  /** The meeting did not say in time (down, or an older server): open the board anyway. */
  | { type: 'stop-waiting' }
  | { type: 'dismiss-notice' }

/** A 4403's close reason → wait somewhere, or out. Unknown reasons count as "out": least privilege. */
export type ForbiddenOutcome = { kind: 'wait'; place: Exclude<AccessPlace, 'in'> } | { kind: 'out'; loss: AccessLoss }

export function forbiddenOutcome(reason: string): ForbiddenOutcome {
  switch (reason) {
    case ForbiddenReason.PrivateTime:
      return { kind: 'wait', place: 'waiting-room' }
    case ForbiddenReason.AwaitingAdmission:
      return { kind: 'wait', place: 'lobby' }
    case ForbiddenReason.Declined:
      return { kind: 'out', loss: 'declined' }
    case ForbiddenReason.Removed:
      return { kind: 'out', loss: 'removed' }
    default:
      // 'invitation revoked', another conference, or a reason this client does not know.
      return { kind: 'out', loss: 'withdrawn' }
  }
}

/** The meeting's `access:state` → a place, or out. */
export function accessStateOutcome(state: AccessStateMessage['state']): { kind: 'place'; place: AccessPlace } | { kind: 'out'; loss: AccessLoss } {
  switch (state) {
    case 'in':
    case 'waiting-room':
    case 'lobby':
      return { kind: 'place', place: state }
    case 'declined':
      return { kind: 'out', loss: 'declined' }
    case 'removed':
      return { kind: 'out', loss: 'removed' }
  }
}

/** Which notice a move from one place to another earns. */
function noticeFor(from: AccessPlace, to: AccessPlace): AccessNoticeKind | null {
  if (to !== 'in') return null
  if (from === 'waiting-room') return 'welcome-back'
  if (from === 'lobby') return 'admitted'
  return null
}

function moveTo(view: AccessView, place: AccessPlace): AccessView {
  if (view.place === place) return view.decided ? view : { ...view, decided: true }
  // Leaving the board clears its notices; arriving may bring one.
  const notice = noticeFor(view.place, place) ?? (place === 'in' ? view.notice : null)
  return { ...view, place, decided: true, notice }
}

export function accessReducer(view: AccessView, event: AccessEvent): AccessView {
  switch (event.type) {
    case 'access':
      return { ...moveTo(view, event.place), probes: 0 }
    case 'refused': {
      const next = moveTo(view, event.place)
      // Only a waiting-room refusal can be a crossing of the two servers; the lobby ends by an admission.
      const crossed = event.place === 'waiting-room' && event.present === true
      return { ...next, probes: crossed ? view.probes + 1 : 0 }
    }
    case 'presence':
      // The lobby ends only by an admission, never by a phase.
      if (view.place === 'lobby') return view
      // Only admitted people hear the phase, so it decides for them as well as the access state does.
      if (event.present) return view.place === 'waiting-room' ? { ...moveTo(view, 'in'), probes: 0 } : moveTo(view, 'in')
      return moveTo(view, 'waiting-room')
    case 'private-time-ended':
      if (view.place === 'waiting-room') return event.present ? { ...moveTo(view, 'in'), probes: 0 } : view
      if (view.place === 'in') return { ...view, notice: view.notice ?? 'private-time-over' }
      return view
    case 'probe':
      return view.place === 'waiting-room' && view.probes > 0 ? { ...view, place: 'in', notice: null } : view
    case 'stop-waiting':
      return view.decided ? view : { ...view, decided: true }
    case 'dismiss-notice':
      return view.notice === null ? view : { ...view, notice: null }
  }
}

/** How long before the board is tried again after the n-th crossed refusal (backing off). */
export function probeDelayMs(probes: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, probes - 1))
}

/** Whether the board (the sync connection and the canvas) may be open now. */
export function boardOpen(view: AccessView): boolean {
  return view.decided && view.place === 'in'
}
