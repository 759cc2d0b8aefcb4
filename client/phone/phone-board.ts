import type * as Y from 'yjs'
import { CREATED_BY_META } from '@/lib/board/board-structure'
import { indexAbove, newShapeId, quickItemShape, shapeRecord, siblingIndexes, type QuickItem } from '@/lib/board/quick-items'
import { freeLane, laneY, MARK_H, markWidthFor, markXFor } from '../board/canvas/scale-layout'
import { placeNewItem } from '@/lib/board/placement'

/**
 * What the phone view reads from and writes to the board's `records` map: plain JSON, the same
 * records the canvas writes. One Yjs transaction per form, so the board sees one change.
 */

interface ShapeJson {
  id: string
  typeName: string
  type: string
  parentId: string
  x: number
  y: number
  index: string
  meta?: Record<string, unknown>
  props: Record<string, unknown>
}

export function shapesOfType(records: Record<string, unknown>, type: string): ShapeJson[] {
  return Object.values(records).filter(
    (value): value is ShapeJson => typeof value === 'object' && value !== null && (value as ShapeJson).typeName === 'shape' && (value as ShapeJson).type === type,
  )
}

const sameName = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLocaleLowerCase() !== '' && a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

/** Person shapes that are this person (by the name on the card). */
export function myPersonIds(records: Record<string, unknown>, displayName: string): string[] {
  return shapesOfType(records, 'kring-person')
    .filter((person) => sameName(person.props.name, displayName))
    .map((person) => person.id)
}

/** Agreements that are hers: she carries them out (a person card with her name), or she added them. */
export function myAgreementIds(records: Record<string, unknown>, me: { participantId: string; displayName: string }): Set<string> {
  const mine = new Set(myPersonIds(records, me.displayName))
  return new Set(
    shapesOfType(records, 'kring-agreement')
      .filter((agreement) => {
        const owners = Array.isArray(agreement.props.ownerIds) ? (agreement.props.ownerIds as unknown[]) : []
        return owners.some((id) => typeof id === 'string' && mine.has(id)) || agreement.meta?.[CREATED_BY_META] === me.participantId
      })
      .map((agreement) => agreement.id),
  )
}

/**
 * Add an item from a form where the board's palette would put it (lib/board/placement): in its
 * area and its part of it, next to what is there; when the area is full it grows and its items
 * move with it, in the same transaction, so the board sees one change. Returns the item's id.
 */
export function addQuickItem(doc: Y.Doc, records: Y.Map<unknown>, item: QuickItem, createdBy: string): string {
  const snapshot = records.toJSON() as Record<string, unknown>
  const { type, props } = quickItemShape(item)
  const placement = placeNewItem(Object.values(snapshot), { type, props, w: props.w as number, h: props.h as number })
  const id = newShapeId()
  const record = shapeRecord({ id, type, props, x: placement.x, y: placement.y, parentId: placement.parentId, index: indexAbove(siblingIndexes(snapshot, placement.parentId)), createdBy })
  doc.transact(() => {
    const area = placement.grow ? (snapshot[placement.grow.id] as ShapeJson | undefined) : undefined
    if (placement.grow && area) records.set(area.id, { ...area, props: { ...area.props, w: placement.grow.w, h: placement.grow.h } })
    for (const move of placement.moved) {
      const shape = snapshot[move.id] as ShapeJson | undefined
      if (shape) records.set(shape.id, { ...shape, x: move.x, y: move.y })
    }
    records.set(id, record)
  })
  return id
}

/** The first scale on the board (reading order) and her mark on it, if any. */
export function scaleAndMark(records: Record<string, unknown>, participantId: string): { scale: ShapeJson | null; mark: ShapeJson | null } {
  const scales = shapesOfType(records, 'kring-scale').sort((a, b) => a.y - b.y || a.x - b.x)
  const scale = scales[0] ?? null
  if (!scale) return { scale: null, mark: null }
  const mark = shapesOfType(records, 'kring-scale-mark').find((m) => m.parentId === scale.id && m.props.participantId === participantId) ?? null
  return { scale, mark }
}

/** Put her mark on the scale at `value`, or move it there: only her own, one per scale. */
export function setMyMark(doc: Y.Doc, records: Y.Map<unknown>, me: { participantId: string; displayName: string }, value: number): boolean {
  const snapshot = records.toJSON() as Record<string, unknown>
  const { scale, mark } = scaleAndMark(snapshot, me.participantId)
  if (!scale) return false
  const scaleW = typeof scale.props.w === 'number' ? scale.props.w : 560
  const name = [...me.displayName].slice(0, 80).join('')
  const w = markWidthFor(name)
  const x = Math.round(markXFor(scaleW, value, w))
  const others = shapesOfType(snapshot, 'kring-scale-mark')
    .filter((other) => other.parentId === scale.id && other.id !== mark?.id)
    .map((other) => ({ x: other.x, y: other.y, w: typeof other.props.w === 'number' ? other.props.w : 88 }))
  const y = laneY(freeLane(others, x, w))
  doc.transact(() => {
    if (mark) {
      records.set(mark.id, { ...mark, x, y, props: { ...mark.props, value, w } })
    } else {
      const id = newShapeId()
      const props = { w, h: MARK_H, participantId: me.participantId, name, value }
      records.set(id, shapeRecord({ id, type: 'kring-scale-mark', props, x, y, parentId: scale.id, index: indexAbove(siblingIndexes(snapshot, scale.id)), createdBy: me.participantId }))
    }
  })
  return true
}
