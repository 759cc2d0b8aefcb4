import { describe, expect, it } from 'vitest'
import { WriteRefusal } from '../../lib/protocol/close-codes'
import { decideRecordRules, MASS_DELETE_LIMIT, type RecordActor } from '../../server/sync/delete-rules'
import type { RecordTouch, UpdateEffect } from '../../server/sync/record-guard'
import { boardWritePolicy, type Writer } from '../../server/sync/write-policy'

const shape = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ id, typeName: 'shape', type, x: 0, y: 0, meta: {}, props: {}, ...extra })
const card = (id: string) => shape(id, 'kring-card')
const area = (id: string) => shape(id, 'kring-area')
const page = { id: 'page:page', typeName: 'page', name: 'Bord' }
const documentRecord = { id: 'document:document', typeName: 'document', name: '' }

const write = (key: string, value: unknown, previous?: unknown): RecordTouch => ({ change: 'write', key, value, previous })
const remove = (key: string, value: unknown): RecordTouch => ({ change: 'delete', key, value })

// Who added what, as the server recorded it. Template records (areas, the central question) have no creator.
const creators: Record<string, string> = {
  'shape:amira-1': 'amira',
  'shape:amira-2': 'amira',
  'shape:sanne-1': 'sanne',
  'shape:sanne-2': 'sanne',
  'shape:sanne-3': 'sanne',
  'shape:sanne-4': 'sanne',
  'binding:sanne-arrow': 'sanne',
}
const creatorOf = (key: string) => creators[key]

const amira: RecordActor = { participantId: 'amira', arranges: false }
const fenna: RecordActor = { participantId: 'fenna', arranges: true }

const refused = (reason: typeof WriteRefusal.Delete | typeof WriteRefusal.Locked, othersRemoved: number): ReturnType<typeof decideRecordRules> => ({
  allowed: false,
  reason,
  othersRemoved,
  mass: othersRemoved > MASS_DELETE_LIMIT,
})

describe('delete rules: who removes what, who touches the structure', () => {
  const rows: [string, RecordActor, RecordTouch[], ReturnType<typeof decideRecordRules>][] = [
    ['anyone adds a card', amira, [write('shape:new', card('shape:new'))], { allowed: true }],
    ["anyone moves and edits someone else's card", amira, [write('shape:sanne-1', { ...card('shape:sanne-1'), x: 40 }, card('shape:sanne-1'))], { allowed: true }],
    ['anyone edits a template item', amira, [write('shape:question', { ...card('shape:question'), x: 1 }, card('shape:question'))], { allowed: true }],
    ['one removes a card one added', amira, [remove('shape:amira-1', card('shape:amira-1'))], { allowed: true }],
    ['one removes two cards one added', amira, [remove('shape:amira-1', card('shape:amira-1')), remove('shape:amira-2', card('shape:amira-2'))], { allowed: true }],
    ["one removes someone else's card", amira, [remove('shape:sanne-1', card('shape:sanne-1'))], refused(WriteRefusal.Delete, 1)],
    ["one's own card and someone else's in one update: refused whole", amira, [remove('shape:amira-1', card('shape:amira-1')), remove('shape:sanne-1', card('shape:sanne-1'))], refused(WriteRefusal.Delete, 1)],
    ['a template item (nobody added it)', amira, [remove('shape:question', card('shape:question'))], refused(WriteRefusal.Delete, 1)],
    ['an overwritten record is not removed', amira, [write('shape:sanne-1', card('shape:sanne-1'), card('shape:sanne-1')), remove('shape:sanne-1', card('shape:sanne-1'))], { allowed: true }],
    ["removing the arrow binding of someone else's arrow (with one's own card)", amira, [remove('shape:amira-1', card('shape:amira-1')), remove('binding:sanne-arrow', { typeName: 'binding' })], { allowed: true }],
    ["someone else's scale mark is the scale-mark rule's", amira, [remove('shape:mark', shape('shape:mark', 'kring-scale-mark'))], { allowed: true }],
    ['moving an area', amira, [write('shape:area', { ...area('shape:area'), x: 9 }, area('shape:area'))], refused(WriteRefusal.Locked, 0)],
    ['turning an area into a card', amira, [write('shape:area', card('shape:area'), area('shape:area'))], refused(WriteRefusal.Locked, 0)],
    ['adding an area', amira, [write('shape:new-area', area('shape:new-area'))], refused(WriteRefusal.Locked, 0)],
    ['renaming the page', amira, [write('page:page', { ...page, name: 'Mijn bord' }, page)], refused(WriteRefusal.Locked, 0)],
    ['adding a page', amira, [write('page:second', { ...page, id: 'page:second' })], refused(WriteRefusal.Locked, 0)],
    ['changing the document record', amira, [write('document:document', { ...documentRecord, name: 'x' }, documentRecord)], refused(WriteRefusal.Locked, 0)],
    ['a crafted value under a page key', amira, [write('page:page', card('page:page'), page)], refused(WriteRefusal.Locked, 0)],
    ['removing an area', amira, [remove('shape:area', area('shape:area'))], refused(WriteRefusal.Delete, 1)],
    ['removing the page', amira, [remove('page:page', page)], refused(WriteRefusal.Delete, 1)],
    [
      `removing ${MASS_DELETE_LIMIT} of others' items is not yet a mass deletion`,
      amira,
      [remove('shape:sanne-1', card('shape:sanne-1')), remove('shape:sanne-2', card('shape:sanne-2')), remove('shape:area', area('shape:area'))],
      refused(WriteRefusal.Delete, MASS_DELETE_LIMIT),
    ],
    [
      'select all, delete: a mass deletion',
      amira,
      [
        ...['shape:amira-1', 'shape:sanne-1', 'shape:sanne-2', 'shape:sanne-3', 'shape:sanne-4'].map((k) => remove(k, card(k))),
        remove('shape:area', area('shape:area')),
        remove('page:page', page),
        remove('document:document', documentRecord),
      ],
      refused(WriteRefusal.Delete, 7),
    ],
    ['the facilitator removes anything', fenna, [remove('shape:sanne-1', card('shape:sanne-1')), remove('shape:area', area('shape:area')), remove('page:page', page)], { allowed: true }],
    ['the facilitator arranges the structure', fenna, [write('shape:area', { ...area('shape:area'), x: 9 }, area('shape:area')), write('shape:new-area', area('shape:new-area'))], { allowed: true }],
  ]

  it.each(rows)('%s', (_name, actor, records, expected) => {
    expect(decideRecordRules(actor, { records }, creatorOf)).toEqual(expected)
  })

  it("the same key removed twice in one update counts once", () => {
    expect(decideRecordRules(amira, { records: [remove('shape:sanne-1', card('shape:sanne-1')), remove('shape:sanne-1', card('shape:sanne-1'))] }, creatorOf)).toEqual(
      refused(WriteRefusal.Delete, 1),
    )
  })
})

describe('the write policy asks the delete rules with the policy and the board', () => {
  const writer = (participantId: string, role: Writer['role'], phase: Writer['phase'] = 'informatie'): Writer => ({
    participantId,
    conferenceId: 'c',
    role,
    phase,
    policyContext: { facilitatorStaysInPrivateTime: false },
  })
  const effect = (records: RecordTouch[], extra: Partial<UpdateEffect> = {}): UpdateEffect => ({
    changes: true,
    missing: false,
    touchesBottomLine: false,
    touchesOther: true,
    scaleMarks: [],
    records,
    ...extra,
  })
  const policy = boardWritePolicy({ creatorOf })

  it('family, child, network and professionals remove only their own items; the facilitator anything', () => {
    const others = effect([remove('shape:sanne-1', card('shape:sanne-1'))])
    for (const role of ['family', 'child', 'network', 'professional'] as const) {
      expect(policy(writer('amira', role), others)).toEqual({ allowed: false, reason: WriteRefusal.Delete })
      expect(policy(writer('amira', role), effect([remove('shape:amira-1', card('shape:amira-1'))]))).toEqual({ allowed: true })
    }
    expect(policy(writer('fenna', 'facilitator'), others)).toEqual({ allowed: true })
  })

  it('a facilitator who may not arrange now (private time, closed) does not remove others’ items', () => {
    const others = effect([remove('shape:sanne-1', card('shape:sanne-1'))])
    expect(policy(writer('fenna', 'facilitator', 'afgesloten'), others)).toEqual({ allowed: false, reason: WriteRefusal.ReadOnly })
  })

  it('an observer is told read-only, not delete', () => {
    expect(policy(writer('amira', 'observer'), effect([remove('shape:sanne-1', card('shape:sanne-1'))]))).toEqual({ allowed: false, reason: WriteRefusal.ReadOnly })
  })

  it('a mass deletion is named first and reported to the listener; a small one keeps the other reasons first', () => {
    const heard: { othersRemoved: number; mass: boolean }[] = []
    const listening = boardWritePolicy({ creatorOf }, (_writer, decision) => heard.push({ othersRemoved: decision.othersRemoved, mass: decision.mass }))
    const all = ['shape:sanne-1', 'shape:sanne-2', 'shape:sanne-3', 'shape:sanne-4'].map((k) => remove(k, card(k)))
    expect(listening(writer('amira', 'network'), effect(all, { touchesBottomLine: true }))).toEqual({ allowed: false, reason: WriteRefusal.Delete })
    expect(listening(writer('amira', 'network'), effect(all.slice(0, 1), { touchesBottomLine: true }))).toEqual({ allowed: false, reason: WriteRefusal.BottomLine })
    expect(heard).toEqual([
      { othersRemoved: 4, mass: true },
      { othersRemoved: 1, mass: false },
    ])
  })
})
