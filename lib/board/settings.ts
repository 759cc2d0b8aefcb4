import { z } from 'zod'
import type * as Y from 'yjs'
import { defaultSupportKinds } from './items'

/**
 * Board settings the facilitator changes during the meeting, kept in the board document so every
 * client sees them live: a top-level `Y.Map` named `settings` (see README, document format).
 * A missing or unreadable value falls back to its default, so an older board still works.
 */
export const SETTINGS_MAP = 'settings'

export const SupportKindId = z.string().trim().min(1).max(40)

export const BoardSettings = z.object({
  /** Above this many agreement-occurrences per week a network member's load is flagged. */
  loadThreshold: z.number().int().min(1).max(50),
  /** The kinds of support a person can offer; ids are shown through i18n when known, else as typed. */
  supportKinds: z.array(SupportKindId).min(1).max(12),
})
export type BoardSettings = z.infer<typeof BoardSettings>

export const defaultBoardSettings: BoardSettings = {
  loadThreshold: 3,
  supportKinds: [...defaultSupportKinds],
}

export function settingsMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SETTINGS_MAP)
}

/** The settings in a document, each field checked on its own. */
export function readBoardSettings(doc: Y.Doc): BoardSettings {
  const map = settingsMapOf(doc)
  const threshold = BoardSettings.shape.loadThreshold.safeParse(map.get('loadThreshold'))
  const kinds = BoardSettings.shape.supportKinds.safeParse(map.get('supportKinds'))
  return {
    loadThreshold: threshold.success ? threshold.data : defaultBoardSettings.loadThreshold,
    supportKinds: kinds.success ? kinds.data : defaultBoardSettings.supportKinds,
  }
}

/** Change settings (validated first: a bad value throws and nothing is written). */
export function writeBoardSettings(doc: Y.Doc, change: Partial<BoardSettings>): void {
  const parsed = BoardSettings.partial().parse(change)
  doc.transact(() => {
    const map = settingsMapOf(doc)
    for (const [key, value] of Object.entries(parsed)) if (value !== undefined) map.set(key, value)
  })
}
