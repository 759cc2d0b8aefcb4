import { z } from 'zod'
import type { Db } from '../db/connect'
import { listPlanVersions } from '../db/repositories/plan-versions'
import type { Conference, Participant } from '../db/schema'
import { ApiError } from '../protocol/api-error'
import { resolveBoardAccess } from './access'
import { ConferenceId, ParticipantRole, type ConferencePhase } from './model'
import { may } from './policy'

/**
 * The frozen versions of a conference's plan as the web app shows and exports them, and who may
 * see or export them. The route handlers in app/api/conferences/[id]/versions/ stay thin around
 * these; the tests call them directly.
 */

/**
 * Export the agreed plan: decided by the policy (`plan.export`: the facilitator and professionals).
 * It does not depend on the phase today; a caller that does not know the phase asks as for a
 * closed conference, when exports are made.
 */
export function mayExport(role: ParticipantRole, phase: ConferencePhase = 'afgesloten'): boolean {
  return may(role, phase, 'plan.export')
}

/**
 * Who is asking, for the versions routes: a signed-in participant of this conference, else the
 * holder of its invitation cookie (lib/conference/access.ts decides). No credential is a 401;
 * any other refusal is a 403, also for an unknown conference, so an id alone reveals nothing.
 */
export async function requireConferenceViewer(
  db: Db,
  conferenceId: string,
  viewer: { userId?: string | undefined; invitationToken?: string | undefined },
): Promise<{ conference: Conference; participant: Participant }> {
  const access = await resolveBoardAccess(db, conferenceId, viewer)
  if (access.ok) return { conference: access.conference, participant: access.participant }
  if (access.reason === 'unauthenticated') throw new ApiError('unauthenticated', 'open your invitation link or sign in')
  throw new ApiError('forbidden', 'no access to this conference')
}

// ---- GET /api/conferences/[id]/versions ----------------------------------------------------

export const VersionAgreement = z.object({
  name: z.string(),
  role: ParticipantRole,
  at: z.iso.datetime(),
  /** True when the facilitator recorded this person's spoken yes. */
  recorded: z.boolean(),
})
export type VersionAgreement = z.infer<typeof VersionAgreement>

export const VersionSummary = z.object({
  version: z.number().int().positive(),
  frozenAt: z.iso.datetime(),
  agreedBy: z.array(VersionAgreement),
})
export type VersionSummary = z.infer<typeof VersionSummary>

export const VersionListResponse = z.object({
  /** Newest first. */
  versions: z.array(VersionSummary),
  /** Whether the person asking may export (the screen shows the buttons only then). */
  mayExport: z.boolean(),
})
export type VersionListResponse = z.infer<typeof VersionListResponse>

/** The versions of a conference, newest first, without plan content or participant ids. */
export async function listVersions(db: Db, conferenceId: string, viewer: Participant): Promise<VersionListResponse> {
  const versions = await listPlanVersions(db, conferenceId)
  return {
    versions: versions.map((v) => ({
      version: v.version,
      frozenAt: v.frozenAt,
      agreedBy: v.agreedBy.map((a) => ({ name: a.name, role: a.role, at: a.at, recorded: a.recordedBy !== null })),
    })),
    mayExport: mayExport(viewer.role),
  }
}

// ---- GET /api/conferences/[id]/versions/[version]/export -------------------------------------

export const exportFormats = ['pdf', 'json', 'png', 'svg'] as const
export const ExportFormat = z.enum(exportFormats)
export type ExportFormat = z.infer<typeof ExportFormat>

/** A version number in a path: 1, 2, 3… (no signs, exponents or leading zeros). */
export const VersionParams = z.object({
  id: ConferenceId,
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/)
    .transform(Number),
})

/** `?format=pdf|json|png|svg&redacted=0|1` (redacted defaults to 0). */
export const ExportQuery = z.strictObject({
  format: ExportFormat,
  redacted: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
})
export type ExportQuery = z.output<typeof ExportQuery>

/** The link the export screen offers for one version and format. */
export function exportUrl(conferenceId: string, version: number, format: ExportFormat, redacted: boolean): string {
  return `/api/conferences/${encodeURIComponent(conferenceId)}/versions/${version}/export?format=${format}&redacted=${redacted ? 1 : 0}`
}
