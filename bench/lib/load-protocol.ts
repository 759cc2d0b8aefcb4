/**
 * The messages between a benchmark and its load workers (bench/lib/load-worker.ts), over Node's
 * IPC channel. Times are absolute milliseconds (`performance.timeOrigin + performance.now()`), so
 * a room whose clients sit in several workers can still be timed; the pool checks the workers'
 * clocks against its own (`clock`).
 */

/** One simulated person: a stock y-websocket provider in a worker. */
export interface ClientSpec {
  /** Unique in the whole run. */
  id: string
  /** The benchmark's name for the room (Kring's conference and the baseline's room differ). */
  room: string
  /** ws://host:port/sync */
  serverUrl: string
  /** The document name the provider asks for. */
  docName: string
  /** Kring's invitation token (none for the bare server). */
  token?: string
  /** The participant id the presence says it is (Kring checks it against the token). */
  participantId: string
  /** Index in its room: the shape it edits is `shape:bench-<room>-<index>`. */
  index: number
}

/** Per-room load the worker itself drives (capacity): every client edits and moves its cursor. */
export interface AutonomousLoad {
  editHz: number
  presenceHz: number
}

export type ToWorker =
  | { type: 'open'; requestId: number; clients: ClientSpec[] }
  | { type: 'close-room'; requestId: number; room: string }
  | { type: 'clock'; requestId: number }
  /** Presence at this rate for the room's clients (0 stops it); fan-out turns it on for the room measured. */
  | { type: 'presence'; requestId: number; room: string; hz: number }
  /** One edit by one client; the worker answers with when it was made. Receivers report `arrived`. */
  | { type: 'edit'; requestId: number; clientId: string; seq: number }
  /** Fan-out: report arrivals of this room's edits to the parent. */
  | { type: 'watch'; requestId: number; room: string }
  /** Capacity: every client of every room opened from now on edits and moves on its own. */
  | { type: 'autonomous'; requestId: number; load: AutonomousLoad | null }
  /** Start a measuring window: edits made from now on are timed; the worker's own CPU and event-loop lag too. */
  | { type: 'window-start'; requestId: number }
  /**
   * End it: after `graceMs`, the latencies of the window's edits (edits not yet everywhere by then
   * count with their age).
   */
  | { type: 'window-end'; requestId: number; graceMs: number }
  | { type: 'exit' }

export interface GeneratorHealth {
  /** CPU the worker used over the window, as a fraction of one core. */
  cpu: number
  /** Event-loop delay p99 and max over the window (ms): when high, the worker timed late. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'opened'; requestId: number; synced: number; failed: string[] }
  | { type: 'done'; requestId: number }
  | { type: 'clock'; requestId: number; now: number }
  | { type: 'sent'; requestId: number; at: number }
  | { type: 'arrived'; clientId: string; seq: number; at: number }
  | {
      type: 'window'
      requestId: number
      /** Edit latencies (ms, sender's edit to the room's last receiver) of edits made in the window. */
      latencies: number[]
      /** Of those, how many had not reached every receiver when the window ended. */
      late: number
      health: GeneratorHealth
      /**
       * Presence messages, and the states in them, its clients received per second over the window,
       * and how many clients it holds.
       */
      presencePerSecond: number
      presenceStatesPerSecond: number
      clients: number
    }
