import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import { findLiveInvitation, findParticipantForUser, linkParticipantToUser } from '../db/repositories/participants'
import type { Participant, User } from '../db/schema'
import { ApiError } from '../../protocol/api-error'
import type { ParticipantRole, UserRole } from '../../conference/model'

/**
 * The professional's way back (issue 11 part 5): a professional (or a second facilitator) who
 * joined by an invitation link, without an account, links that invitation to the account they
 * sign in with. From then on the conference is on their home page and they are found by their
 * account on every surface (find-viewer.ts looks the user id up first), also without the link.
 */

/**
 * Who may link an invitation to an account. Not a conference action (it does not depend on the
 * phase or on admission: it changes who the row belongs to, not what it may do), so it is not in
 * the policy's table yet. PROPOSED for lib/conference/policy.ts, next to `accountMay`, as
 * `mayLinkInvitation(participantRole, userRole)`; kept here until the lead moves it.
 * The roles that work with Kring as professionals, and the accounts that can hold their cases.
 */
const LINKABLE_INVITATION_ROLES: ReadonlySet<ParticipantRole> = new Set<ParticipantRole>(['professional', 'facilitator'])
const LINKING_ACCOUNT_ROLES: ReadonlySet<UserRole> = new Set<UserRole>(['professional', 'facilitator'])

export function mayLinkInvitation(invitationRole: ParticipantRole, accountRole: UserRole): boolean {
  return LINKABLE_INVITATION_ROLES.has(invitationRole) && LINKING_ACCOUNT_ROLES.has(accountRole)
}

/** Can this invitation be offered to be linked at all (before anyone signs in)? */
export function isLinkableInvitation(participant: Participant): boolean {
  return participant.user_id === null && participant.token_hash !== null && participant.revoked_at === null && LINKABLE_INVITATION_ROLES.has(participant.role)
}

/**
 * Link the invitation `token` (the conference's invitation cookie, or the token of the join page)
 * to `user`. Refused (403) when the token opens nothing in this conference, when it is not a
 * professional's or facilitator's invitation by link, when it already belongs to an account, or
 * when the account already has its own row here; the same answer for each, so nothing is revealed.
 * Recorded in the audit log (the participant and the account's id, never a name).
 */
export async function linkInvitationToAccount(
  db: Db,
  input: { conferenceId: string; invitationToken: string | undefined; user: User },
): Promise<{ participantId: string }> {
  const refused = () => new ApiError('forbidden', 'this invitation cannot be linked to your account')
  if (!input.invitationToken) throw refused()
  const invitation = await findLiveInvitation(db, input.invitationToken)
  if (!invitation.live || invitation.participant.conference_id !== input.conferenceId) throw refused()
  const participant = invitation.participant
  if (!isLinkableInvitation(participant) || !mayLinkInvitation(participant.role, input.user.role)) throw refused()
  if (await findParticipantForUser(db, input.conferenceId, input.user.id)) throw refused()
  if (!(await linkParticipantToUser(db, input.conferenceId, participant.id, input.user.id))) throw refused()
  await recordAudit(db, { conferenceId: input.conferenceId, actor: participant.id, action: 'participant.linked', detail: `participant=${participant.id} account=${input.user.id}` })
  return { participantId: participant.id }
}
