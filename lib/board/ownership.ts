import type { ItemProps } from './items'

/**
 * Who may do what with a scale mark (`kring-scale-mark`). Every participant places one named
 * mark of their own on a 0–10 scale, and only they may move it: the scale is where each person
 * says for themselves how safe they think things are, so nobody else speaks for them.
 *
 * These are the pure decisions; the board applies them to changes made on this device (tldraw
 * side effects, see app/board/.../items/scale-mark-guard.ts). Changes that arrive from others were
 * decided on their device.
 */

/** A mark as these rules see it: enough of a tldraw shape record. */
export interface MarkLike {
  id: string
  parentId: string
  props: Pick<ItemProps<'kring-scale-mark'>, 'participantId'>
}

/** Who is acting on this device. */
export interface MarkActor {
  participantId: string
  /** The policy lets this person remove others' marks (`scaleMark.remove`: the facilitator, for someone who left); nobody moves them. */
  mayRemoveOthersMarks: boolean
}

/** A change to a mark (move, new value, new name): only by its owner, who cannot give it away. */
export function mayChangeMark(prev: MarkLike, next: MarkLike, actor: MarkActor): boolean {
  if (!actor.participantId) return false
  return prev.props.participantId === actor.participantId && next.props.participantId === actor.participantId
}

/**
 * Removing a mark: its owner; anyone when its scale is removed with it (the mark cannot outlive
 * its scale); the facilitator, to clear the mark of someone who left the conference.
 */
export function mayDeleteMark(mark: MarkLike, actor: MarkActor, context: { scaleRemovedToo: boolean }): boolean {
  if (context.scaleRemovedToo) return true
  if (actor.mayRemoveOthersMarks) return true
  return actor.participantId !== '' && mark.props.participantId === actor.participantId
}

/**
 * A new mark made on this device (placed, pasted, or copied along with a duplicated scale): only
 * one's own, only on a scale, and only one per person per scale.
 */
export function mayCreateMark(
  mark: MarkLike,
  actor: MarkActor,
  context: { parentIsScale: boolean; marksOnScale: readonly MarkLike[] },
): boolean {
  if (!actor.participantId || mark.props.participantId !== actor.participantId) return false
  if (!context.parentIsScale) return false
  return !context.marksOnScale.some((other) => other.id !== mark.id && other.props.participantId === actor.participantId)
}
