import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import { createConference } from '../db/repositories/conferences'
import type { User } from '../db/schema'
import { ApiError } from '../protocol/api-error'
import type { ConferenceKind } from './model'
import type { Conference } from '../db/schema'

/**
 * A facilitator starts a conference: the conference and their own participant row are created
 * together, and the audit log notes who. Professionals sign in to take part, not to organise.
 */
export async function startConference(
  db: Db,
  input: { title: string; kind: ConferenceKind; user: Pick<User, 'id' | 'name' | 'role'>; actor?: string },
): Promise<Conference> {
  if (input.user.role !== 'facilitator') throw new ApiError('forbidden', 'only facilitators create conferences')
  const { conference } = await createConference(db, {
    title: input.title,
    kind: input.kind,
    createdBy: { id: input.user.id, name: input.user.name },
  })
  await recordAudit(db, { conferenceId: conference.id, actor: input.actor ?? input.user.id, action: 'conference.created' })
  return conference
}
