import { describe, expect, it } from 'vitest'
import {
  accessReducer,
  accessStateOutcome,
  boardOpen,
  forbiddenOutcome,
  initialAccessView,
  probeDelayMs,
  type AccessEvent,
  type AccessView,
} from '../../client/board/meeting/access-place'
import { isWaitingReason } from '../../lib/meeting/meeting-client'
import { ForbiddenReason } from '../../lib/protocol/close-codes'

/** Run events through the reducer from the page's first state. */
function play(...events: AccessEvent[]): AccessView {
  return events.reduce(accessReducer, initialAccessView)
}

describe('where a person stands on the board page (access-place)', () => {
  it('tells "wait" from "out" by the 4403 close reason', () => {
    expect(forbiddenOutcome(ForbiddenReason.PrivateTime)).toEqual({ kind: 'wait', place: 'waiting-room' })
    expect(forbiddenOutcome(ForbiddenReason.AwaitingAdmission)).toEqual({ kind: 'wait', place: 'lobby' })
    expect(forbiddenOutcome(ForbiddenReason.Declined)).toEqual({ kind: 'out', loss: 'declined' })
    expect(forbiddenOutcome(ForbiddenReason.Removed)).toEqual({ kind: 'out', loss: 'removed' })
    expect(forbiddenOutcome(ForbiddenReason.Revoked)).toEqual({ kind: 'out', loss: 'withdrawn' })
    // An old server's reason, or one this client does not know: out, the safe side.
    expect(forbiddenOutcome('no longer a participant of this conference')).toEqual({ kind: 'out', loss: 'withdrawn' })
    expect(forbiddenOutcome('')).toEqual({ kind: 'out', loss: 'withdrawn' })
  })

  it('the meeting client keeps knocking only for the waiting reasons', () => {
    expect(isWaitingReason(ForbiddenReason.PrivateTime)).toBe(true)
    expect(isWaitingReason(ForbiddenReason.AwaitingAdmission)).toBe(true)
    for (const out of [ForbiddenReason.Declined, ForbiddenReason.Removed, ForbiddenReason.Revoked, 'anything else']) {
      expect(isWaitingReason(out)).toBe(false)
    }
  })

  it('maps the meeting’s access state to a place, or out', () => {
    expect(accessStateOutcome('in')).toEqual({ kind: 'place', place: 'in' })
    expect(accessStateOutcome('waiting-room')).toEqual({ kind: 'place', place: 'waiting-room' })
    expect(accessStateOutcome('lobby')).toEqual({ kind: 'place', place: 'lobby' })
    expect(accessStateOutcome('declined')).toEqual({ kind: 'out', loss: 'declined' })
    expect(accessStateOutcome('removed')).toEqual({ kind: 'out', loss: 'removed' })
  })

  it('keeps the board closed until the meeting has said where I stand, or stopped answering', () => {
    expect(boardOpen(initialAccessView)).toBe(false)
    expect(boardOpen(play({ type: 'access', place: 'in' }))).toBe(true)
    expect(boardOpen(play({ type: 'presence', present: true }))).toBe(true)
    expect(boardOpen(play({ type: 'stop-waiting' }))).toBe(true)
    // A professional arriving during private time never opens the board.
    expect(boardOpen(play({ type: 'presence', present: false }))).toBe(false)
    expect(play({ type: 'presence', present: false }).place).toBe('waiting-room')
  })

  it('a professional goes to the waiting room in private time and is welcomed back when the family is ready', () => {
    let view = play({ type: 'access', place: 'in' }, { type: 'presence', present: true })
    expect(view).toMatchObject({ place: 'in', notice: null })

    // The phase changes: the client moves before the sync server closes the connection.
    view = accessReducer(view, { type: 'presence', present: false })
    expect(view.place).toBe('waiting-room')
    expect(boardOpen(view)).toBe(false)
    // The sync close that follows changes nothing.
    view = accessReducer(view, { type: 'refused', place: 'waiting-room', present: false })
    expect(view.place).toBe('waiting-room')

    view = accessReducer(view, { type: 'private-time-ended', present: true })
    expect(view).toMatchObject({ place: 'in', notice: 'welcome-back' })
    expect(boardOpen(view)).toBe(true)
    // The access state and the phase that follow keep the welcome on screen.
    view = accessReducer(accessReducer(view, { type: 'access', place: 'in' }), { type: 'presence', present: true })
    expect(view).toMatchObject({ place: 'in', notice: 'welcome-back' })
    view = accessReducer(view, { type: 'dismiss-notice' })
    expect(view.notice).toBeNull()
  })

  it('comes back from the waiting room by access state or phase alone, whichever arrives first', () => {
    const waiting = play({ type: 'access', place: 'waiting-room' })
    expect(accessReducer(waiting, { type: 'access', place: 'in' })).toMatchObject({ place: 'in', notice: 'welcome-back' })
    expect(accessReducer(waiting, { type: 'presence', present: true })).toMatchObject({ place: 'in', notice: 'welcome-back' })
  })

  it('the family, who stayed, hear that private time is over', () => {
    const view = play({ type: 'access', place: 'in' }, { type: 'private-time-ended', present: true })
    expect(view).toMatchObject({ place: 'in', notice: 'private-time-over' })
  })

  it('the lobby ends only by an admission, never by a phase', () => {
    let view = play({ type: 'refused', place: 'lobby', present: true })
    expect(view.place).toBe('lobby')
    expect(boardOpen(view)).toBe(false)
    view = accessReducer(view, { type: 'presence', present: true })
    view = accessReducer(view, { type: 'private-time-ended', present: true })
    expect(view.place).toBe('lobby')
    view = accessReducer(view, { type: 'access', place: 'in' })
    expect(view).toMatchObject({ place: 'in', notice: 'admitted' })
    expect(boardOpen(view)).toBe(true)
  })

  it('an admitted professional who arrives during private time goes from the lobby to the waiting room', () => {
    const view = play({ type: 'access', place: 'lobby' }, { type: 'access', place: 'waiting-room' })
    expect(view).toMatchObject({ place: 'waiting-room', notice: null })
  })

  it('when the sync server still says "private time" after the phase moved on, tries the board again, backing off', () => {
    let view = play({ type: 'access', place: 'in' })
    view = accessReducer(view, { type: 'refused', place: 'waiting-room', present: true })
    expect(view).toMatchObject({ place: 'waiting-room', probes: 1 })
    view = accessReducer(view, { type: 'probe' })
    expect(view.place).toBe('in')
    view = accessReducer(view, { type: 'refused', place: 'waiting-room', present: true })
    expect(view.probes).toBe(2)
    expect(probeDelayMs(1)).toBeLessThan(probeDelayMs(2))
    expect(probeDelayMs(50)).toBe(30_000)
    // A refusal the phase agrees with is not probed.
    const agreed = accessReducer(play({ type: 'access', place: 'in' }), { type: 'refused', place: 'waiting-room', present: false })
    expect(agreed.probes).toBe(0)
    expect(accessReducer(agreed, { type: 'probe' }).place).toBe('waiting-room')
  })
})
