import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { templateDocUpdate } from '../../lib/board/templates/template-doc'
import { addQuickItem, myAgreementIds, setMyMark } from '../../client/phone/phone-board'
import { validateRecord } from '../../server/sync/record-validation'
import type { QuickItem } from '../../lib/board/quick-items'
import { isAreaGrowthOnly } from '../../lib/board/placement'
import { isPhoneRequest } from '../../lib/conference/phone-landing'

/** The phone's short forms write the same records the canvas writes: the server's validation takes them, in their area. */

function boardDoc() {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, templateDocUpdate('familiegroepsplan', { locale: 'nl' }))
  return { doc, records: doc.getMap<unknown>('records') }
}

type Json = { id: string; type: string; x: number; y: number; parentId: string; props: Record<string, unknown>; meta: Record<string, unknown> }
const me = { participantId: 'p-aunt', displayName: 'Tante Fatima' }

function areaOf(records: Y.Map<unknown>, kind: string) {
  const area = [...records.values()].find((r) => (r as Json).type === 'kring-area' && (r as Json).props.area === kind) as Json | undefined
  if (!area) throw new Error(`no ${kind} area`)
  return { x: area.x, y: area.y, w: area.props.w as number, h: area.props.h as number }
}

const inside = (item: Json, box: { x: number; y: number; w: number; h: number }) =>
  item.x >= box.x && item.y >= box.y && item.x + (item.props.w as number) <= box.x + box.w && item.y + (item.props.h as number) <= box.y + box.h

describe('items added from the phone', () => {
  const cases: [QuickItem, string][] = [
    [{ kind: 'card', card: 'worry', text: 'Ze is vaak alleen thuis' }, 'three-columns'],
    [{ kind: 'card', card: 'going-well', text: 'Ze gaat graag naar school' }, 'three-columns'],
    [{ kind: 'person', name: 'Oom Karim', relation: 'oom', group: 'family' }, 'network-rings'],
  ]
  for (const [item, area] of cases) {
    it(`a ${item.kind} ${'card' in item ? item.card : ''} passes the server's record validation and lands in ${area}`, () => {
      const { doc, records } = boardDoc()
      const id = addQuickItem(doc, records, item, me.participantId)
      const record = records.get(id) as Json
      expect(validateRecord(id, record, null)).toMatchObject({ ok: true })
      expect(record.meta.kringCreatedBy).toBe(me.participantId)
      expect(inside(record, areaOf(records, area))).toBe(true)
    })
  }

  it('two worries do not land on top of each other, and the worry sits left of what needs to happen', () => {
    const { doc, records } = boardDoc()
    const a = records.get(addQuickItem(doc, records, { kind: 'card', card: 'worry', text: 'één' }, me.participantId)) as Json
    const b = records.get(addQuickItem(doc, records, { kind: 'card', card: 'worry', text: 'twee' }, me.participantId)) as Json
    const apart = a.x + 240 <= b.x || b.x + 240 <= a.x || a.y + 140 <= b.y || b.y + 140 <= a.y
    expect(apart).toBe(true)
    const columns = areaOf(records, 'three-columns')
    expect(a.x).toBeGreaterThanOrEqual(columns.x + columns.w / 3)
    expect(a.x).toBeLessThan(columns.x + (2 * columns.w) / 3)
  })

  it('when the worries column is full the area grows in the same change, and no worry covers another', () => {
    const { doc, records } = boardDoc()
    const before = areaOf(records, 'three-columns')
    const areaRecord = () => [...records.values()].find((r) => (r as Json).type === 'kring-area' && (r as Json).props.area === 'three-columns')
    const areaBefore = structuredClone(areaRecord())
    let changes = 0
    doc.on('update', () => changes++)
    const ids = Array.from({ length: 14 }, (_, i) => addQuickItem(doc, records, { kind: 'card', card: 'worry', text: `zorg ${i}` }, me.participantId))
    expect(changes).toBe(14)
    const after = areaOf(records, 'three-columns')
    expect(after.h * after.w).toBeGreaterThan(before.h * before.w)
    // Only its size changed: the sync server lets anyone who writes make an area larger, nothing else.
    expect(isAreaGrowthOnly(areaBefore, areaRecord())).toBe(true)
    const worries = ids.map((id) => records.get(id) as Json)
    for (const worry of worries) {
      expect(validateRecord(worry.id, worry, null)).toMatchObject({ ok: true })
      expect(inside(worry, after)).toBe(true)
    }
    for (const a of worries)
      for (const b of worries) if (a !== b) expect(a.x + 240 <= b.x || b.x + 240 <= a.x || a.y + 140 <= b.y || b.y + 140 <= a.y).toBe(true)
  })

  it('an offer of help is an agreement that is hers, and valid', () => {
    const { doc, records } = boardDoc()
    const other = addQuickItem(doc, records, { kind: 'offer', what: 'Ik haal haar op van school', when: 'dinsdag', ownerIds: [] }, 'p-uncle')
    const mine = addQuickItem(doc, records, { kind: 'offer', what: 'Ik bel elke zondag', when: 'zondag', ownerIds: [] }, me.participantId)
    expect(validateRecord(mine, records.get(mine), null)).toMatchObject({ ok: true })
    expect([...myAgreementIds(records.toJSON(), me)]).toEqual([mine])
    expect(myAgreementIds(records.toJSON(), me).has(other)).toBe(false)
  })

  it('her mark on a scale is her own, one per scale, and moves when she changes it', () => {
    const { doc, records } = boardDoc()
    const scaleId = 'shape:scale1'
    const page = [...records.values()].find((r) => (r as { typeName: string }).typeName === 'page') as { id: string }
    records.set(scaleId, { id: scaleId, typeName: 'shape', type: 'kring-scale', x: 0, y: 3000, rotation: 0, index: 'a5', parentId: page.id, isLocked: false, opacity: 1, meta: {}, props: { w: 560, h: 246, question: 'Hoe veilig?' } })
    expect(setMyMark(doc, records, me, 3)).toBe(true)
    expect(setMyMark(doc, records, me, 8)).toBe(true)
    const marks = [...records.values()].filter((r) => (r as Json).type === 'kring-scale-mark') as Json[]
    expect(marks).toHaveLength(1)
    expect(marks[0]!.props).toMatchObject({ participantId: me.participantId, value: 8, name: me.displayName })
    expect(marks[0]!.parentId).toBe(scaleId)
    expect(validateRecord(marks[0]!.id, marks[0], null)).toMatchObject({ ok: true })
  })
})

describe('where the join lands', () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null })
  it('a phone on the phone view, a laptop or tablet on the board', () => {
    expect(isPhoneRequest(headers({ 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36' }))).toBe(true)
    expect(isPhoneRequest(headers({ 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' }))).toBe(true)
    expect(isPhoneRequest(headers({ 'sec-ch-ua-mobile': '?1' }))).toBe(true)
    expect(isPhoneRequest(headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120 Safari/537.36' }))).toBe(false)
    expect(isPhoneRequest(headers({ 'user-agent': 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/120 Safari/537.36' }))).toBe(false)
  })
})
