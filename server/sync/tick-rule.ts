import { BottomLineProps } from '../../lib/board/items'
import { isAnswered, mayTick } from '../../lib/plan/bottom-line-tick'

/**
 * The bottom-line tick rule (issue 11), held by the server as well as the form: a bottom line is
 * ticked off only when an agreement on the board answers it, or with a written reason. The form
 * (client/board/panels/editor/BottomLineForm.tsx) never offers anything else; a device that writes
 * the record directly is refused here.
 *
 * Only a new tick is checked (open → ticked, or a tick rewritten with another time), so a board
 * whose older tick no longer has its agreement (the agreement was removed later) can still be
 * edited; opening a tick again is always allowed.
 */
export function breaksTickRule(previous: unknown, next: unknown, boardAfter: () => Iterable<unknown>, key: string): boolean {
  const after = tickOf(next)
  if (after === null || after.tickedAt === '') return false
  const before = tickOf(previous)
  if (before !== null && before.tickedAt === after.tickedAt && before.tickedBy === after.tickedBy) return false
  return !mayTick(isAnswered(boardAfter(), key), after.tickReason ?? '')
}

function tickOf(value: unknown): { tickedAt: string; tickedBy: string; tickReason?: string } | null {
  if (typeof value !== 'object' || value === null) return null
  const shape = value as { typeName?: unknown; type?: unknown; props?: unknown }
  if (shape.typeName !== 'shape' || shape.type !== 'kring-bottom-line') return null
  const props = BottomLineProps.safeParse(shape.props)
  return props.success ? props.data : null
}
