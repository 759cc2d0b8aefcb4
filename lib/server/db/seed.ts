import { hashPassword } from '../auth/password'
import type { ConferenceKind, InvitableRole, UserRole } from '../../conference/model'
import type { Db } from './connect'
import { recordAudit } from './repositories/audit'
import { createConference } from './repositories/conferences'
import { inviteParticipant } from './repositories/participants'
import { createUser, findUserByEmail } from './repositories/users'

/**
 * Seed helpers shared by the admin CLI and the tests, so both build data the way the app does.
 */
export async function seedUser(
  db: Db,
  input: { email: string; name: string; role?: UserRole; password?: string },
) {
  const existing = await findUserByEmail(db, input.email)
  if (existing) return existing
  return createUser(db, {
    email: input.email,
    name: input.name,
    role: input.role ?? 'facilitator',
    passwordHash: input.password ? await hashPassword(input.password) : null,
  })
}

export async function seedConference(
  db: Db,
  input: { title?: string; kind?: ConferenceKind; facilitator: { id: string; name: string } },
) {
  const result = await createConference(db, {
    title: input.title ?? 'Familie de Vries',
    kind: input.kind ?? 'familiegroepsplan',
    createdBy: input.facilitator,
  })
  await recordAudit(db, { conferenceId: result.conference.id, actor: input.facilitator.id, action: 'conference.created' })
  return result
}

export async function seedInvitation(
  db: Db,
  input: { conferenceId: string; displayName: string; role: InvitableRole; actor?: string },
) {
  const result = await inviteParticipant(db, input)
  await recordAudit(db, {
    conferenceId: input.conferenceId,
    actor: input.actor ?? 'cli',
    action: 'participant.invited',
    detail: result.participant.id,
  })
  return result
}
