/**
 * Shapes whose parents lead back to themselves (a → b → a) make tldraw walk the chain forever:
 * the tab hangs and so does everyone else's who opens the board. A board stored by an older
 * server can hold such a cycle, so the browser breaks it before the records reach the store.
 */

/** What this needs of a record: tldraw's id, type name and (for shapes) parent. */
export interface ParentedRecord {
  id: string
  typeName: string
  parentId?: string
}

export interface BrokenCycles<R extends ParentedRecord> {
  /** The incoming records, each shape of a cycle put on `pageId` (the rest unchanged, same objects). */
  records: R[]
  /** The ids of the shapes that were moved onto the page. */
  reparented: string[]
}

/**
 * Follow every incoming shape's parents (an incoming record wins over `existingParentOf`, which
 * answers for what the store already holds) and move each shape that is part of a cycle onto
 * `pageId`, keeping its position numbers. One shape per cycle would do; all of them go, so no
 * half-cycle is left that a later edit of one could close again, and the result does not depend
 * on the order the records came in.
 *
 * Pure: nothing is changed in place. Shapes that merely hang below a cycle keep their parent
 * (it is on the page now).
 */
export function breakParentCycles<R extends ParentedRecord>(
  incoming: readonly R[],
  existingParentOf: (id: string) => string | undefined,
  pageId: string,
): BrokenCycles<R> {
  const incomingParent = new Map<string, string | undefined>()
  for (const record of incoming) if (record.typeName === 'shape') incomingParent.set(record.id, record.parentId)
  const parentOf = (id: string) => (incomingParent.has(id) ? incomingParent.get(id) : existingParentOf(id))
  const isShapeId = (id: string | undefined): id is string => id !== undefined && id.startsWith('shape:')

  const inCycle = new Set<string>()
  // Shapes already known to reach a page (or a missing parent): no need to walk them again.
  const settled = new Set<string>()
  for (const start of incomingParent.keys()) {
    const path: string[] = []
    const onPath = new Map<string, number>()
    let at: string | undefined = start
    while (isShapeId(at) && !settled.has(at) && !inCycle.has(at)) {
      const seenAt = onPath.get(at)
      if (seenAt !== undefined) {
        for (const id of path.slice(seenAt)) inCycle.add(id)
        break
      }
      onPath.set(at, path.length)
      path.push(at)
      at = parentOf(at)
    }
    for (const id of path) if (!inCycle.has(id)) settled.add(id)
  }

  const reparented: string[] = []
  const records = incoming.map((record) => {
    if (record.typeName !== 'shape' || !inCycle.has(record.id)) return record
    reparented.push(record.id)
    return { ...record, parentId: pageId }
  })
  // A cycle through shapes only in the store (not incoming) cannot be: the store never held one.
  return { records, reparented }
}
