import { AwarenessState, MAX_AWARENESS_DEPTH, MAX_AWARENESS_STATE_BYTES } from '../../lib/sync/presence'
import { jsonNestsDeeper } from './protocol'

/** Why a client's presence state was dropped (logged, never the content). */
export type PresenceDropReason = 'too-large' | 'too-deep' | 'not-utf8' | 'not-json' | 'not-kring' | 'not-sender'

export type PresenceRead = { ok: true; state: AwarenessState; json: string } | { ok: false; reason: PresenceDropReason }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A presence state as a client sent it (its JSON text), read once: bounded, decoded, parsed, checked
 * against Kring's AwarenessState and against the sender (its `user.id` must be the sender's
 * participant), then written back as the JSON text that is kept and relayed, with only the fields the
 * schema knows. Nothing here throws: a bad state is a reason, the connection stays open.
 */
export function readPresenceState(bytes: Uint8Array, senderParticipantId: string): PresenceRead {
  // Bounded before parsing: JSON.stringify of a deeply nested state overflows the stack later
  // (when the room encodes presence for a joiner), so such a state must never be kept.
  if (bytes.length > MAX_AWARENESS_STATE_BYTES) return { ok: false, reason: 'too-large' }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { ok: false, reason: 'not-utf8' }
  }
  if (jsonNestsDeeper(text, MAX_AWARENESS_DEPTH)) return { ok: false, reason: 'too-deep' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'not-json' }
  }
  const parsed = AwarenessState.safeParse(value)
  if (!parsed.success) return { ok: false, reason: 'not-kring' }
  if (parsed.data.user.id !== senderParticipantId) return { ok: false, reason: 'not-sender' }
  return { ok: true, state: parsed.data, json: JSON.stringify(parsed.data) }
}
