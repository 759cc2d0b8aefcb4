import type * as Y from 'yjs'
import { BottomLineProps, type ItemProps } from '../board/items'
import { recordsMapOf } from '../sync/document-format'

/**
 * Ticking a bottom line off (plan en afspraken): a professional says the plan meets this
 * condition. It is an edit of the bottom line like any other, written into the board's document,
 * so the board, every plan view and the next frozen version follow. Who may do it is decided by
 * lib/conference/policy.ts (`bottomLine.write`); the sync server refuses it from anyone else.
 */

/** The professional ticking it off, as the board shows them. */
export interface Ticker {
  participantId: string
  name: string
}

type TickProps = Pick<ItemProps<'kring-bottom-line'>, 'tickedBy' | 'tickedByName' | 'tickedAt'>

const NAME_MAX = 80

/** The three props of a bottom line ticked off by `by` at `at`; `by` null opens it again. */
export function tickProps(by: Ticker | null, at: Date = new Date()): TickProps {
  if (by === null) return { tickedBy: '', tickedByName: '', tickedAt: '' }
  return { tickedBy: by.participantId, tickedByName: [...by.name].slice(0, NAME_MAX).join(''), tickedAt: at.toISOString() }
}

/**
 * Tick the bottom line `id` off (or open it again) in the board's document: the whole record with
 * only those props changed, in one transaction. False when `id` is not a bottom line with valid
 * props (deleted meanwhile, or written by a broken client), or the tick would not be valid.
 */
export function setBottomLineTick(doc: Y.Doc, id: string, by: Ticker | null, at: Date = new Date()): boolean {
  const records = recordsMapOf(doc)
  const record = records.get(id)
  if (typeof record !== 'object' || record === null) return false
  const shape = record as { typeName?: unknown; type?: unknown; props?: unknown }
  if (shape.typeName !== 'shape' || shape.type !== 'kring-bottom-line') return false
  const props = BottomLineProps.safeParse({ ...(shape.props as object), ...tickProps(by, at) })
  if (!props.success) return false
  doc.transact(() => records.set(id, { ...record, props: { ...(shape.props as object), ...props.data } }))
  return true
}
