import * as Y from 'yjs'
import { baseBoardUpdate, note } from './board-records'

/**
 * A large board as the server stores it: the base board (document, page, schema) and `records`
 * cards, each with its own text and place, as one encoded Yjs update (what a snapshot holds).
 */
export function bigBoardUpdate(records: number): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, baseBoardUpdate())
  const map = doc.getMap('records')
  doc.transact(() => {
    for (let i = 0; i < records; i++) {
      map.set(`shape:card-${i}`, { ...note(`shape:card-${i}`, `Kaart ${i}: wie helpt op dinsdag en donderdag?`), x: (i % 200) * 260, y: Math.floor(i / 200) * 140 })
    }
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
