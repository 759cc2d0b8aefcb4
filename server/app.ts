import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getLiveEvents } from '../lib/server/conference/live-events'
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from '../lib/server/http/client-address'
import { CloseCode } from '../lib/protocol/close-codes'
import { connectionLimitsFor } from './connection-limits'
import { createMeetingServer } from './meeting/meeting-server'
import { boardActivityNoter, startRetention, type RetentionOptions } from './retention'
import { watchRevocations } from './revocations'
import { createSyncServer } from './sync/sync-server'
import { startReminderScheduler, type ReminderScheduler } from './follow-up/reminder-scheduler'
import type { MeetingServer, NextHandlers, ServerDeps, SyncServer } from './types'
import { readinessCheck } from './readiness'

export interface KringServer {
  http: Server
  sync: SyncServer
  meeting: MeetingServer
  /** Run the retention sweep now (it also runs at start and every RETENTION_SWEEP_MS). */
  sweepRetention(): Promise<void>
  /** E-mail reminders between meetings; null without SMTP_URL. */
  reminders: ReminderScheduler | null
  /** Listen and resolve with the bound port (pass 0 for any free port, as tests do). */
  listen(port: number, host?: string): Promise<number>
  close(): Promise<void>
}

const SYNC_PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})\/?$/

/**
 * The composition root: one HTTP server carrying Next (pages, route handlers, next-auth),
 * the Yjs sync websocket and socket.io. Upgrades are routed by path here; socket.io is told
 * not to destroy upgrades it does not own.
 */
export interface KringServerOptions {
  retention?: RetentionOptions
}

export function createKringServer(deps: ServerDeps, next?: NextHandlers, options: KringServerOptions = {}): KringServer {
  const { logger, config } = deps
  // Browsers that once reached Kring over HTTPS never try plain HTTP again (a year; renewed on every visit).
  const hsts = config.publicUrl.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null
  const ready = readinessCheck(deps.db, deps.scaleOut)
  const http = createServer((req, res) => {
    if (hsts) res.setHeader('Strict-Transport-Security', hsts)
    // Route handlers only see headers: tell them the client's address, never what a client claims.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, config.trustProxy)
    // Liveness for load balancers and the e2e runner; answers without touching Next or the database.
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
      return
    }
    // Readiness: the database answers, and Redis with scale-out (server/readiness.ts).
    if (req.url === '/readyz') {
      void ready().then((state) => {
        res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(state))
      })
      return
    }
    if (next) {
      void Promise.resolve(next.handle(req, res)).catch((err: unknown) => {
        logger.error({ err }, 'request handler failed')
        if (!res.headersSent) res.statusCode = 500
        res.end()
      })
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
  })

  // One count of sockets per address and participant, over both planes.
  const connectionLimits = connectionLimitsFor(config, deps.scaleOut && { caps: deps.scaleOut.caps, logger: deps.logger })
  const sync = createSyncServer(deps, { connectionLimits, onBoardChange: boardActivityNoter(deps) })
  // The meeting plane reads boards (to propose the plan) through the sync plane's reader.
  const meeting = createMeetingServer({ ...deps, httpServer: http, boards: sync.boards, connectionLimits })
  // E-mail reminders of due check-ins, when SMTP_URL is set.
  const reminders = startReminderScheduler(deps)

  http.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0] ?? ''
    const syncMatch = SYNC_PATH.exec(path)
    if (syncMatch) {
      sync.handleUpgrade(req, socket, head, syncMatch[1]!)
    } else if (path.startsWith('/socket.io/')) {
      // engine.io's own upgrade listener takes this one.
    } else if (path.startsWith('/_next/') && next?.upgrade) {
      next.upgrade(req, socket, head)
    } else if (path.startsWith('/sync/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
    } else {
      socket.destroy()
    }
  })

  const disconnect = (participantId: string, reason: string) => {
    sync.disconnectParticipant(participantId, CloseCode.Forbidden, reason)
    meeting.disconnectParticipant(participantId, CloseCode.Forbidden, reason)
  }
  const onRevoked = ({ conferenceId, participantId, as }: { conferenceId: string; participantId: string; as?: 'removed' }) => {
    // Removed by the facilitator (perhaps on another instance): the meeting says so, as where it happened.
    if (as === 'removed') meeting.shutOutRemoved(conferenceId, participantId)
    disconnect(participantId, 'invitation revoked')
  }
  getLiveEvents().on('participant.revoked', onRevoked)
  // Several instances: revocations made anywhere arrive as live events through Redis, no poll needed.
  const stopWatching = deps.scaleOut ? () => {} : watchRevocations(deps, (participantId) => disconnect(participantId, 'invitation revoked'))
  const retention = startRetention({ ...deps, sync, meeting }, options.retention)

  return {
    http,
    sync,
    meeting,
    sweepRetention: () => retention.sweepNow(),
    listen(port, host) {
      return new Promise((resolve, reject) => {
        http.once('error', reject)
        http.listen(port, host, () => {
          http.off('error', reject)
          resolve((http.address() as AddressInfo).port)
        })
      })
    },
    reminders,
    async close() {
      await reminders?.stop()
      getLiveEvents().off('participant.revoked', onRevoked)
      stopWatching()
      await retention.stop()
      await meeting.close()
      await sync.close()
      await new Promise<void>((resolve) => {
        http.close(() => resolve())
        http.closeAllConnections()
      })
    },
  }
}
