import type * as Y from 'yjs'
import { encodeSyncStep2, encodeSyncStep2OfUpdate } from './protocol'

const NOTHING = new Uint8Array([0])

/**
 * Sync step 2 for a client that holds nothing yet (every fresh page load): the whole board.
 * Encoding a large board is a full pass over it (about 160 ms for 20k records), so the message
 * is encoded once and sent to everyone who opens the board until it changes; any change to the
 * document drops it. A room loaded from a snapshot with nothing logged after it starts with the
 * snapshot itself (the document's whole state as it was encoded when stored), so the first
 * person to open a stored board does not wait for it to be encoded again.
 * It holds one copy of the encoded board while nobody edits, none after an edit until the next
 * fresh client asks.
 */
export class WholeBoardStep2 {
  private message: Uint8Array | null = null

  constructor(
    private readonly doc: Y.Doc,
    /** The document's whole state as stored, when the document is exactly that (BoardStorage.asLoaded). */
    private stored: Uint8Array | null,
  ) {
    doc.on('update', this.forget)
  }

  /** The step 2 message for an empty state vector. */
  encoded(): Uint8Array {
    if (!this.message) {
      this.message = this.stored ? encodeSyncStep2OfUpdate(this.stored) : encodeSyncStep2(this.doc, NOTHING)
      this.stored = null
    }
    return this.message
  }

  private readonly forget = (): void => {
    this.message = null
    this.stored = null
  }
}
