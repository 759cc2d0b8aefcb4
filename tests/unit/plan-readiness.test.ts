import { describe, expect, it } from 'vitest'
import { defaultBoardSettings } from '../../lib/board/settings'
import { derivePlanFromRecords } from '../../lib/plan/derive'
import { acceptsExactly, readinessOf, warningIdOf } from '../../lib/plan/readiness'
import { emptyPlan } from '../../lib/plan/schema'
import { item, page, recordsOf, shapeId as id } from './plan-fixtures'

/**
 * Whether a plan may be proposed: what blocks it, and which open warnings the facilitator has to
 * confirm. Read from board records, as the server does when the facilitator taps "Voorstellen".
 */

const settings = { ...defaultBoardSettings, loadThreshold: 3 }
const readinessOfBoard = (...records: Record<string, unknown>[]) => readinessOf(derivePlanFromRecords(recordsOf(page(), ...records)), settings)

const question = item('kring-card', 'vraag', { kind: 'central-question', text: 'Hoe is Noor veilig na school?' })
const oma = item('kring-person', 'oma', { name: 'Oma', group: 'family' })
const karim = item('kring-person', 'karim', { name: 'Karim', group: 'network' })
const wholeAgreement = item('kring-agreement', 'ophalen', { what: 'Oma haalt Noor op', ownerIds: [id('oma')], when: 'elke woensdag', backupId: id('karim') }, { y: 300 })

describe('readinessOf', () => {
  it('blocks an empty plan twice: no central question, no agreement', () => {
    expect(readinessOf(emptyPlan(), settings)).toEqual({ blocking: ['no-central-question', 'no-agreement'], warnings: [] })
  })

  it('does not count a central question card without text, nor an agreement with nothing under "what"', () => {
    const readiness = readinessOfBoard(item('kring-card', 'vraag', { kind: 'central-question', text: '  ' }), item('kring-agreement', 'leeg', {}))
    expect(readiness.blocking).toEqual(['no-central-question', 'no-agreement'])
  })

  it('blocks agreements without a central question', () => {
    expect(readinessOfBoard(oma, karim, wholeAgreement).blocking).toEqual(['no-central-question'])
  })

  it('lets a central question with one whole agreement through with nothing to confirm', () => {
    expect(readinessOfBoard(question, oma, karim, wholeAgreement)).toEqual({ blocking: [], warnings: [] })
  })

  it('lists the open warnings the facilitator must confirm: unanswered worries and bottom lines, agreements without backup, overload', () => {
    const readiness = readinessOfBoard(
      question,
      oma,
      item('kring-card', 'zorg', { kind: 'worry', text: 'Noor is vaak alleen' }, { y: 100 }),
      item('kring-bottom-line', 'grens', { text: 'Noor slaapt nooit alleen thuis' }, { y: 150 }),
      item('kring-agreement', 'koken', { what: 'Oma kookt', ownerIds: [id('oma')], when: 'elke dag' }, { y: 300 }),
    )
    expect(readiness.blocking).toEqual([])
    expect(readiness.warnings.map((warning) => [warning.code, warning.itemId])).toEqual([
      ['agreement-no-backup', id('koken')],
      ['worry-unanswered', id('zorg')],
      ['bottom-line-unanswered', id('grens')],
      ['person-overloaded', id('oma')],
    ])
    expect(readiness.warnings[0]?.id).toBe(warningIdOf({ code: 'agreement-no-backup', itemId: id('koken') }))
  })

  it('gives a warning the same id while the board says the same thing, and another for another person', () => {
    expect(warningIdOf({ code: 'agreement-owner-missing', itemId: 'shape:a', personId: 'shape:p' })).not.toBe(
      warningIdOf({ code: 'agreement-owner-missing', itemId: 'shape:a', personId: 'shape:q' }),
    )
    const board = [question, oma, item('kring-agreement', 'koken', { what: 'Oma kookt', ownerIds: [id('oma')], when: 'elke week' }, { y: 300 })]
    expect(readinessOfBoard(...board).warnings).toEqual(readinessOfBoard(...board).warnings)
  })
})

describe('acceptsExactly', () => {
  const warnings = [
    { id: 'a', code: 'worry-unanswered' as const, itemId: 'shape:a' },
    { id: 'b', code: 'worry-unanswered' as const, itemId: 'shape:b' },
  ]
  it.each([
    [['a', 'b'], true],
    [['b', 'a'], true],
    [['a', 'b', 'b'], true],
    [['a'], false],
    [[], false],
    [['a', 'b', 'c'], false],
    [['a', 'c'], false],
  ])('accepted %j → %s', (accepted, expected) => {
    expect(acceptsExactly(warnings, accepted)).toBe(expected)
  })
  it('accepts nothing for no warnings', () => {
    expect(acceptsExactly([], [])).toBe(true)
    expect(acceptsExactly([], ['a'])).toBe(false)
  })
})
