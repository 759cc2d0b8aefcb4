import { accessStateOf, arrivalOf, isAdmitted, policyContextOf, type AccessConference, type AccessState, type AccessSubject } from './access-state'
import { may, type PolicyAction } from './policy'

/**
 * The one gate. Every surface (sync, meeting plane, route handlers, pages) asks `decide()`
 * whether a person may do an action on a conference now. It combines the two things that decide:
 * - the person's access state (in, waiting room, lobby, declined, removed): someone in the lobby,
 *   declined or removed sees nothing of the conference but their own state, whatever their role;
 * - the policy (lib/conference/policy.ts): role × phase × action.
 *
 * Pure: callers read the participant and conference rows as they are now and pass them in.
 */
export type GateDecision =
  | { ok: true; state: AccessState }
  /**
   * `not-admitted`: lobby, declined or removed (answer as for a stranger: 403 / 4403 with the state).
   * `not-allowed`: admitted, but the policy refuses this action for this role in this phase.
   */
  | { ok: false; state: AccessState; because: 'not-admitted' | 'not-allowed' }

export function decide(person: AccessSubject, conference: AccessConference, action: PolicyAction): GateDecision {
  const state = accessStateOf(person, conference)
  if (!isAdmitted(state)) return { ok: false, state, because: 'not-admitted' }
  if (!may(person.role, conference.phase, action, policyContextOf(conference))) return { ok: false, state, because: 'not-allowed' }
  return { ok: true, state }
}

/** Shorthand when only yes or no matters. */
export function permits(person: AccessSubject, conference: AccessConference, action: PolicyAction): boolean {
  return decide(person, conference, action).ok
}

/**
 * Whether this person may knock at the lobby: they wait there, or were removed with the invitation
 * kept and come back (`arrivalOf`: arriving on the meeting puts them in the lobby). They see nothing
 * of the conference, not even its title, but they need a socket ticket to knock: the meeting plane
 * keeps a knocking socket out of the conference's room, and the sync server refuses it with 4403
 * `awaiting-admission`. Someone declined may not knock again.
 */
export function mayKnock(participant: AccessSubject, conference: AccessConference): boolean {
  const { state } = decide(participant, conference, 'conference.read')
  return state === 'lobby' || (state === 'removed' && arrivalOf(participant) !== null)
}

/**
 * Whether this person may have a socket ticket: whoever is admitted (also from the waiting room,
 * where the meeting shows them the phase and who is there), and whoever may knock at the lobby.
 */
export function mayHoldTicket(participant: AccessSubject, conference: AccessConference): boolean {
  return decide(participant, conference, 'conference.read').ok || mayKnock(participant, conference)
}
