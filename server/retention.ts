import { noteActivity } from '../lib/server/conference/retention/activity'
import { registerLiveConferenceCloser } from '../lib/server/conference/retention/live-closer'
import { sweepRetention } from '../lib/server/conference/retention/sweep'
import { getLiveEvents } from '../lib/server/conference/live-events'
import { isRemoteEvent } from './scale-out/live-bridge'
import type { MeetingServer, ServerDeps, SyncServer } from './types'

export interface RetentionOptions {
  /** The clock the sweep reads (tests move it); default the real one. */
  now?: () => Date
  /** How often to sweep (default RETENTION_SWEEP_MS). */
  sweepIntervalMs?: number
}

/**
 * The end of a conference's life, as the running server takes part in it:
 * - it deletes expired conferences on its own, at start and every RETENTION_SWEEP_MS, and purges
 *   the audit log past AUDIT_RETENTION_DAYS (lib/server/conference/retention/sweep.ts);
 * - before any deletion in this process (route handler, sweep) it closes the conference's board
 *   and sockets (the live closer), so nothing is written back;
 * - a deletion by another process is noticed: with REDIS_URL at once (the live event
 *   `conference.deleted`, published by the other instance or the CLI), else within
 *   REVOCATION_POLL_MS; its board and sockets here are closed (4404), and what they may have
 *   written meanwhile is deleted again;
 * - every board edit is activity (the retention date counts from the last one).
 */
export function startRetention(deps: ServerDeps & { sync: SyncServer; meeting: MeetingServer }, options: RetentionOptions = {}): { stop(): Promise<void>; sweepNow(): Promise<void> } {
  const { db, config, sync, meeting } = deps
  const logger = deps.logger.child({ component: 'retention' })
  const now = options.now ?? (() => new Date())

  const closeLive = async (conferenceId: string) => {
    meeting.closeConference(conferenceId)
    await sync.closeConference(conferenceId)
  }
  const unregister = registerLiveConferenceCloser(closeLive)

  let running: Promise<void> = Promise.resolve()
  const sweepNow = (): Promise<void> => {
    running = running.then(async () => {
      try {
        const result = await sweepRetention(db, { now: now(), auditDays: config.retention.auditDays })
        if (result.deleted.length > 0 || result.leftovers > 0 || result.auditPurged > 0 || result.conferencesPurged > 0) {
          logger.info({ deleted: result.deleted, leftovers: result.leftovers, auditPurged: result.auditPurged, conferencesPurged: result.conferencesPurged }, 'retention sweep')
        }
      } catch (err) {
        logger.error({ err }, 'retention sweep failed')
      }
    })
    return running
  }

  // Deleted on another instance or by the CLI (REDIS_URL): close here too, then sweep up what this
  // instance may have written between the deletion's mark and its close.
  const onDeleted = (payload: { conferenceId: string }) => {
    if (!isRemoteEvent(payload)) return
    closeLive(payload.conferenceId)
      .then(() => sweepNow())
      .catch((err: unknown) => logger.warn({ err }, 'closing a conference deleted elsewhere failed'))
  }
  getLiveEvents().on('conference.deleted', onDeleted)

  const watchDeletedElsewhere = async () => {
    const loaded = sync.loadedConferenceIds()
    if (loaded.length === 0) return
    const gone = await db.selectFrom('conferences').select('id').where('id', 'in', loaded).where('deleted_at', 'is not', null).execute()
    if (gone.length === 0) return
    for (const { id } of gone) await closeLive(id)
    await sweepNow()
  }

  void sweepNow()
  const sweepTimer = setInterval(() => void sweepNow(), options.sweepIntervalMs ?? config.retention.sweepIntervalMs)
  sweepTimer.unref()
  let watching = false
  // Several instances: deletions arrive as live events; no poll.
  const watchTimer = setInterval(() => {
    if (watching || deps.scaleOut) return
    watching = true
    watchDeletedElsewhere()
      .catch((err: unknown) => logger.warn({ err }, 'deletion watch failed'))
      .finally(() => {
        watching = false
      })
  }, config.revocationPollMs)
  watchTimer.unref()

  return {
    sweepNow,
    async stop() {
      clearInterval(sweepTimer)
      clearInterval(watchTimer)
      getLiveEvents().off('conference.deleted', onDeleted)
      unregister()
      await running
    },
  }
}

/** A board edit is activity (throttled in noteActivity); failures only cost a later retention date. */
export function boardActivityNoter(deps: ServerDeps): (conferenceId: string) => void {
  return (conferenceId) => {
    noteActivity(deps.db, conferenceId).catch((err: unknown) => deps.logger.warn({ err, conferenceId }, 'activity not noted'))
  }
}
