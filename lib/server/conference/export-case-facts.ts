import { conferenceFactsOf } from '../db/repositories/conferences'
import type { StoredPlanVersion } from '../db/repositories/plan-versions'
import type { Conference } from '../db/schema'
import type { ExportInput } from '../export/input'

/**
 * The case-file facts of an export: those frozen with the version, so the document never changes
 * afterwards. A version agreed before facts were frozen gets the conference's facts now, marked
 * as such (the PDF and the JSON say so).
 */
export function caseFactsOf(conference: Pick<Conference, 'facts_json'>, stored: Pick<StoredPlanVersion, 'caseFacts'>): NonNullable<ExportInput['facts']> {
  if (stored.caseFacts !== null) return { values: stored.caseFacts.facts, frozen: true }
  return { values: conferenceFactsOf(conference), frozen: false }
}

/** How a participant was connected when the version was frozen; nothing when that was not kept. */
export function joinedWith(stored: Pick<StoredPlanVersion, 'caseFacts'>, participantId: string): { devices?: ExportInput['participants'][number]['devices'] } {
  if (stored.caseFacts === null) return {}
  return { devices: stored.caseFacts.devices[participantId] ?? [] }
}
