import { describe, expect, it } from 'vitest'
import { shouldCompact } from '../../server/sync/compaction-policy'

const KB = 1024
const MB = 1024 * KB

/** When a loaded board folds its log into a snapshot (COMPACT_AFTER_UPDATES = 500 unless named). */
describe('compaction policy', () => {
  it.each([
    // A new or small board compacts on the count alone, as before.
    { case: 'no snapshot yet, 499 updates', updates: 499, logBytes: 100 * KB, snapshotBytes: 0, min: 500, compact: false },
    { case: 'no snapshot yet, 500 updates', updates: 500, logBytes: 100 * KB, snapshotBytes: 0, min: 500, compact: true },
    { case: 'small board (40 KB), 500 updates of 200 B', updates: 500, logBytes: 100 * KB, snapshotBytes: 40 * KB, min: 500, compact: true },
    { case: 'board at the small limit (256 KB), 500 tiny updates', updates: 500, logBytes: 10 * KB, snapshotBytes: 256 * KB, min: 500, compact: true },
    // Tests set a low COMPACT_AFTER_UPDATES to compact often: a test board still does.
    { case: 'test setting 7, small board, 7 updates', updates: 7, logBytes: 2 * KB, snapshotBytes: 3 * KB, min: 7, compact: true },
    { case: 'test setting 7, small board, 6 updates', updates: 6, logBytes: 2 * KB, snapshotBytes: 3 * KB, min: 7, compact: false },
    // A large board waits until its log is half the snapshot's size.
    { case: '20k-record board (3.9 MB), 500 updates of 200 B', updates: 500, logBytes: 100 * KB, snapshotBytes: 3.9 * MB, min: 500, compact: false },
    { case: '20k-record board, 9,000 updates (1.76 MB)', updates: 9_000, logBytes: 9_000 * 205, snapshotBytes: 3.9 * MB, min: 500, compact: false },
    { case: '20k-record board, 10,000 updates (1.96 MB)', updates: 10_000, logBytes: 10_000 * 205, snapshotBytes: 3.9 * MB, min: 500, compact: true },
    { case: '300 KB board, log at half of it', updates: 600, logBytes: 150 * KB, snapshotBytes: 300 * KB, min: 500, compact: true },
    { case: '300 KB board, log below half of it', updates: 600, logBytes: 149 * KB, snapshotBytes: 300 * KB, min: 500, compact: false },
    // ... but never below the count, however big the updates.
    { case: 'large board, 499 huge updates', updates: 499, logBytes: 10 * MB, snapshotBytes: 3.9 * MB, min: 500, compact: false },
    // ... and never past 40 × the count, however small the updates.
    { case: 'large board, 19,999 tiny updates', updates: 19_999, logBytes: 400 * KB, snapshotBytes: 3.9 * MB, min: 500, compact: false },
    { case: 'large board, 20,000 tiny updates', updates: 20_000, logBytes: 400 * KB, snapshotBytes: 3.9 * MB, min: 500, compact: true },
  ])('$case → compact: $compact', ({ updates, logBytes, snapshotBytes, min, compact }) => {
    expect(shouldCompact({ updates, logBytes, snapshotBytes }, min)).toBe(compact)
  })

  it('rewrites a 20k-record board far less often than every 500 updates', () => {
    // 20,000 edits of 200 bytes on a 3.9 MB board, compacting whenever the policy says so.
    const snapshotBytes = 3.9 * MB
    let rewrites = 0
    let log = { updates: 0, logBytes: 0 }
    for (let i = 0; i < 20_000; i++) {
      log = { updates: log.updates + 1, logBytes: log.logBytes + 200 }
      if (shouldCompact({ ...log, snapshotBytes }, 500)) {
        rewrites++
        log = { updates: 0, logBytes: 0 }
      }
    }
    // Every 500 updates would be 40 rewrites (156 MB written); this is 1 per ~10,000 updates.
    expect(rewrites).toBe(1)
  })
})
