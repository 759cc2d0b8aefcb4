import { createId, createInviteToken, hashInviteToken } from '../../auth/tokens'
import type { InvitableRole } from '../../conference/model'
import type { Db } from '../connect'
import type { Participant } from '../schema'

/** Invite someone: returns the participant and the raw token, which is shown once and never stored. */
export async function inviteParticipant(
  db: Db,
  input: { conferenceId: string; displayName: string; role: InvitableRole; requiresAdmission?: boolean },
): Promise<{ participant: Participant; token: string }> {
  const token = createInviteToken()
  const participant: Participant = {
    id: createId(),
    conference_id: input.conferenceId,
    display_name: input.displayName.trim(),
    role: input.role,
    user_id: null,
    token_hash: hashInviteToken(token),
    created_at: new Date().toISOString(),
    revoked_at: null,
    requires_admission: input.requiresAdmission ? 1 : 0,
    admission: null,
    removed_at: null,
  }
  await db.insertInto('participants').values(participant).execute()
  return { participant, token }
}

export async function findParticipantByToken(db: Db, token: string): Promise<Participant | undefined> {
  return db.selectFrom('participants').selectAll().where('token_hash', '=', hashInviteToken(token)).executeTakeFirst()
}

export async function findParticipant(db: Db, id: string): Promise<Participant | undefined> {
  return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findParticipantForUser(db: Db, conferenceId: string, userId: string): Promise<Participant | undefined> {
  return db
    .selectFrom('participants')
    .selectAll()
    .where('conference_id', '=', conferenceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

export async function listParticipants(db: Db, conferenceId: string): Promise<Participant[]> {
  return db
    .selectFrom('participants')
    .selectAll()
    .where('conference_id', '=', conferenceId)
    .orderBy('created_at', 'asc')
    .execute()
}

/** Revoke an invitation. Returns false when there was nothing to revoke. */
export async function revokeParticipant(db: Db, conferenceId: string, participantId: string): Promise<boolean> {
  const result = await db
    .updateTable('participants')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', participantId)
    .where('conference_id', '=', conferenceId)
    .where('revoked_at', 'is', null)
    .where('role', '!=', 'facilitator')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Participants revoked after a moment: lets a server notice revocations made by another process. */
export async function listRevokedSince(db: Db, sinceIso: string): Promise<Pick<Participant, 'id' | 'conference_id' | 'revoked_at'>[]> {
  return db
    .selectFrom('participants')
    .select(['id', 'conference_id', 'revoked_at'])
    .where('revoked_at', '>', sinceIso)
    .execute()
}
