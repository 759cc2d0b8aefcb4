import * as Y from 'yjs'
import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import { findParticipant, listParticipants } from '../db/repositories/participants'
import { getPlanVersion, type StoredPlanVersion } from '../db/repositories/plan-versions'
import type { Conference, Participant } from '../db/schema'
import { svgToPng } from '../export/board-png'
import { renderBoardSvg } from '../export/board-svg'
import type { ExportInput } from '../export/input'
import { planExportJson } from '../export/json'
import { renderPlanPdf } from '../export/pdf'
import { childrenOf, familyNamesOf, participantsOf, type KnownPerson } from '../export/redact'
import { caseFactsOf, joinedWith } from './export-case-facts'
import type { Locale } from '../../i18n/locales'
import { ApiError } from '../../protocol/api-error'
import { recordsMapOf } from '../../sync/document-format'
import type { ExportFormat } from '../../protocol/versions'
import { permits } from '../../conference/gate'
import { reviewOutcome, type ReviewOutcome } from '../../plan/follow-up/review'
import { findReviewStart, reviewSourcesOf } from '../follow-up/review-start'

/**
 * Exporting a frozen version (issue 3, section 7): one file per request, rendered from what was
 * stored when the version was frozen, so an export of version 1 is the same today and next year.
 * Who may export is the gate's decision (`plan.export`: the facilitator and professionals, admitted
 * and present, so never from the lobby nor from the waiting room during private family time); every
 * export is written to the audit log (who, which version, which format, redacted or not; never content).
 */

export interface ExportedFile {
  body: Uint8Array
  contentType: string
  fileName: string
}

/** Exports are written for the professional's file, in plain Dutch (issue 3, section 7). */
const EXPORT_LOCALE: Locale = 'nl'

const contentTypes: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
}

export async function exportPlanVersion(
  db: Db,
  input: { conference: Conference; participant: Participant; version: number; format: ExportFormat; redacted: boolean },
): Promise<ExportedFile> {
  const { conference, participant, format, redacted } = input
  if (participant.conference_id !== conference.id || !permits(participant, conference, 'plan.export')) {
    throw new ApiError('forbidden', 'you may not export this plan now')
  }
  const stored = await getPlanVersion(db, conference.id, input.version)
  if (!stored) throw new ApiError('not_found', 'no such version')

  const exportInput = await exportInputOf(db, conference, stored, { redacted, locale: EXPORT_LOCALE })
  const body = await render(format, exportInput)
  await recordAudit(db, {
    conferenceId: conference.id,
    actor: participant.id,
    action: 'plan.exported',
    detail: `format=${format} version=${stored.version} redacted=${redacted ? 1 : 0}`,
  })
  return { body, contentType: contentTypes[format], fileName: exportFileName(conference.title, stored.version, redacted, format) }
}

/**
 * The family's copy of an agreed version (issue 10): the same PDF as the case file, unredacted, in
 * the language of the person downloading it, its board image drawn again in that language. The
 * professional's case-file PDF above stays Dutch. Audited as an export, marked as the family's copy.
 */
export async function exportFamilyCopy(
  db: Db,
  input: { conference: Conference; participant: Participant; version: number; locale: Locale },
): Promise<ExportedFile> {
  const { conference, participant, locale } = input
  if (participant.conference_id !== conference.id || !permits(participant, conference, 'plan.familyCopy')) {
    throw new ApiError('forbidden', 'you may not download this plan now')
  }
  const stored = await getPlanVersion(db, conference.id, input.version)
  if (!stored) throw new ApiError('not_found', 'no such version')
  const body = await renderPlanPdf(await exportInputOf(db, conference, stored, { redacted: false, locale }))
  await recordAudit(db, {
    conferenceId: conference.id,
    actor: participant.id,
    action: 'plan.exported',
    detail: `format=pdf version=${stored.version} redacted=0 copy=family locale=${locale}`,
  })
  return { body, contentType: contentTypes.pdf, fileName: `kring-${slugOf(conference.title)}-v${stored.version}-${locale}.pdf` }
}

/**
 * The response headers of an export: its type, a download with its file name, never cached (it is
 * child-protection data), never sniffed, and, opened directly (an SVG in a tab), unable to run or
 * load anything.
 */
export function exportHeaders(file: ExportedFile): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
  }
}

/**
 * `kring-<title-slug>-v<n>.<ext>`, or `kring-plan-v<n>-geanonimiseerd.<ext>` without the title (it
 * names the family): ASCII only, so every browser and file system takes it.
 */
export function exportFileName(title: string, version: number, redacted: boolean, extension: ExportFormat): string {
  if (redacted) return `kring-plan-v${version}-geanonimiseerd.${extension}`
  return `kring-${slugOf(title)}-v${version}.${extension}`
}

function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'plan'
}

/** An evaluatie's review of the agreements it started from, as this version decided it. */
async function reviewOf(db: Db, conferenceId: string, stored: StoredPlanVersion): Promise<ReviewOutcome | undefined> {
  const start = await findReviewStart(db, conferenceId)
  return start ? reviewOutcome(start.history, stored.plan, reviewSourcesOf(stored.boardState)) : undefined
}

async function render(format: ExportFormat, input: ExportInput): Promise<Uint8Array> {
  switch (format) {
    case 'pdf':
      return renderPlanPdf(input)
    case 'json':
      return new TextEncoder().encode(`${JSON.stringify(planExportJson(input), null, 2)}\n`)
    case 'svg':
      return new TextEncoder().encode(input.boardSvg)
    case 'png':
      return svgToPng(input.boardSvg)
  }
}

/**
 * Everything an export is made of, all from the stored version: the people are the facilitator who
 * froze it and those who agreed (as named then), not whoever is invited today. The roster (every
 * participant the conference ever had, observers and removed people too) is only there for a
 * redacted export to scrub their names.
 */
async function exportInputOf(
  db: Db,
  conference: Conference,
  stored: StoredPlanVersion,
  { redacted, locale }: { redacted: boolean; locale: Locale },
): Promise<ExportInput> {
  const facilitator = await findParticipant(db, stored.frozenBy)
  const participants = [
    ...(facilitator ? [{ name: facilitator.display_name, role: facilitator.role, participantId: facilitator.id, ...joinedWith(stored, facilitator.id) }] : []),
    ...stored.agreedBy.map((a) => ({ name: a.name, role: a.role, participantId: a.participantId, ...joinedWith(stored, a.participantId) })),
  ]
  const roster = redacted ? (await listParticipants(db, conference.id)).map((p) => ({ name: p.display_name, role: p.role })) : []
  const version = { number: stored.version, frozenAt: stored.frozenAt, agreedBy: stored.agreedBy }
  return {
    conference: { id: conference.id, title: conference.title, kind: conference.kind, createdAt: conference.created_at },
    facts: caseFactsOf(conference, stored),
    participants,
    roster,
    version: { number: stored.version, frozenAt: stored.frozenAt, agreedBy: stored.agreedBy, acceptedWarnings: stored.acceptedWarnings },
    plan: stored.plan,
    boardSvg: redacted
      ? redactedBoardSvg(stored.boardState, [...participantsOf({ participants, roster, version }), ...childrenOf(caseFactsOf(conference, stored))], familyNamesOf(conference.title))
      : locale === EXPORT_LOCALE
        ? stored.boardSvg
        : boardSvgIn(stored.boardState, locale),
    locale,
    redacted,
    review: conference.kind === 'evaluatie' ? await reviewOf(db, conference.id, stored) : undefined,
  }
}

/** The board as agreed, its area titles and labels in another language than the stored (Dutch) image. */
function boardSvgIn(boardState: Uint8Array, locale: Locale): string {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, boardState)
    return renderBoardSvg(recordsMapOf(doc).toJSON() as Record<string, unknown>, { locale, redacted: false })
  } finally {
    doc.destroy()
  }
}

/**
 * The stored image is unredacted; a redacted one is drawn again from the board as agreed, with the
 * participants' names and the family name scrubbed from its text as from the plan's (redact.ts).
 */
function redactedBoardSvg(boardState: Uint8Array, participants: KnownPerson[], familyNames: string[]): string {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, boardState)
    return renderBoardSvg(recordsMapOf(doc).toJSON() as Record<string, unknown>, { locale: EXPORT_LOCALE, redacted: true, redaction: { participants, familyNames } })
  } finally {
    doc.destroy()
  }
}
