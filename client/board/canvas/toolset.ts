import type { PolicyAction } from '@/lib/conference/policy'

/**
 * Which of tldraw's tools and actions a person gets on the board. Pure, so the choice per
 * permission is unit-tested (tests/unit/board-toolset.test.ts); board-ui-overrides.ts applies it.
 */

/**
 * Actions nobody gets. Exports, print and "copy as" would take the board off the platform past
 * Kring's audited, redactable export; upload and embed would put images, files and other sites on
 * it (not allowed in this version, see the README). Removing an action also removes its menu
 * entries (tldraw hides a submenu left empty) and its keyboard shortcut.
 */
export const REMOVED_ACTIONS: readonly string[] = [
  'export-as-svg',
  'export-as-png',
  'export-all-as-svg',
  'export-all-as-png',
  'toggle-transparent',
  'copy-as-svg',
  'copy-as-png',
  'copy-as-json',
  'print',
  'download-original',
  'flatten-to-image',
  'insert-media',
  'insert-embed',
  'image-replace',
  'video-replace',
  'convert-to-embed',
  'convert-to-bookmark',
  'open-embed-link',
]

/** Tools nobody gets: the image/file picker and embeds. */
export const REMOVED_TOOLS: readonly string[] = ['asset', 'embed']

/**
 * The simple set, for whoever does not arrange the board: pick and move, pan, a sticky note to
 * write on, the pen. Adding Kring's items is the "add" button beside tldraw's toolbar.
 */
export const SIMPLE_TOOLS: readonly string[] = ['select', 'hand', 'note', 'draw']

export interface Toolset {
  kind: 'full' | 'simple'
  /** Whether a tool id stays in tldraw's toolbar and menus. */
  hasTool(id: string): boolean
  /** Whether an action id stays. */
  hasAction(id: string): boolean
}

const fullToolset: Toolset = {
  kind: 'full',
  hasTool: (id) => !REMOVED_TOOLS.includes(id),
  hasAction: (id) => !REMOVED_ACTIONS.includes(id),
}

const simpleToolset: Toolset = {
  kind: 'simple',
  // No eraser: it rubs out whatever it passes over, other people's items included.
  hasTool: (id) => SIMPLE_TOOLS.includes(id),
  hasAction: (id) => !REMOVED_ACTIONS.includes(id) && !SIMPLE_ONLY_REMOVED_ACTIONS.includes(id),
}

// Shortcuts to tools outside the simple set (their actions would switch to a tool that is not there).
const SIMPLE_ONLY_REMOVED_ACTIONS: readonly string[] = ['select-geo-tool', 'select-zoom-tool']

/**
 * The full set (minus what nobody gets) for whoever may arrange the board's structure and remove
 * what others added ('board.arrange': the facilitator, present, before the conference closes);
 * the simple set for everyone else (family, child, network, professionals; observers read only).
 */
export function chooseToolset(may: (action: PolicyAction) => boolean): Toolset {
  return may('board.arrange') ? fullToolset : simpleToolset
}

/** Keep the entries of a tldraw tools or actions record that the toolset allows. */
export function keepAllowed<T>(entries: Record<string, T>, allowed: (id: string) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).filter(([id]) => allowed(id)))
}
