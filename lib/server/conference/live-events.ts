import { EventEmitter } from 'node:events'
import type { ConferencePhase } from '../../conference/model'

/**
 * In-process signals from Next's route handlers to the socket servers (same process, separate
 * module graphs, hence one emitter on globalThis). Changes made by another process (the CLI)
 * are picked up by the server's revocation poll instead.
 */
export interface LiveEventMap {
  /** `as: 'removed'`: the facilitator removed them (their meeting hears "removed", as on the instance that removed them). */
  'participant.revoked': [{ conferenceId: string; participantId: string; as?: 'removed' }]
  'participant.invited': [{ conferenceId: string; participantId: string }]
  /** The phase changed (stored already): access is re-decided for every live connection of the conference. */
  'conference.phase-changed': [{ conferenceId: string; phase: ConferencePhase }]
  /** Conference settings changed (e.g. whether the facilitator stays in private time). */
  'conference.settings-changed': [{ conferenceId: string }]
  /** A participant's role or admission changed, or they were removed: re-decide their access. */
  'participant.access-changed': [{ conferenceId: string; participantId: string }]
  /** A restore was stored (board_restores row `restoreId`, also in the board's log): a loaded room applies and relays it. */
  'board.restored': [{ conferenceId: string; restoreId: number }]
  /** A version of the plan was agreed and frozen: the board's history takes a checkpoint. */
  'board.version-agreed': [{ conferenceId: string; version: number }]
  /** A conference is being deleted (marked already, rows about to go): close its board and sockets, write nothing back. */
  'conference.deleted': [{ conferenceId: string }]
}

const KEY = Symbol.for('kring.liveEvents')

export function getLiveEvents(): EventEmitter<LiveEventMap> {
  const holder = globalThis as unknown as Record<symbol, EventEmitter<LiveEventMap> | undefined>
  let emitter = holder[KEY]
  if (!emitter) {
    emitter = new EventEmitter<LiveEventMap>()
    emitter.setMaxListeners(100)
    holder[KEY] = emitter
  }
  return emitter
}
