import type { Db } from '../db/connect'
import { listPlanVersions } from '../db/repositories/plan-versions'
import type { Conference, Participant } from '../db/schema'
import { ApiError } from '../../protocol/api-error'
import type { VersionListResponse } from '../../protocol/versions'
import { permits } from '../../conference/gate'

/**
 * The versions of a conference, newest first, without plan content or participant ids, for someone
 * the gate lets read them (`versions.read`: admitted and present, so not from the lobby nor from
 * the waiting room during private family time).
 */
export async function listVersions(db: Db, viewer: { conference: Conference; participant: Participant }): Promise<VersionListResponse> {
  const { conference, participant } = viewer
  if (participant.conference_id !== conference.id || !permits(participant, conference, 'versions.read')) {
    throw new ApiError('forbidden', 'no access to the versions of this conference')
  }
  const versions = await listPlanVersions(db, conference.id)
  return {
    versions: versions.map((v) => ({
      version: v.version,
      frozenAt: v.frozenAt,
      agreedBy: v.agreedBy.map((a) => ({ name: a.name, role: a.role, at: a.at, recorded: a.recordedBy !== null })),
    })),
    mayExport: permits(participant, conference, 'plan.export'),
  }
}
