import { createId, createInviteToken, hashInviteToken, INVITE_TOKEN_PATTERN } from '../../auth/tokens'
import type { InvitableRole } from '../../../conference/model'
import type { Locale } from '../../../i18n/locales'
import type { Db } from '../connect'
import type { Participant } from '../schema'

/** Invite someone: returns the participant and the raw token, which is shown once and never stored. */
export async function inviteParticipant(
  db: Db,
  input: { conferenceId: string; displayName: string; role: InvitableRole; requiresAdmission?: boolean; locale?: Locale },
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
    opened_at: null,
    joined_at: null,
    last_seen_at: null,
    locale: input.locale ?? null,
  }
  await db.insertInto('participants').values(participant).execute()
  return { participant, token }
}

/** The row a raw token hashes to, revoked or not. Doors use `findLiveInvitation`; this is for the CLI and tests. */
export async function findParticipantByToken(db: Db, token: string): Promise<Participant | undefined> {
  return db.selectFrom('participants').selectAll().where('token_hash', '=', hashInviteToken(token)).executeTakeFirst()
}

/**
 * What a raw invitation token opens now. `revoked` tells a revoked invitation from a token that
 * was never one (the sockets close the first with 4403 'invitation revoked', the second with 4401).
 */
export type InvitationLookup = { live: true; participant: Participant } | { live: false; revoked: boolean }

/**
 * The one lookup of an invitation by its token, for every door that takes one (the join page and
 * route, the pages and routes of a conference, both sockets): the token must look like one (anything
 * else is refused before touching the database), it is found by its hash, and a revoked invitation
 * opens nothing. Which conference it belongs to is the caller's question.
 */
export async function findLiveInvitation(db: Db, token: string): Promise<InvitationLookup> {
  if (!INVITE_TOKEN_PATTERN.test(token)) return { live: false, revoked: false }
  const participant = await findParticipantByToken(db, token)
  if (!participant) return { live: false, revoked: false }
  if (participant.revoked_at !== null) return { live: false, revoked: true }
  return { live: true, participant }
}

/** The person chose another language (the switcher): kept on their row for the next join and every device. */
export async function setParticipantLocale(db: Db, participantId: string, locale: Locale): Promise<void> {
  await db.updateTable('participants').set({ locale }).where('id', '=', participantId).where('revoked_at', 'is', null).execute()
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

// ---- the meeting: admission, removal, role (server/meeting) ------------------------------

/**
 * Someone whose invitation needs admission arrives: they wait in the lobby. Only from "not asked
 * yet" (a new invitation, or removed with the invitation kept); an admitted or declined person
 * stays as they are. Returns whether the row changed.
 */
export async function markWaiting(db: Db, conferenceId: string, participantId: string): Promise<boolean> {
  const result = await db
    .updateTable('participants')
    .set({ admission: 'waiting', removed_at: null })
    .where('id', '=', participantId)
    .where('conference_id', '=', conferenceId)
    .where('requires_admission', '=', 1)
    .where('admission', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * The facilitator admits or declines someone waiting in the lobby. Only a waiting person can be
 * decided on (deciding twice, or on someone who never knocked, changes nothing and returns false).
 */
export async function decideAdmission(
  db: Db,
  conferenceId: string,
  participantId: string,
  decision: 'admitted' | 'declined',
): Promise<boolean> {
  const result = await db
    .updateTable('participants')
    .set({ admission: decision })
    .where('id', '=', participantId)
    .where('conference_id', '=', conferenceId)
    .where('admission', '=', 'waiting')
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * Removed with the invitation kept: out now, and coming back means waiting in the lobby until
 * the facilitator lets them in again. Never the facilitator.
 */
export async function markRemoved(db: Db, conferenceId: string, participantId: string, at = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('participants')
    .set({ removed_at: at.toISOString(), requires_admission: 1, admission: null })
    .where('id', '=', participantId)
    .where('conference_id', '=', conferenceId)
    .where('revoked_at', 'is', null)
    .where('role', '!=', 'facilitator')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Give an invited participant another role (never to or from facilitator). Returns the previous role, or null when nothing changed. */
export async function setParticipantRole(
  db: Db,
  conferenceId: string,
  participantId: string,
  role: InvitableRole,
): Promise<{ from: Participant['role'] } | null> {
  return db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('participants')
      .select('role')
      .where('id', '=', participantId)
      .where('conference_id', '=', conferenceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (!current || current.role === 'facilitator' || current.role === role) return null
    await tx.updateTable('participants').set({ role }).where('id', '=', participantId).execute()
    return { from: current.role }
  })
}

/**
 * An invitation by link becomes the signed-in account's own (the professional's way back): the
 * participant row gets the account's user id, so the conference is on their home page and every
 * surface finds them by their account (lib/server/conference/find-viewer.ts looks up the user id
 * first). Only a live invitation by link that no account has yet, and only when that account has
 * no other row in this conference. Returns whether the row changed.
 */
export async function linkParticipantToUser(db: Db, conferenceId: string, participantId: string, userId: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const other = await tx
      .selectFrom('participants')
      .select('id')
      .where('conference_id', '=', conferenceId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (other) return false
    const result = await tx
      .updateTable('participants')
      .set({ user_id: userId })
      .where('id', '=', participantId)
      .where('conference_id', '=', conferenceId)
      .where('user_id', 'is', null)
      .where('token_hash', 'is not', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  })
}
