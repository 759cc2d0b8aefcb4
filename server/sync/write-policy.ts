import type { ConferencePhase, ParticipantRole } from '../../lib/conference/model'
import { may, type PolicyAction, type PolicyContext } from '../../lib/conference/policy'
import type { UpdateEffect } from './record-guard'

/** Who is writing, as the sync server knows them now (role, phase and context follow live changes). */
export interface Writer {
  readonly participantId: string
  readonly conferenceId: string
  readonly role: ParticipantRole
  readonly phase: ConferencePhase
  readonly policyContext: PolicyContext
}

import { WriteRefusal } from '../../lib/protocol/close-codes'

export { WriteRefusal }

/** Whether a document write from a connection is accepted, and if not, why (sent to the client). */
export type WriteDecision = { allowed: true } | { allowed: false; reason: string }

/**
 * The one place that decides whether an incoming document write is accepted. Every update and
 * sync step 2 that would change the document passes through it before it is stored or applied,
 * with what it would change (record-guard.ts). A refused write is refused whole, reported back to
 * the client (y-protocols permission-denied) and logged, never dropped silently.
 */
export type WritePolicy = (writer: Writer, effect: UpdateEffect) => WriteDecision

/**
 * Kring's policy (lib/conference/policy.ts): `board.write` for anything but bottom lines,
 * `bottomLine.write` for bottom lines; an update that needs both needs both. Whether the writer
 * is admitted at all is the gate's read decision (access.ts): a connection that may no longer
 * read the board is closed before its next message is handled.
 */
export const policyWritePolicy: WritePolicy = (writer, effect) => {
  const allowed = (action: PolicyAction) => may(writer.role, writer.phase, action, writer.policyContext)
  if (effect.touchesOther && !allowed('board.write')) return { allowed: false, reason: WriteRefusal.ReadOnly }
  if (effect.touchesBottomLine && !allowed('bottomLine.write')) {
    // Someone who may not write at all is told so, rather than about bottom lines in particular.
    return { allowed: false, reason: allowed('board.write') ? WriteRefusal.BottomLine : WriteRefusal.ReadOnly }
  }
  // A scale mark is its owner's: only they move it. Removing someone else's mark (someone who
  // left) belongs to whoever manages the participants; the policy has no action of its own for it yet.
  const othersMark = effect.scaleMarks.some(
    ({ owner, change }) => owner !== writer.participantId && !(change === 'delete' && allowed('scaleMark.remove')),
  )
  if (othersMark) return { allowed: false, reason: WriteRefusal.ScaleMark }
  return { allowed: true }
}
