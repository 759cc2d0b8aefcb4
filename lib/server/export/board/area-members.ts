import { areaKinds, type AreaKind } from '../../../board/items'
import type { AreaOnPage, BoardLayout, ItemOnPage } from '../../../board/placement/board-reading'
import { homeArea } from '../../../board/placement/place-new-item'
import { transformBox } from './geometry'
import type { Scene, SceneShape } from './scene'

/**
 * Which area each shape of the board image belongs to, decided as the rest of Kring decides it:
 * the placement's `homeArea` (lib/board/placement): of the areas under the item's centre, one
 * that holds its kind, else the smallest. So a worry of the columns that reaches over the rings
 * is the columns', wherever its edge lies, and a PDF page of the rings does not show it.
 *
 * - A shape inside another shape (a scale's marks, a frame's contents) goes with its top shape;
 *   a shape inside an area is that area's.
 * - An arrow bound at both ends is the area both ends belong to (an end on an area itself, the
 *   family in the rings' centre, is that area's); one between two areas belongs to none of them
 *   (`BETWEEN`): only the whole-board overview shows it, as no area page shows its other end.
 *   Any other arrow is placed by its box, like an item.
 * - A shape on no area is `null`: the export prints those on a page of their own.
 */

export const BETWEEN = 'between'
export type Membership = string | null

const AREA_KINDS: readonly string[] = areaKinds

function areaOf(shape: SceneShape): AreaOnPage | null {
  if (shape.type !== 'kring-area' || !AREA_KINDS.includes(String(shape.props.area))) return null
  const box = transformBox(shape.matrix, shape.local)
  const variant = typeof shape.props.variant === 'number' ? shape.props.variant : 0
  return { id: shape.id, kind: shape.props.area as AreaKind, variant, pageId: '', ...box }
}

/** The membership of each shape of the scene, by id. */
export function areaMembers(scene: Scene): Map<string, Membership> {
  const areas = scene.shapes.map(areaOf).filter((a): a is AreaOnPage => a !== null)
  const board: BoardLayout = { pageId: '', areas, items: [] }
  const areaIds = new Set(areas.map((a) => a.id))
  const members = new Map<string, Membership>()

  const byBox = (shape: SceneShape): Membership => {
    const item: ItemOnPage = { id: shape.id, type: shape.type, parentId: '', pageId: '', box: transformBox(shape.matrix, shape.local), props: shape.props }
    return homeArea(board, item)?.id ?? null
  }
  // Parents come before their children in the scene (paint order), so a child finds its parent's.
  for (const shape of scene.shapes) {
    if (areaIds.has(shape.id)) members.set(shape.id, shape.id)
    else if (areaIds.has(shape.parentId)) members.set(shape.id, shape.parentId)
    else if (members.has(shape.parentId)) members.set(shape.id, members.get(shape.parentId)!)
    else if (shape.type !== 'arrow') members.set(shape.id, byBox(shape))
  }
  for (const shape of scene.shapes) {
    if (shape.type !== 'arrow' || members.has(shape.id)) continue
    const ends = scene.bindings.filter((b) => b.arrowId === shape.id).map((b) => members.get(b.targetId))
    const bound = ends.length === 2 && ends.every((end) => end !== undefined)
    if (!bound) members.set(shape.id, byBox(shape))
    else members.set(shape.id, ends[0] === ends[1] ? ends[0]! : BETWEEN)
  }
  return members
}
