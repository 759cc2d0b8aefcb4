import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import { findParticipant, inviteParticipant, listParticipants, revokeParticipant } from '../db/repositories/participants'
import type { Participant } from '../db/schema'
import type { InviteResponse, ParticipantSummary } from '../../protocol/api'
import { ApiError } from '../../protocol/api-error'
import { joinUrlFor } from '../../conference/join-link'
import { getLiveEvents } from './live-events'
import { InvitableRole } from '../../conference/model'
import { isLocale, type Locale } from '../../i18n/locales'
import { isManageableTarget } from '../../conference/policy'
import { toParticipantSummary } from './summaries'

/**
 * Invitations as the web app and the admin CLI both use them. Permission checks happen before
 * these are called (the route handlers ask the gate for `invitations.manage`, the CLI is trusted). Every
 * change is audited with ids only and announced to the socket servers in this process; the CLI
 * runs in its own process, where nobody listens, and the server's revocation poll takes over.
 */

/** `actor` is a user id or 'cli' (see AuditLogTable). */
export async function inviteToConference(
  db: Db,
  input: { conferenceId: string; displayName: string; role: InvitableRole; requiresAdmission?: boolean; locale?: Locale; actor: string; publicUrl: string },
): Promise<InviteResponse> {
  const { participant, token } = await inviteParticipant(db, input)
  await recordAudit(db, { conferenceId: input.conferenceId, actor: input.actor, action: 'participant.invited', detail: participant.id })
  getLiveEvents().emit('participant.invited', { conferenceId: input.conferenceId, participantId: participant.id })
  return { participant: toParticipantSummary(participant), joinUrl: joinUrlFor(input.publicUrl, token), token }
}

/** Revoke an invitation. Revoking twice is fine (the second time changes nothing). */
export async function revokeInvitation(
  db: Db,
  input: { conferenceId: string; participantId: string; actor: string; removed?: boolean },
): Promise<ParticipantSummary> {
  const existing = await requireInvitation(db, input.conferenceId, input.participantId)
  if (!existing.revoked_at && (await revokeParticipant(db, input.conferenceId, input.participantId))) {
    await recordAudit(db, { conferenceId: input.conferenceId, actor: input.actor, action: 'participant.revoked', detail: existing.id })
  }
  // Announce even when it was already revoked: a connection that slipped through is closed now.
  getLiveEvents().emit('participant.revoked', { conferenceId: input.conferenceId, participantId: existing.id, ...(input.removed ? { as: 'removed' as const } : {}) })
  const after = await findParticipant(db, existing.id)
  return toParticipantSummary(after ?? existing)
}

/**
 * "New link": the old link stops working and the same person (name and role) gets a fresh one.
 * Used when the facilitator lost the link, which cannot be shown again because only its hash is kept.
 */
export async function reissueInvitation(
  db: Db,
  input: { conferenceId: string; participantId: string; actor: string; publicUrl: string },
): Promise<InviteResponse> {
  const existing = await requireInvitation(db, input.conferenceId, input.participantId)
  await revokeInvitation(db, input)
  return inviteToConference(db, {
    conferenceId: input.conferenceId,
    displayName: existing.display_name,
    role: InvitableRole.parse(existing.role),
    // The new link asks for admission when the old one did (or the person was removed and may come back).
    requiresAdmission: existing.requires_admission === 1,
    // …and in the language the person reads.
    locale: isLocale(existing.locale) ? existing.locale : undefined,
    actor: input.actor,
    publicUrl: input.publicUrl,
  })
}

/** Everyone invited by link, oldest first (the facilitator's own row is not an invitation: the policy never makes it a target). */
export async function listInvitations(db: Db, conferenceId: string): Promise<ParticipantSummary[]> {
  const rows = await listParticipants(db, conferenceId)
  return rows.filter((row) => isManageableTarget(row.role)).map(toParticipantSummary)
}

async function requireInvitation(db: Db, conferenceId: string, participantId: string): Promise<Participant> {
  const participant = await findParticipant(db, participantId)
  if (!participant || participant.conference_id !== conferenceId) throw new ApiError('not_found', 'invitation not found')
  if (!isManageableTarget(participant.role)) throw new ApiError('forbidden', 'the facilitator cannot be revoked')
  return participant
}
