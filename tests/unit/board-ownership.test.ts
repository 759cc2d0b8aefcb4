import { describe, expect, it } from 'vitest'
import { mayChangeMark, mayCreateMark, mayDeleteMark, type MarkLike } from '../../lib/board/ownership'

/**
 * Every participant places one mark of their own on a 0–10 scale, and only they may move it.
 * These are the decisions the board applies to changes made on a device.
 */
const mark = (participantId: string, id = `shape:${participantId}`, parentId = 'shape:scale'): MarkLike => ({ id, parentId, props: { participantId } })
const amira = { participantId: 'amira', mayRemoveOthersMarks: false }
const fenna = { participantId: 'fenna', mayRemoveOthersMarks: true }
const kees = { participantId: 'kees', mayRemoveOthersMarks: false }

describe('scale mark ownership', () => {
  it('lets the owner move or change their own mark', () => {
    expect(mayChangeMark(mark('amira'), mark('amira'), amira)).toBe(true)
  })

  it('lets nobody else move or change it, not even the facilitator', () => {
    expect(mayChangeMark(mark('amira'), mark('amira'), kees)).toBe(false)
    expect(mayChangeMark(mark('amira'), mark('amira'), fenna)).toBe(false)
  })

  it('does not let the owner hand their mark to someone else, nor anyone take it', () => {
    expect(mayChangeMark(mark('amira'), mark('kees'), amira)).toBe(false)
    expect(mayChangeMark(mark('amira'), mark('kees'), kees)).toBe(false)
  })

  it('lets the owner remove their mark, and others only with its scale', () => {
    expect(mayDeleteMark(mark('amira'), amira, { scaleRemovedToo: false })).toBe(true)
    expect(mayDeleteMark(mark('amira'), kees, { scaleRemovedToo: false })).toBe(false)
    expect(mayDeleteMark(mark('amira'), kees, { scaleRemovedToo: true })).toBe(true)
  })

  it('lets the facilitator clear the mark of someone who left', () => {
    expect(mayDeleteMark(mark('gone'), fenna, { scaleRemovedToo: false })).toBe(true)
  })

  it('allows one own mark per person per scale, and only on a scale', () => {
    const mine = mark('amira', 'shape:new')
    expect(mayCreateMark(mine, amira, { parentIsScale: true, marksOnScale: [mark('kees'), mine] })).toBe(true)
    expect(mayCreateMark(mine, amira, { parentIsScale: true, marksOnScale: [mark('amira', 'shape:old'), mine] })).toBe(false)
    expect(mayCreateMark(mine, amira, { parentIsScale: false, marksOnScale: [] })).toBe(false)
  })

  it('refuses a mark made in someone else’s name (a paste or a duplicated scale)', () => {
    expect(mayCreateMark(mark('kees', 'shape:copy'), amira, { parentIsScale: true, marksOnScale: [] })).toBe(false)
  })

  it('gives nothing to a device that does not know who it is', () => {
    const nobody = { participantId: '', mayRemoveOthersMarks: false }
    expect(mayChangeMark(mark(''), mark(''), nobody)).toBe(false)
    expect(mayDeleteMark(mark(''), nobody, { scaleRemovedToo: false })).toBe(false)
    expect(mayCreateMark(mark(''), nobody, { parentIsScale: true, marksOnScale: [] })).toBe(false)
  })
})
