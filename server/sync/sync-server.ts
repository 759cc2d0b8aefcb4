import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { authenticateParticipant, type AuthResult } from '../../lib/server/auth/authenticate'
import { createRecordCreatorWriter } from '../../lib/server/db/repositories/board-record-creators'
import { createUpdateAppender } from '../../lib/server/db/repositories/yjs-log'
import { CloseCode, ForbiddenReason } from '../../lib/protocol/close-codes'
import { connectionLimitsFor, TOO_MANY_CONNECTIONS, type ConnectionLimits, type Place } from '../connection-limits'
import type { ServerDeps, SyncServer } from '../types'
import { decideBoardRead } from './read-decision'
import { createBoardReader, type BoardReader } from './board-reader'
import { SyncConnection, type ConnectionAccess, type ConnectionIdentity } from './connection'
import { ConnectionIndex } from './connection-index'
import { startKeepAlive } from './keep-alive'
import { LiveAccess, type AccessRows, type Settled } from './live-access'
import { BoardCheckpoints, type CheckpointOptions } from './checkpoints'
import { reapplyRestores, relayRestores } from './checkpoints-restores'
import { BoardStorage } from './persistence'
import { decodeClientMessage, ProtocolError } from './protocol'
import { Room, type RoomLimits } from './room'
import { RecordCreators } from './record-creators'
import { RoomRegistry } from './room-registry'
import { isRemoteOrigin } from '../scale-out/board-relay'
import { sharedCompactionFor } from '../scale-out/shared-compaction'
import { boardWritePolicy, type RecordRefusalListener, type WritePolicy } from './write-policy'

export interface SyncServerOptions {
  /** Decides which writes are accepted (default: Kring's policy, lib/conference/policy.ts). */
  writePolicy?: WritePolicy
  /** Ping interval; a connection that misses one ping is dropped. */
  keepAliveIntervalMs?: number
  /** Caps on simultaneous sockets, shared with the meeting plane (default: its own, from the config). */
  connectionLimits?: ConnectionLimits
  /** When the board's history takes checkpoints (default: every 3 minutes of change, before deleting more than 5 items). */
  checkpoints?: Partial<CheckpointOptions>
  /** Told of every change to a board (its conference's last activity, server/retention.ts). */
  onBoardChange?: (conferenceId: string) => void
}

const KEEP_ALIVE_INTERVAL_MS = 30_000
/** The close reason with 4404 when the conference is deleted while someone has its board open. */
export const CONFERENCE_DELETED = 'conference deleted'
// On shutdown, connections get this long to complete the close handshake before being cut.
const SHUTDOWN_GRACE_MS = 1_000
// Reading access again because it changed meanwhile ends quickly unless changes never stop.
const MAX_SETTLE_ROUNDS = 5

/**
 * The Yjs sync endpoint: y-websocket protocol (sync + awareness) on /sync/<conferenceId>.
 * Authenticates on upgrade and decides read access (admission, then the policy for the role in
 * the current phase) before anything of the board is sent; keeps that access current for live
 * connections (LiveAccess); keeps one Room per board (RoomRegistry), stores every update before
 * relaying it (BoardStorage) and closes a single connection, never the room, on bad input.
 */
export function createSyncServer(deps: ServerDeps, options: SyncServerOptions = {}): SyncServer & { boards: BoardReader } {
  const { config, db } = deps
  const logger = deps.logger.child({ component: 'sync' })
  // A mass deletion (select all, delete) is named in the log: who and how many, never what.
  const onRecordRefusal: RecordRefusalListener = (writer, { othersRemoved, mass }) => {
    if (mass) logger.warn({ conferenceId: writer.conferenceId, participantId: writer.participantId, othersRemoved }, 'mass deletion refused')
  }
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.sync.maxMessageBytes, clientTracking: false })
  const index = new ConnectionIndex()
  const liveAccess = new LiveAccess({ db, logger, index })
  const stopWatchingAccess = liveAccess.start()
  const pendingUpgrades = new Set<Promise<void>>()
  const connectionLimits = options.connectionLimits ?? connectionLimitsFor(config)
  let closing = false
  // Conferences being deleted: no connection is accepted for them (the deletion removes their rows next).
  const deleted = new Set<string>()

  const roomLimits: RoomLimits = {
    maxBoardBytes: config.sync.maxBoardBytes,
    maxOutgoingBytes: config.sync.maxOutgoingBytes,
    maxMessageBytes: config.sync.maxMessageBytes,
    pace: { writesPerSecond: config.sync.writesPerSecond, bytesPerSecond: config.sync.writeBytesPerSecond, maxWaitMs: config.sync.maxWriteWaitMs },
  }
  const storageDeps = { db, append: createUpdateAppender(db), compactAfterUpdates: config.sync.compactAfterUpdates, logger, compactStored: sharedCompactionFor(db, logger) }
  const creatorDeps = { db, write: createRecordCreatorWriter(db), logger }
  // Loaded rooms by board, for readers outside the sync plane (BoardReader). A room leaves this map
  // when its document is destroyed, at the end of its unload.
  const liveRooms = new Map<string, Room>()
  const liveDoc = (conferenceId: string) => liveRooms.get(conferenceId)?.doc
  const boards = createBoardReader({ db, logger, liveDoc })
  // The board's history (server/sync/checkpoints.ts) and restores made outside the room.
  const checkpoints = new BoardCheckpoints({ db, logger, liveDoc, readBoard: (id) => boards.read(id) }, options.checkpoints)
  const stopCheckpoints = checkpoints.start()
  const stopRelayingRestores = relayRestores({ db, logger, pollMs: config.revocationPollMs, liveDoc })
  const roomHooks = { beforeCommit: checkpoints.beforeCommit.bind(checkpoints) }
  async function loadRoom(conferenceId: string): Promise<Room> {
    const { doc, storage } = await BoardStorage.load(storageDeps, conferenceId)
    await reapplyRestores(db, conferenceId, doc)
    // Who added what, for the delete rules: loaded with the board, kept current by its document.
    const creators = await RecordCreators.load(creatorDeps, conferenceId, doc)
    const room = Room.create(conferenceId, doc, storage, options.writePolicy ?? boardWritePolicy(creators, onRecordRefusal), logger, roomLimits, roomHooks)
    liveRooms.set(conferenceId, room)
    // The instance that stored an update takes the checkpoints for it (several instances: isRemoteOrigin).
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (isRemoteOrigin(origin)) return
      checkpoints.noteChange(conferenceId)
      options.onBoardChange?.(conferenceId)
    })
    doc.once('destroy', () => {
      checkpoints.roomClosing(conferenceId, doc)
      if (liveRooms.get(conferenceId) === room) liveRooms.delete(conferenceId)
    })
    return room
  }
  const registry = new RoomRegistry(
    async (conferenceId) => {
      // Several instances: listen to the board's channel before reading it, so nothing is missed between.
      const link = await deps.scaleOut?.boards.open(conferenceId)
      try {
        const room = await loadRoom(conferenceId)
        link?.attach(room)
        return room
      } catch (err) {
        link?.close()
        throw err
      }
    },
    config.sync.roomUnloadDelayMs,
    logger,
  )
  const stopKeepAlive = startKeepAlive(() => index.connections(), options.keepAliveIntervalMs ?? KEEP_ALIVE_INTERVAL_MS)

  /** Complete the websocket handshake only to close it at once: the client then sees the code. */
  function refuseUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {})
      ws.close(code, reason)
    })
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, conferenceId: string): void {
    if (closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
      return
    }
    // Until ws owns the socket, a client that goes away mid-authentication must not crash us.
    const onEarlyError = () => socket.destroy()
    socket.on('error', onEarlyError)
    const startedAt = Date.now()
    const pending = admit(req, socket, head, conferenceId, startedAt, onEarlyError)
      .catch((err: unknown) => {
        logger.error({ err, conferenceId }, 'sync upgrade failed')
        socket.destroy()
      })
      .finally(() => pendingUpgrades.delete(pending))
    pendingUpgrades.add(pending)
  }

  /** Authenticate, decide read access, then accept or refuse (a refusal is the handshake and a close). */
  async function admit(req: IncomingMessage, socket: Duplex, head: Buffer, conferenceId: string, startedAt: number, onEarlyError: () => void): Promise<void> {
    let auth: Authenticated | null
    // Several instances: the place is taken in Redis before the decision below (nothing may await
    // there), and given back if the connection is refused for another reason.
    let reserved: Place | null | undefined
    try {
      auth = await authenticate(readToken(req.url), conferenceId, liveAccess.mark())
      if (auth.ok && connectionLimits.isShared) {
        reserved = await connectionLimits.takeAnywhere(connectionLimits.addressOf(req), auth.rows.participant.id)
      }
      // A live event since the last read (phase, setting, role, admission) means reading again:
      // the check and the decision below share one synchronous run, so none can slip between.
      for (let round = 0; auth.ok && liveAccess.mark() !== auth.seen; round++) {
        if (round === MAX_SETTLE_ROUNDS) throw new Error('access kept changing while it was read')
        auth = await settle(auth.rows, auth.seen)
      }
    } catch (err) {
      logger.error({ err, conferenceId }, 'authentication failed with an error')
      auth = null
    }
    // From here to accept() nothing awaits: a later live event finds the connection in the index.
    socket.off('error', onEarlyError)
    const refuse = (...args: Parameters<typeof refuseUpgrade>) => {
      reserved?.release()
      return refuseUpgrade(...args)
    }
    if (socket.destroyed || !socket.writable) return reserved?.release()
    if (auth === null) return refuse(req, socket, head, CloseCode.ServerError, 'try again later')
    if (!auth.ok) {
      logger.info({ conferenceId, code: auth.code }, 'sync connection refused')
      return refuse(req, socket, head, auth.code, auth.reason)
    }
    const participantId = auth.rows.participant.id
    const order = index.disconnectedSince(participantId, startedAt)
    if (order) return refuse(req, socket, head, order.code, order.reason)
    if (closing) return refuse(req, socket, head, CloseCode.GoingAway, 'server shutting down')
    if (deleted.has(conferenceId)) return refuse(req, socket, head, CloseCode.NotFound, CONFERENCE_DELETED)
    // Not one byte of the board before this.
    const { access } = auth
    const decision = decideBoardRead(access.participant, access.conference)
    if (!decision.allowed) {
      logger.info({ conferenceId, code: CloseCode.Forbidden, reason: decision.reason }, 'sync connection refused')
      return refuse(req, socket, head, CloseCode.Forbidden, decision.reason)
    }
    const place = reserved !== undefined ? reserved : connectionLimits.take(connectionLimits.addressOf(req), participantId)
    if (!place) return refuse(req, socket, head, TOO_MANY_CONNECTIONS.code, TOO_MANY_CONNECTIONS.reason)
    socket.once('close', place.release)
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, socket, { participantId, conferenceId }, access))
  }

  /** Who is knocking (from the token), with their access as of the rows read. */
  async function authenticate(token: string | null, conferenceId: string, mark: number): Promise<Authenticated> {
    const auth = await authenticateParticipant(db, config.authSecret, token, conferenceId)
    if (!auth.ok) return auth
    return settle({ participant: auth.participant, conference: auth.conference }, mark)
  }

  async function settle(rows: AccessRows, mark: number): Promise<Authenticated> {
    const settled = await liveAccess.settle(rows, mark)
    if (!settled) return { ok: false, code: CloseCode.Forbidden, reason: ForbiddenReason.Revoked }
    return { ok: true, ...settled }
  }

  function accept(ws: WebSocket, socket: Duplex, identity: ConnectionIdentity, access: ConnectionAccess): void {
    const connection = new SyncConnection(ws, identity, access, logger, socket)
    const { conferenceId } = identity
    index.add(connection)
    const lease = registry.acquire(conferenceId)
    let room: Room | null = null

    // First task: wait for the board, then start syncing. Messages queue behind it.
    connection.enqueue(async () => {
      try {
        room = await lease.room
      } catch {
        connection.close(CloseCode.ServerError, 'board could not be loaded')
        return
      }
      if (connection.isOpen) room.join(connection)
    })

    ws.on('message', (data) => {
      const bytes = toBytes(data)
      connection.enqueue(async () => {
        if (!connection.acceptsInput || room === null) return
        let message
        try {
          message = decodeClientMessage(bytes)
        } catch (err) {
          const reason = err instanceof ProtocolError ? err.message : 'undecodable message'
          logger.info({ conferenceId, connectionId: connection.id, bytes: bytes.length }, 'bad sync message')
          connection.close(CloseCode.BadMessage, reason)
          return
        }
        await room.receive(connection, message)
      })
    })
    ws.on('error', (err) => {
      // ws closes the socket itself (1009 for an oversized message, 1002 for a protocol error).
      logger.info({ conferenceId, connectionId: connection.id, error: err.message }, 'sync socket error')
    })
    ws.on('close', (code) => {
      index.remove(connection)
      room?.leave(connection)
      // Released only after the queue has drained: edits sent just before leaving are still stored.
      connection.enqueue(() => lease.release())
      logger.debug({ conferenceId, connectionId: connection.id, code }, 'sync connection closed')
    })
    logger.debug({ conferenceId, connectionId: connection.id, participantId: identity.participantId }, 'sync connection open')
  }

  return {
    handleUpgrade,

    boards,

    disconnectParticipant(participantId, code, reason) {
      const connections = index.disconnect(participantId, code, reason)
      for (const connection of connections) connection.close(code, reason)
      if (connections.length > 0) logger.info({ participantId, code, connections: connections.length }, 'participant disconnected')
    },

    loadedRoomCount: () => registry.size,

    loadedConferenceIds: () => registry.loadedIds(),

    async closeConference(conferenceId) {
      deleted.add(conferenceId)
      const connections = index.inConference(conferenceId)
      for (const connection of connections) connection.close(CloseCode.NotFound, CONFERENCE_DELETED)
      const grace = setTimeout(() => connections.forEach((c) => c.terminate()), SHUTDOWN_GRACE_MS)
      await Promise.all(connections.map((c) => c.closed))
      clearTimeout(grace)
      await Promise.all(connections.map((c) => c.whenIdle()))
      await registry.evict(conferenceId)
      // A checkpoint taken as the room closed is written before the deletion reads the tables.
      await checkpoints.settled()
      if (connections.length > 0) logger.info({ conferenceId, connections: connections.length }, 'board closed: conference deleted')
    },

    async close() {
      closing = true
      stopKeepAlive()
      stopWatchingAccess()
      stopRelayingRestores()
      await Promise.all([...pendingUpgrades])
      const connections = [...index.connections()]
      for (const connection of connections) connection.close(CloseCode.GoingAway, 'server shutting down')
      const grace = setTimeout(() => connections.forEach((c) => c.terminate()), SHUTDOWN_GRACE_MS)
      await Promise.all(connections.map((c) => c.closed))
      clearTimeout(grace)
      await Promise.all(connections.map((c) => c.whenIdle()))
      await registry.unloadAll()
      stopCheckpoints()
      await checkpoints.settled()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

type Authenticated = Exclude<AuthResult, { ok: true }> | ({ ok: true } & Settled)

/** The token from `?token=` (how the stock WebsocketProvider passes `params`). Never logged. */
function readToken(url: string | undefined): string | null {
  try {
    return new URL(url ?? '', 'http://localhost').searchParams.get('token')
  } catch {
    return null
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return data
}
