import { describe, expect, it } from 'vitest'
import { CREATED_BY_META, isStructureRecord, mayAddShape, mayChangeShape, mayRemoveShape, type BoardActor } from '../../lib/board/board-structure'

const by = (participantId: string | null, type = 'kring-card') => ({ type, meta: participantId === null ? {} : { [CREATED_BY_META]: participantId } })
const amira: BoardActor = { participantId: 'amira', arranges: false }
const fenna: BoardActor = { participantId: 'fenna', arranges: true }

describe('the board guard on the device: what it offers', () => {
  it.each([
    ['her own card', amira, by('amira'), true],
    ["someone else's card", amira, by('sanne'), false],
    ['a template item (no note)', amira, by(null), false],
    ['an area, even one noted as hers', amira, by('amira', 'kring-area'), false],
    ['a scale mark (its own rule decides)', amira, by('sanne', 'kring-scale-mark'), true],
    ['nobody signed in removes nothing of anyone', { participantId: '', arranges: false }, by(''), false],
    ["the facilitator: someone else's card", fenna, by('sanne'), true],
    ['the facilitator: an area', fenna, by(null, 'kring-area'), true],
  ] as const)('removing %s', (_name, actor, shape, expected) => {
    expect(mayRemoveShape(shape, actor)).toBe(expected)
  })

  it('areas are changed and added only by the facilitator; items by anyone', () => {
    expect(mayChangeShape(by('sanne'), by('sanne'), amira)).toBe(true)
    expect(mayChangeShape(by(null, 'kring-area'), by(null, 'kring-area'), amira)).toBe(false)
    expect(mayChangeShape(by(null, 'kring-area'), by(null, 'kring-area'), fenna)).toBe(true)
    expect(mayAddShape(by('amira'), amira)).toBe(true)
    expect(mayAddShape(by('amira', 'kring-area'), amira)).toBe(false)
    expect(mayAddShape(by('fenna', 'kring-area'), fenna)).toBe(true)
  })

  it('anyone may make an area larger (the placement growing a full area), nothing else', () => {
    const area = { id: 'shape:area', typeName: 'shape', type: 'kring-area', x: 40, y: 80, meta: {}, props: { w: 1600, h: 1000, area: 'three-columns', variant: 0 } }
    const taller = { ...area, props: { ...area.props, h: 1200 } }
    const lower = { ...area, props: { ...area.props, h: 900 } }
    const movedAndTaller = { ...taller, x: 0 }
    expect(mayChangeShape(area, taller, amira)).toBe(true)
    expect(mayChangeShape(area, lower, amira)).toBe(false)
    expect(mayChangeShape(area, movedAndTaller, amira)).toBe(false)
  })

  it('the structure: the document, pages and areas, by key or by value', () => {
    expect(isStructureRecord('document:document', { typeName: 'document' })).toBe(true)
    expect(isStructureRecord('page:page', undefined)).toBe(true)
    expect(isStructureRecord('shape:a', { typeName: 'shape', type: 'kring-area' })).toBe(true)
    expect(isStructureRecord('shape:b', { typeName: 'page' })).toBe(true)
    expect(isStructureRecord('shape:c', { typeName: 'shape', type: 'kring-card' })).toBe(false)
    expect(isStructureRecord('binding:d', { typeName: 'binding', type: 'arrow' })).toBe(false)
  })
})
