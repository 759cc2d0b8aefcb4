import * as Y from 'yjs'

/**
 * A board's size limit (SYNC_MAX_BOARD_BYTES): what a fresh client downloads and the snapshot
 * holds is the document's encoded state, so that is what is limited. Encoding it on every write
 * would cost a full pass, so the room keeps an upper bound (the size at load plus every stored
 * update) and measures exactly only when that bound would pass the limit and something was stored
 * since the last measurement. Deleting shrinks the real size; the next measurement sees it.
 * A room loaded from storage starts from the stored bytes (snapshot + log, BoardStorage.asLoaded)
 * instead of encoding the whole board only to learn its size (about 180 ms for 20k records, on
 * the way to the first person's screen); that start counts as unmeasured, so the board is
 * measured exactly before anything is refused.
 */
export class BoardQuota {
  private bound: number
  private measuredSinceStore: boolean

  constructor(
    private readonly doc: Y.Doc,
    readonly maxBytes: number,
    /** The board's size as storage knows it (snapshot + logged updates), if the document is what was stored. */
    storedBytes?: number,
  ) {
    this.bound = storedBytes ?? Y.encodeStateAsUpdate(doc).length
    this.measuredSinceStore = storedBytes === undefined
  }

  /** Whether storing an update of `size` bytes keeps the board within its limit. */
  allows(size: number): boolean {
    if (this.bound + size <= this.maxBytes) return true
    if (!this.measuredSinceStore) {
      this.bound = Y.encodeStateAsUpdate(this.doc).length
      this.measuredSinceStore = true
    }
    return this.bound + size <= this.maxBytes
  }

  /** An update of `size` bytes was stored and applied. */
  stored(size: number): void {
    this.bound += size
    this.measuredSinceStore = false
  }

  /** The current upper bound of the board's size, for logs. */
  get approximateBytes(): number {
    return this.bound
  }
}
