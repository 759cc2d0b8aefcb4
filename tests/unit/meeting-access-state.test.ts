import { describe, expect, it } from 'vitest'
import { accessStateOf, arrivalOf, forbiddenReasonOf, isAdmitted, type AccessSubject } from '../../lib/conference/access-state'
import type { ConferencePhase } from '../../lib/conference/model'

const invited: AccessSubject = { role: 'network', requires_admission: 0, admission: null, removed_at: null, revoked_at: null }
const conference = (phase: ConferencePhase, facilitatorStays = false) => ({ phase, facilitator_stays_private: facilitatorStays ? 1 : 0 })
const at = '2026-11-23T10:00:00.000Z'

describe('where a person stands in the meeting (access state)', () => {
  it('an invited person without admission is on the board, except when private time keeps their role out', () => {
    expect(accessStateOf(invited, conference('informatie'))).toBe('in')
    expect(accessStateOf(invited, conference('besloten_deel'))).toBe('in')
    expect(accessStateOf({ ...invited, role: 'professional' }, conference('informatie'))).toBe('in')
    expect(accessStateOf({ ...invited, role: 'professional' }, conference('besloten_deel'))).toBe('waiting-room')
    expect(accessStateOf({ ...invited, role: 'observer' }, conference('besloten_deel'))).toBe('waiting-room')
  })

  it('the facilitator waits out private time unless the conference lets them stay', () => {
    const facilitator: AccessSubject = { ...invited, role: 'facilitator' }
    expect(accessStateOf(facilitator, conference('besloten_deel'))).toBe('waiting-room')
    expect(accessStateOf(facilitator, conference('besloten_deel', true))).toBe('in')
    expect(accessStateOf(facilitator, conference('plan_en_afspraken'))).toBe('in')
  })

  it('an invitation that needs admission waits in the lobby until admitted, whatever the phase', () => {
    const needs: AccessSubject = { ...invited, requires_admission: 1 }
    expect(accessStateOf({ ...needs, admission: 'waiting' }, conference('informatie'))).toBe('lobby')
    expect(accessStateOf({ ...needs, admission: null }, conference('informatie'))).toBe('lobby')
    expect(accessStateOf({ ...needs, admission: 'admitted' }, conference('informatie'))).toBe('in')
    expect(accessStateOf({ ...needs, role: 'professional', admission: 'admitted' }, conference('besloten_deel'))).toBe('waiting-room')
    expect(accessStateOf({ ...needs, admission: 'declined' }, conference('informatie'))).toBe('declined')
  })

  it('removed with the invitation kept: out until they knock again, then in the lobby', () => {
    const removed: AccessSubject = { ...invited, requires_admission: 1, admission: null, removed_at: at }
    expect(accessStateOf(removed, conference('informatie'))).toBe('removed')
    const arrival = arrivalOf(removed)
    expect(arrival).toEqual({ admission: 'waiting', removed_at: null })
    expect(accessStateOf({ ...removed, ...arrival }, conference('informatie'))).toBe('lobby')
  })

  it('a revoked invitation is out, and arriving changes nothing for it', () => {
    const revoked: AccessSubject = { ...invited, revoked_at: at }
    expect(accessStateOf(revoked, conference('informatie'))).toBe('removed')
    expect(arrivalOf({ ...revoked, requires_admission: 1 })).toBeNull()
  })

  it('arriving only starts waiting for someone who needs admission and was not decided on', () => {
    expect(arrivalOf(invited)).toBeNull()
    expect(arrivalOf({ ...invited, requires_admission: 1 })).toEqual({ admission: 'waiting', removed_at: null })
    expect(arrivalOf({ ...invited, requires_admission: 1, admission: 'waiting' })).toBeNull()
    expect(arrivalOf({ ...invited, requires_admission: 1, admission: 'admitted' })).toBeNull()
    expect(arrivalOf({ ...invited, requires_admission: 1, admission: 'declined' })).toBeNull()
  })

  it('names the close reason a client shows ("wait" or "out")', () => {
    expect(forbiddenReasonOf('in')).toBeNull()
    expect(forbiddenReasonOf('waiting-room')).toBe('private-time')
    expect(forbiddenReasonOf('lobby')).toBe('awaiting-admission')
    expect(forbiddenReasonOf('declined')).toBe('declined')
    expect(forbiddenReasonOf('removed')).toBe('removed')
    expect(forbiddenReasonOf('removed', true)).toBe('invitation revoked')
    expect(['in', 'waiting-room'].every((s) => isAdmitted(s as never))).toBe(true)
    expect(['lobby', 'declined', 'removed'].some((s) => isAdmitted(s as never))).toBe(false)
  })
})
