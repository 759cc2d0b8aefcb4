import type * as Y from 'yjs'
import { AgreementProps, BottomLineProps, type ItemProps } from '../board/items'
import { recordsMapOf } from '../sync/document-format'

/**
 * Ticking a bottom line off (plan en afspraken): a professional says the plan meets this
 * condition. It is an edit of the bottom line like any other, written into the board's document,
 * so the board, every plan view and the next frozen version follow. Who may do it is decided by
 * lib/conference/policy.ts (`bottomLine.write`); the sync server refuses it from anyone else.
 *
 * The rule (issue 11): a bottom line is ticked off only when an agreement answers it, or with a
 * reason the professional writes down ("De school heeft dit al geregeld"), kept in the bottom
 * line's props (`tickReason`) and shown wherever the tick is. A tick without either is not
 * written: a bottom line showing "Nog geen afspraak" cannot silently read as met.
 */

/** The professional ticking it off, as the board shows them. */
export interface Ticker {
  participantId: string
  name: string
}

type TickProps = Pick<ItemProps<'kring-bottom-line'>, 'tickedBy' | 'tickedByName' | 'tickedAt' | 'tickReason'>

const NAME_MAX = 80
export const TICK_REASON_MAX = 500

/** Whether a tick may be written: an agreement answers the bottom line, or there is a reason. */
export function mayTick(answered: boolean, reason = ''): boolean {
  return answered || reason.trim() !== ''
}

/**
 * The props of a bottom line ticked off by `by` at `at` (with the reason when no agreement answers
 * it); `by` null opens it again and clears the reason.
 */
export function tickProps(by: Ticker | null, at: Date = new Date(), reason = ''): TickProps {
  if (by === null) return { tickedBy: '', tickedByName: '', tickedAt: '', tickReason: '' }
  return {
    tickedBy: by.participantId,
    tickedByName: [...by.name].slice(0, NAME_MAX).join(''),
    tickedAt: at.toISOString(),
    tickReason: [...reason.trim()].slice(0, TICK_REASON_MAX).join(''),
  }
}

/** Whether an agreement among `records` says it answers the bottom line `id`. */
export function isAnswered(records: Iterable<unknown>, id: string): boolean {
  for (const record of records) {
    if (typeof record !== 'object' || record === null) continue
    const shape = record as { typeName?: unknown; type?: unknown; props?: unknown }
    if (shape.typeName !== 'shape' || shape.type !== 'kring-agreement') continue
    const props = AgreementProps.safeParse(shape.props)
    if (props.success && props.data.answers.includes(id)) return true
  }
  return false
}

/**
 * Tick the bottom line `id` off (or open it again) in the board's document: the whole record with
 * only those props changed, in one transaction. False when `id` is not a bottom line with valid
 * props (deleted meanwhile, or written by a broken client), when the tick would not be valid, or
 * when no agreement answers it and no reason was given.
 */
export function setBottomLineTick(doc: Y.Doc, id: string, by: Ticker | null, at: Date = new Date(), reason = ''): boolean {
  const records = recordsMapOf(doc)
  const record = records.get(id)
  if (typeof record !== 'object' || record === null) return false
  const shape = record as { typeName?: unknown; type?: unknown; props?: unknown }
  if (shape.typeName !== 'shape' || shape.type !== 'kring-bottom-line') return false
  if (by !== null && !mayTick(isAnswered(records.values(), id), reason)) return false
  const props = BottomLineProps.safeParse({ ...(shape.props as object), ...tickProps(by, at, reason) })
  if (!props.success) return false
  doc.transact(() => records.set(id, { ...record, props: { ...(shape.props as object), ...props.data } }))
  return true
}
