import type { Logger } from '../../lib/server/log/logger'
import type { Room } from './room'

/** A connection's hold on a room: keeps it loaded until released (once). */
export interface RoomLease {
  readonly room: Promise<Room>
  release(): void
}

interface Entry {
  conferenceId: string
  ready: Promise<Room>
  holders: number
  unloadTimer: NodeJS.Timeout | null
}

/**
 * The load/unload life of rooms. Exactly one Room per board at a time:
 * - a connection arriving while the room loads shares that load;
 * - one arriving while the unload timer runs keeps the loaded room;
 * - one arriving while the room is unloading (compacting) gets a new room that loads only
 *   after the old one has written its snapshot, so it reads everything.
 * A holder is released only after its connection's queue has drained, so a room is never
 * unloaded with an edit still on its way to storage.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>()
  private readonly unloading = new Map<string, Promise<void>>()

  constructor(
    private readonly loadRoom: (conferenceId: string) => Promise<Room>,
    private readonly unloadDelayMs: number,
    private readonly logger: Logger,
  ) {}

  /** Rooms in memory: loaded, loading or still writing their snapshot on the way out. */
  get size(): number {
    let unloadingOnly = 0
    for (const id of this.unloading.keys()) if (!this.entries.has(id)) unloadingOnly++
    return this.entries.size + unloadingOnly
  }

  acquire(conferenceId: string): RoomLease {
    let entry = this.entries.get(conferenceId)
    if (!entry) entry = this.startLoading(conferenceId)
    const held = entry
    held.holders++
    if (held.unloadTimer) {
      clearTimeout(held.unloadTimer)
      held.unloadTimer = null
    }
    let released = false
    return {
      room: held.ready,
      release: () => {
        if (released) return
        released = true
        this.release(held)
      },
    }
  }

  /** Boards loaded or loading now. */
  loadedIds(): string[] {
    return [...this.entries.keys()]
  }

  /**
   * Unload one board now, whoever still holds it (the conference is being deleted and its
   * connections are closed); resolves when it is out of memory. A later acquire loads afresh.
   */
  async evict(conferenceId: string): Promise<void> {
    const entry = this.entries.get(conferenceId)
    if (entry) this.unload(entry)
    await this.unloading.get(conferenceId)
  }

  /** Unload every room now (server shutdown); resolves when all snapshots are written. */
  async unloadAll(): Promise<void> {
    for (const entry of [...this.entries.values()]) this.unload(entry)
    await Promise.all([...this.unloading.values()])
  }

  private startLoading(conferenceId: string): Entry {
    const previous = this.unloading.get(conferenceId) ?? Promise.resolve()
    const entry: Entry = {
      conferenceId,
      ready: previous.then(() => this.loadRoom(conferenceId)),
      holders: 0,
      unloadTimer: null,
    }
    // A failed load is forgotten at once, so the next connection tries again.
    entry.ready.catch((err: unknown) => {
      this.logger.error({ err, conferenceId }, 'board could not be loaded')
      if (this.entries.get(conferenceId) === entry) this.entries.delete(conferenceId)
    })
    this.entries.set(conferenceId, entry)
    return entry
  }

  private release(entry: Entry): void {
    entry.holders--
    if (entry.holders > 0 || this.entries.get(entry.conferenceId) !== entry) return
    entry.unloadTimer = setTimeout(() => this.unload(entry), this.unloadDelayMs)
    entry.unloadTimer.unref()
  }

  private unload(entry: Entry): void {
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
    entry.unloadTimer = null
    if (this.entries.get(entry.conferenceId) !== entry) return
    this.entries.delete(entry.conferenceId)
    const { conferenceId } = entry
    const done: Promise<void> = entry.ready
      .then((room) => room.unload())
      .then(
        () => this.logger.debug({ conferenceId }, 'board unloaded'),
        (err: unknown) => this.logger.warn({ err, conferenceId }, 'board unload failed'),
      )
      .finally(() => {
        if (this.unloading.get(conferenceId) === done) this.unloading.delete(conferenceId)
      })
    this.unloading.set(conferenceId, done)
  }
}
