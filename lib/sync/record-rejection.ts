/**
 * Why a record from the document was not shown. Every rejection is reported to the caller (the
 * board shows a notice); none is dropped silently.
 * - `malformed`: not a record at all (no id matching its key, no type), e.g. written by a foreign tool;
 * - `not-document`: a session or presence record, which does not belong in the document;
 * - `migration`: it could not be brought to this client's schema;
 * - `newer-schema`: written by a newer version of the board in a format this client does not know;
 * - `invalid`: tldraw's validation refused it;
 * - `apply-failed`: the store refused to apply it (a side effect threw);
 * - `parent-cycle`: a shape whose parents lead back to itself, with no page to put it on instead.
 */
export type RejectionReason = 'malformed' | 'not-document' | 'migration' | 'newer-schema' | 'invalid' | 'apply-failed' | 'parent-cycle'

export class RecordRejectedError extends Error {
  readonly reason: RejectionReason

  constructor(reason: RejectionReason, recordId: string, cause?: unknown) {
    super(`record ${recordId} rejected: ${reason}${cause instanceof Error ? ` (${cause.message})` : ''}`, { cause })
    this.name = 'RecordRejectedError'
    this.reason = reason
  }
}
