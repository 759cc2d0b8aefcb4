/**
 * A load worker: a child process holding a share of a benchmark's clients, each a stock
 * y-websocket WebsocketProvider that sends only its own presence (as Kring's board page does,
 * client/board/session/own-presence-only.ts) with the compact presence Kring's client sends
 * (lib/sync/presence.ts, compactPresence); the others' presence it receives is read, not decoded. Edits are a card's text rewritten, a valid board record
 * that Kring's server accepts. Driven over IPC (bench/lib/load-protocol.ts); it measures its own
 * CPU and event-loop lag, so a benchmark can tell when the generator, not the server, was slow.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnPresenceOnly } from '../../client/board/session/own-presence-only'
import type { AutonomousLoad, ClientSpec, FromWorker, ToWorker } from './load-protocol'

const now = () => performance.timeOrigin + performance.now()
const send = (message: FromWorker) => process.send!(message)

const SYNC_TIMEOUT_MS = 30_000
const MESSAGE_AWARENESS = 1
const OPEN_CONCURRENCY = 10

interface Client {
  spec: ClientSpec
  doc: Y.Doc
  records: Y.Map<unknown>
  provider: WebsocketProvider
  pageId: string
  shapeId: string
  nextSeq: number
  /** Highest edit seq seen per shape of the room (Yjs delivers a client's edits in order). */
  seen: Map<string, number>
  timers: NodeJS.Timeout[]
  presenceTimer: NodeJS.Timeout | null
  tick: number
}

interface PendingEdit {
  sentAt: number
  remaining: number
  inWindow: boolean
}

interface Room {
  clients: Client[]
  /** Edits not yet at every local receiver, by `<shapeId>#<seq>`. */
  pending: Map<string, PendingEdit>
  /** Fan-out: arrivals go to the parent, which knows every worker's receivers. */
  watched: boolean
}

const rooms = new Map<string, Room>()
const clientsById = new Map<string, Client>()
let autonomous: AutonomousLoad | null = null
let windowLatencies: number[] | null = null
/** Edits made while this is true are timed; after the window, its edits still have a grace to arrive. */
let windowOpen = false
let windowCpu = process.cpuUsage()
/** Presence messages the clients received (what the server relayed), counted per window. */
let presenceReceived = 0
let presenceStatesReceived = 0
let windowStartedAt = now()
const loopDelay = monitorEventLoopDelay({ resolution: 5 })
loopDelay.enable()

// Every stock provider adds a process 'exit' listener.
process.setMaxListeners(0)

function shapeRecord(shapeId: string, pageId: string, index: number, text: string) {
  return {
    id: shapeId,
    typeName: 'shape',
    type: 'kring-card',
    x: 100 + (index % 10) * 260,
    y: 100 + Math.floor(index / 10) * 140,
    rotation: 0,
    index: 'a1',
    parentId: pageId,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 240, h: 120, kind: 'worry', text, answers: [] },
  }
}

/** The presence Kring's client sends (compactPresence): page, cursor, camera, screen bounds. */
function presence(client: Client) {
  const t = client.tick++
  return {
    currentPageId: client.pageId,
    cursor: { x: Math.round((200 + 150 * Math.sin(t / 7) + client.spec.index * 13) * 10) / 10, y: Math.round((300 + 90 * Math.cos(t / 5)) * 10) / 10, type: 'default', rotation: 0 },
    camera: { x: -120.5, y: -45.5, z: 0.8765 },
    screenBounds: { x: 0, y: 0, w: 1280, h: 720 },
  }
}

const seqOf = (value: unknown): number | null => {
  const text = (value as { props?: { text?: unknown } } | undefined)?.props?.text
  if (typeof text !== 'string' || !text.startsWith('bench ')) return null
  const seq = Number(text.slice(6))
  return Number.isInteger(seq) ? seq : null
}

function onRecordsChanged(client: Client, keys: Set<string>): void {
  const at = now()
  const room = rooms.get(client.spec.room)!
  for (const key of keys) {
    if (!key.startsWith('shape:bench-') || key === client.shapeId) continue
    const seq = seqOf(client.records.get(key))
    if (seq === null) continue
    const before = client.seen.get(key) ?? 0
    if (seq <= before) continue
    client.seen.set(key, seq)
    if (room.watched) {
      send({ type: 'arrived', clientId: client.spec.id, seq, at })
      continue
    }
    // Every edit between the last seen and this one has arrived with it.
    for (let s = before + 1; s <= seq; s++) {
      const editKey = `${key}#${s}`
      const edit = room.pending.get(editKey)
      if (!edit || --edit.remaining > 0) continue
      room.pending.delete(editKey)
      if (edit.inWindow && windowLatencies) windowLatencies.push(at - edit.sentAt)
    }
  }
}

function edit(client: Client, seq = client.nextSeq++): number {
  const room = rooms.get(client.spec.room)!
  const sentAt = now()
  if (!room.watched && room.clients.length > 1) {
    room.pending.set(`${client.shapeId}#${seq}`, { sentAt, remaining: room.clients.length - 1, inWindow: windowOpen })
  }
  client.records.set(client.shapeId, shapeRecord(client.shapeId, client.pageId, client.spec.index, `bench ${seq}`))
  return sentAt
}

function setPresence(client: Client, hz: number): void {
  if (client.presenceTimer) clearInterval(client.presenceTimer)
  client.presenceTimer = null
  if (hz <= 0) return
  const interval = 1000 / hz
  // Spread over the interval, as people's cursors are.
  const first = setTimeout(() => {
    client.provider.awareness.setLocalStateField('presence', presence(client))
    client.presenceTimer = setInterval(() => client.provider.awareness.setLocalStateField('presence', presence(client)), interval)
  }, Math.random() * interval)
  client.timers.push(first)
}

function startAutonomous(client: Client, load: AutonomousLoad): void {
  setPresence(client, load.presenceHz)
  if (load.editHz <= 0) return
  const interval = 1000 / load.editHz
  const first = setTimeout(() => {
    edit(client)
    client.timers.push(setInterval(() => edit(client), interval))
  }, Math.random() * interval)
  client.timers.push(first)
}

function waitSynced(provider: WebsocketProvider): Promise<boolean> {
  if (provider.synced) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync)
      resolve(false)
    }, SYNC_TIMEOUT_MS)
    const onSync = (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      provider.off('sync', onSync)
      resolve(true)
    }
    provider.on('sync', onSync)
  })
}

async function openClient(spec: ClientSpec): Promise<boolean> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(spec.serverUrl, spec.docName, doc, {
    params: spec.token ? { token: spec.token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  sendOwnPresenceOnly(provider, encodeAwarenessUpdate)
  // Others' presence is read off the wire but not decoded: the server cannot tell, and the
  // generator's CPU goes to what is timed (a browser would also draw the cursors; nobody here looks).
  provider.messageHandlers[MESSAGE_AWARENESS] = (_encoder, decoder) => {
    const update = decoding.readVarUint8Array(decoder)
    presenceReceived++
    // An awareness update starts with how many states it carries (Kring sends several in one message).
    presenceStatesReceived += decoding.readVarUint(decoding.createDecoder(update))
  }
  provider.awareness.setLocalState({ user: { id: spec.participantId, name: `Deelnemer ${spec.index + 1}` } })
  const records = doc.getMap('records')
  const shapeId = `shape:bench-${spec.room}-${spec.index}`
  const client: Client = { spec, doc, records, provider, pageId: 'page:page', shapeId, nextSeq: 1, seen: new Map(), timers: [], presenceTimer: null, tick: 0 }
  let room = rooms.get(spec.room)
  if (!room) rooms.set(spec.room, (room = { clients: [], pending: new Map(), watched: false }))
  room.clients.push(client)
  clientsById.set(spec.id, client)
  const synced = await waitSynced(provider)
  // The board's page (Kring's template names its own; the bare server's board is empty).
  for (const [, value] of records) {
    const record = value as { typeName?: string; id?: string }
    if (record?.typeName === 'page' && typeof record.id === 'string') {
      client.pageId = record.id
      break
    }
  }
  records.observe((event) => onRecordsChanged(client, event.keysChanged))
  if (synced && autonomous) startAutonomous(client, autonomous)
  return synced
}

function closeClient(client: Client): void {
  for (const timer of client.timers) clearTimeout(timer)
  if (client.presenceTimer) clearInterval(client.presenceTimer)
  client.provider.destroy()
  client.doc.destroy()
  clientsById.delete(client.spec.id)
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'open': {
      const failed: string[] = []
      let synced = 0
      const queue = [...message.clients]
      await Promise.all(
        Array.from({ length: OPEN_CONCURRENCY }, async () => {
          for (let spec = queue.shift(); spec; spec = queue.shift()) {
            if (await openClient(spec)) synced++
            else failed.push(spec.id)
          }
        }),
      )
      send({ type: 'opened', requestId: message.requestId, synced, failed })
      return
    }
    case 'close-room': {
      const room = rooms.get(message.room)
      for (const client of room?.clients ?? []) closeClient(client)
      rooms.delete(message.room)
      send({ type: 'done', requestId: message.requestId })
      return
    }
    case 'clock':
      send({ type: 'clock', requestId: message.requestId, now: now() })
      return
    case 'presence':
      for (const client of rooms.get(message.room)?.clients ?? []) setPresence(client, message.hz)
      send({ type: 'done', requestId: message.requestId })
      return
    case 'edit': {
      const client = clientsById.get(message.clientId)
      if (!client) throw new Error(`no client ${message.clientId}`)
      send({ type: 'sent', requestId: message.requestId, at: edit(client, message.seq) })
      return
    }
    case 'watch': {
      const room = rooms.get(message.room)
      if (room) room.watched = true
      send({ type: 'done', requestId: message.requestId })
      return
    }
    case 'autonomous':
      autonomous = message.load
      send({ type: 'done', requestId: message.requestId })
      return
    case 'window-start':
      windowLatencies = []
      windowOpen = true
      windowCpu = process.cpuUsage()
      windowStartedAt = now()
      presenceReceived = 0
      presenceStatesReceived = 0
      loopDelay.reset()
      send({ type: 'done', requestId: message.requestId })
      return
    case 'window-end': {
      // The window's last edits get `graceMs` to arrive; CPU and lag are of the window itself.
      windowOpen = false
      const cpu = process.cpuUsage(windowCpu)
      const wall = now() - windowStartedAt
      const loopDelayP99Ms = loopDelay.percentile(99) / 1e6
      const loopDelayMaxMs = loopDelay.max / 1e6
      const presencePerSecond = (presenceReceived * 1000) / wall
      const presenceStatesPerSecond = (presenceStatesReceived * 1000) / wall
      await new Promise((resolve) => setTimeout(resolve, message.graceMs))
      const at = now()
      const latencies = windowLatencies ?? []
      windowLatencies = null
      let late = 0
      for (const room of rooms.values()) {
        for (const [key, edit] of room.pending) {
          if (!edit.inWindow) continue
          // Not everywhere yet: at least this late (over any threshold worth measuring).
          latencies.push(at - edit.sentAt)
          late++
          room.pending.delete(key)
        }
        // Older edits that never arrived (a receiver went away) are forgotten, not carried.
        for (const [key, edit] of room.pending) if (at - edit.sentAt > 10_000) room.pending.delete(key)
      }
      send({
        type: 'window',
        requestId: message.requestId,
        latencies,
        late,
        health: { cpu: (cpu.user + cpu.system) / 1000 / wall, loopDelayP99Ms, loopDelayMaxMs },
        presencePerSecond,
        presenceStatesPerSecond,
        clients: clientsById.size,
      })
      return
    }
    case 'exit':
      for (const room of rooms.values()) for (const client of room.clients) closeClient(client)
      process.exit(0)
  }
}

process.on('message', (message: ToWorker) => {
  handle(message).catch((err: unknown) => {
    console.error('load worker:', err)
    process.exit(1)
  })
})
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
