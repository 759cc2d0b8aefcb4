import type { ConferencePhase, ParticipantRole } from '../../lib/conference/model'
import { may, type PolicyAction, type PolicyContext } from '../../lib/conference/policy'
import { decideRecordRules, type CreatorOf, type RecordRuleDecision } from './delete-rules'
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

/** What the policy knows about the board beyond the update: who added each record (record-creators.ts). */
export interface BoardFacts {
  creatorOf: CreatorOf
}

/** A board of which nobody is known to have added anything: only the facilitator removes items. */
export const NO_KNOWN_CREATORS: BoardFacts = { creatorOf: () => undefined }

/** Told of every refusal by the record rules, to log a mass deletion as such. */
export type RecordRefusalListener = (writer: Writer, decision: Extract<RecordRuleDecision, { allowed: false }>) => void

/**
 * Kring's policy (lib/conference/policy.ts) for one board: `board.write` for anything but bottom
 * lines, `bottomLine.write` for bottom lines (an update that needs both needs both); scale marks
 * are their owners'; and the record rules (delete-rules.ts): others' items are removed and the
 * structure is touched only with `board.arrange`. Whether the writer is admitted at all is the
 * gate's read decision (access.ts): a connection that may no longer read the board is closed
 * before its next message is handled.
 *
 * A mass deletion is reported as `delete` before any other reason (it is what the person just
 * did); otherwise the reasons come in the order above.
 */
export function boardWritePolicy(board: BoardFacts, onRecordRefusal?: RecordRefusalListener): WritePolicy {
  return (writer, effect) => {
    const allowed = (action: PolicyAction) => may(writer.role, writer.phase, action, writer.policyContext)
    if (effect.touchesOther && !allowed('board.write')) return { allowed: false, reason: WriteRefusal.ReadOnly }
    const records = decideRecordRules({ participantId: writer.participantId, arranges: allowed('board.arrange') }, effect, board.creatorOf)
    if (!records.allowed) onRecordRefusal?.(writer, records)
    if (!records.allowed && records.mass) return { allowed: false, reason: records.reason }
    if (effect.touchesBottomLine && !allowed('bottomLine.write')) {
      // Someone who may not write at all is told so, rather than about bottom lines in particular.
      return { allowed: false, reason: allowed('board.write') ? WriteRefusal.BottomLine : WriteRefusal.ReadOnly }
    }
    // A scale mark is its owner's: only they move it. Removing someone else's mark (someone who
    // left) is 'scaleMark.remove'.
    const othersMark = effect.scaleMarks.some(
      ({ owner, change }) => owner !== writer.participantId && !(change === 'delete' && allowed('scaleMark.remove')),
    )
    if (othersMark) return { allowed: false, reason: WriteRefusal.ScaleMark }
    if (!records.allowed) return { allowed: false, reason: records.reason }
    return { allowed: true }
  }
}

/** The policy without knowledge of the board's creators (nobody's items are anyone's to remove). */
export const policyWritePolicy: WritePolicy = boardWritePolicy(NO_KNOWN_CREATORS)
