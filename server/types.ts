import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { KringConfig } from '../lib/server/config/env'
import type { Db } from '../lib/server/db/connect'
import type { Logger } from '../lib/server/log/logger'
import type { ScaleOut } from './scale-out/scale-out'

/** What every part of the server is built from. */
export interface ServerDeps {
  config: KringConfig
  db: Db
  logger: Logger
  /** The clock of time-driven work (reminders); default the system clock. Tests move it. */
  now?: () => Date
  /** Several instances through Redis (REDIS_URL); absent for a single instance. */
  scaleOut?: ScaleOut
}

/** The Yjs sync endpoint (/sync/<conferenceId>). */
export interface SyncServer {
  /** Take over an HTTP upgrade for a conference's board; authenticates before accepting. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, conferenceId: string): void
  /** Close every live sync connection of a participant with a close code (revocation). */
  disconnectParticipant(participantId: string, code: number, reason: string): void
  /** Number of boards held in memory (rooms with connections or still unloading). */
  loadedRoomCount(): number
  /** The conferences whose boards are loaded or loading. */
  loadedConferenceIds(): string[]
  /**
   * The conference is being deleted: refuse new connections (4404), close the open ones with 4404
   * `conference deleted`, and unload its board; resolves when nothing of it is in memory.
   */
  closeConference(conferenceId: string): Promise<void>
  /** Flush storage, close connections with 1001 and release memory. */
  close(): Promise<void>
}

/** The meeting plane (socket.io on /socket.io). */
export interface MeetingServer {
  disconnectParticipant(participantId: string, code: number, reason: string): void
  /** The facilitator removed this participant (on any instance): their sockets here hear `removed` and close (4403). */
  shutOutRemoved(conferenceId: string, participantId: string): void
  /** Close every socket of a conference being deleted (`closing` with 4404 `conference deleted`). */
  closeConference(conferenceId: string): void
  close(): Promise<void>
}

export type NextHandlers = {
  handle: (req: IncomingMessage, res: import('node:http').ServerResponse) => Promise<void> | void
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => unknown
}
