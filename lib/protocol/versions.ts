import { z } from 'zod'
import { ConferenceId, ParticipantRole } from '../conference/model'

/**
 * The frozen versions of a conference's plan as the web app shows and exports them: the shapes
 * of the versions list and of an export request, and the export links. Browser-safe (the export
 * screen imports it); the list itself is read by ./version-list.ts on the server. Who may see or
 * export them is the gate's decision (lib/conference/gate.ts: `versions.read`, `plan.export`).
 */

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
