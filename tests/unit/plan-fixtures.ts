import { toRichText } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { itemDefaults, TIE_META_KEY, type ItemProps, type ItemType, type TieKind } from '../../lib/board/items'

/**
 * Board documents for the plan tests, built as the README's document format says: a Y.Map
 * `records` of plain tldraw record JSON. No tldraw store, so the tests can also write what a
 * broken or older client might (invalid props, dangling references).
 */

export const PAGE = 'page:page'

export function page(): Record<string, unknown> {
  return { id: PAGE, typeName: 'page', name: 'Bord', index: 'a1', meta: {} }
}

interface Placement {
  x?: number
  y?: number
  parentId?: string
  meta?: Record<string, unknown>
}

/** A Kring item record: the type's defaults with `props` on top. */
export function item<K extends ItemType>(type: K, name: string, props: Partial<ItemProps<K>>, at: Placement = {}): Record<string, unknown> {
  return shape(type, name, { ...itemDefaults[type], ...props }, at)
}

/** Any shape record, props taken as given (for tldraw shapes and for invalid Kring props). */
export function shape(type: string, name: string, props: unknown, at: Placement = {}): Record<string, unknown> {
  return {
    id: shapeId(name),
    typeName: 'shape',
    type,
    parentId: at.parentId ?? PAGE,
    index: 'a1',
    x: at.x ?? 0,
    y: at.y ?? 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: at.meta ?? {},
    props,
  }
}

export function shapeId(name: string): string {
  return `shape:${name}`
}

// tldraw 5.4's arrow props, as its editor writes them.
export const arrowProps = {
  kind: 'arc',
  labelColor: 'black',
  color: 'black',
  fill: 'none',
  dash: 'draw',
  size: 'm',
  arrowheadStart: 'none',
  arrowheadEnd: 'arrow',
  font: 'draw',
  start: { x: 0, y: 0 },
  end: { x: 100, y: 0 },
  bend: 0,
  richText: toRichText(''),
  labelPosition: 0.5,
  scale: 1,
  elbowMidPoint: 0.5,
}

/** A tie: an arrow with `meta.kringTie`, bound at its ends to the given shapes (names), and its two bindings. */
export function tie(name: string, kind: TieKind | string, from: string | null, to: string | null): Record<string, unknown>[] {
  const arrow = shape('arrow', name, arrowProps, { meta: { [TIE_META_KEY]: kind } })
  const bindings = [
    from === null ? null : binding(`${name}-start`, name, from, 'start'),
    to === null ? null : binding(`${name}-end`, name, to, 'end'),
  ]
  return [arrow, ...bindings.filter((record) => record !== null)]
}

export function binding(name: string, arrowName: string, toName: string, terminal: 'start' | 'end'): Record<string, unknown> {
  return {
    id: `binding:${name}`,
    typeName: 'binding',
    type: 'arrow',
    fromId: shapeId(arrowName),
    toId: shapeId(toName),
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    meta: {},
  }
}

/** Records by id, as `records.toJSON()` gives them. */
export function recordsOf(...records: (Record<string, unknown> | Record<string, unknown>[])[]): Record<string, unknown> {
  const byId: Record<string, unknown> = {}
  for (const record of records.flat()) byId[String(record.id)] = record
  return byId
}

/** A Yjs board document holding these records. */
export function boardDoc(records: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc()
  const map = doc.getMap<unknown>('records')
  doc.transact(() => {
    for (const [id, record] of Object.entries(records)) map.set(id, record)
  })
  return doc
}
