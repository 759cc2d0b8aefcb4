import { describe, expect, it } from 'vitest'
import { followUpStatus, periodResult, type PeriodResult, type StatusOutcome } from '@/lib/plan/follow-up/status'
import type { CheckIn } from '@/lib/plan/follow-up/model'

/** The rule of lib/plan/follow-up/status.ts as a table: ended periods (oldest first), the running one, the outcome. */
const table: Array<[string, PeriodResult[], PeriodResult | null, StatusOutcome]> = [
  ['nothing ended yet, nobody answered', [], null, { status: 'on-track', reasons: [] }],
  ['first week: done', [], 'done', { status: 'on-track', reasons: [] }],
  ['first week: lukt niet, nobody carried it', [], 'cannot', { status: 'slipping', reasons: ['not-carried'] }],
  ['first week: lukt niet, the backup took over', [], 'covered', { status: 'on-track', reasons: [] }],
  ['first week: hulp nodig', [], 'help', { status: 'slipping', reasons: ['help'] }],
  ['done every week', ['done', 'done', 'done'], null, { status: 'on-track', reasons: [] }],
  ['one week without a word', ['done', 'missing', 'done'], null, { status: 'slipping', reasons: ['missing'] }],
  ['a missing week four weeks ago has left the window', ['missing', 'done', 'done', 'done'], null, { status: 'on-track', reasons: [] }],
  ['lukt niet twice, with done between', ['cannot', 'done'], 'cannot', { status: 'slipping', reasons: ['cannot-repeatedly', 'not-carried'] }],
  ['lukt niet twice, then done', ['cannot', 'cannot', 'done'], null, { status: 'slipping', reasons: ['cannot-repeatedly'] }],
  ['lukt niet once, then done', ['done', 'cannot', 'done'], null, { status: 'on-track', reasons: [] }],
  ['lukt niet covered twice by the backup', ['covered', 'covered'], 'done', { status: 'on-track', reasons: [] }],
  ['three weeks without a word', ['missing', 'missing', 'missing'], null, { status: 'stopped', reasons: [] }],
  ['three weeks of lukt niet and silence', ['cannot', 'missing', 'cannot'], null, { status: 'stopped', reasons: [] }],
  ['three silent weeks, but done this week', ['missing', 'missing', 'missing'], 'done', { status: 'slipping', reasons: ['missing'] }],
  ['two silent weeks after done', ['done', 'missing', 'missing'], null, { status: 'slipping', reasons: ['missing'] }],
  ['help, then silence: the latest answer counts', ['help', 'missing'], null, { status: 'slipping', reasons: ['missing', 'help'] }],
]

describe('followUpStatus', () => {
  it.each(table)('%s', (_name, ended, running, expected) => {
    expect(followUpStatus({ ended, running })).toEqual(expected)
  })
})

function checkIn(id: string, outcome: CheckIn['outcome'], at: string): CheckIn {
  return { id, agreementId: 'shape:a', participantId: 'p', periodIndex: 0, outcome, reason: null, backupAsked: outcome === 'cannot', at }
}

describe('periodResult', () => {
  it('is missing when nobody said anything', () => {
    expect(periodResult([], [])).toBe('missing')
  })
  it('is done when one owner did it, whatever another said', () => {
    expect(periodResult([checkIn('1', 'cannot', '2026-01-01T10:00:00.000Z'), checkIn('2', 'done', '2026-01-01T09:00:00.000Z')], [])).toBe('done')
  })
  it('is covered when the backup took the lukt niet over', () => {
    expect(periodResult([checkIn('1', 'cannot', '2026-01-01T10:00:00.000Z')], [{ id: 't', checkInId: '1', participantId: 'b', at: '2026-01-02T00:00:00.000Z' }])).toBe('covered')
  })
  it('takes the latest answer otherwise', () => {
    expect(periodResult([checkIn('1', 'cannot', '2026-01-01T10:00:00.000Z'), checkIn('2', 'help', '2026-01-02T10:00:00.000Z')], [])).toBe('help')
  })
})
