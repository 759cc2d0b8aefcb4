/**
 * Document-scope tldraw records a board never stores. tldraw 5.4 puts `user` (a person's name and
 * colour, for attribution) in the document scope; Kring attributes through participants, and a
 * user record would only carry a name into the board. The sync server refuses it
 * (server/sync/record-validation.ts); the binding keeps it on the device and never writes it.
 */
export const DEVICE_ONLY_DOCUMENT_TYPES: ReadonlySet<string> = new Set(['user'])

export function isStoredOnBoard(typeName: string): boolean {
  return !DEVICE_ONLY_DOCUMENT_TYPES.has(typeName)
}
