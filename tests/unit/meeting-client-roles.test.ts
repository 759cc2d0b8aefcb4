import { describe, expect, it } from 'vitest'
import {
  currentPhase,
  currentRole,
  meetingPermissions,
  newArrivals,
  phaseChangeNeedsConfirm,
  phaseNeighbours,
  phaseNumber,
} from '../../client/board/meeting/meeting-role'
import type { RosterMessage } from '../../lib/protocol/meeting'
import type { ConferenceStateMessage, LobbyEntry } from '../../lib/protocol/meeting-control'

const leaves = { facilitatorStaysInPrivateTime: false }
const stays = { facilitatorStaysInPrivateTime: true }

function roster(phase: RosterMessage['phase'], entries: Partial<RosterMessage['entries'][number]>[]): RosterMessage {
  return {
    conferenceId: 'c1',
    phase,
    entries: entries.map((entry, i) => ({ participantId: `p${i}`, displayName: `P${i}`, role: 'family', online: true, device: 'desktop', ...entry })),
  }
}

describe('what the board offers to whom (meeting-role)', () => {
  it('the facilitator steps through the phases and confirms before private time', () => {
    expect(phaseNeighbours('voorbereiding')).toEqual({ previous: null, next: 'informatie' })
    expect(phaseNeighbours('informatie')).toEqual({ previous: 'voorbereiding', next: 'besloten_deel' })
    expect(phaseNeighbours('afgesloten')).toEqual({ previous: 'plan_en_afspraken', next: null })
    expect(phaseNumber('besloten_deel')).toBe(3)
    expect(phaseChangeNeedsConfirm('besloten_deel')).toBe(true)
    expect(phaseChangeNeedsConfirm('plan_en_afspraken')).toBe(false)
  })

  it('offers "We zijn klaar" to the family side in private time, and to the facilitator only when they stay', () => {
    for (const role of ['family', 'child', 'network'] as const) {
      expect(meetingPermissions(role, 'besloten_deel', leaves).canEndPrivateTime).toBe(true)
      expect(meetingPermissions(role, 'plan_en_afspraken', leaves).canEndPrivateTime).toBe(false)
    }
    expect(meetingPermissions('professional', 'besloten_deel', leaves).canEndPrivateTime).toBe(false)
    expect(meetingPermissions('facilitator', 'besloten_deel', leaves).canEndPrivateTime).toBe(false)
    expect(meetingPermissions('facilitator', 'besloten_deel', stays).canEndPrivateTime).toBe(true)
    // Not before the phase is known.
    expect(meetingPermissions('family', null, leaves).canEndPrivateTime).toBe(false)
  })

  it('only the facilitator gets phase controls, settings and the lobby — also from the waiting room', () => {
    const facilitator = meetingPermissions('facilitator', 'besloten_deel', leaves)
    expect(facilitator).toMatchObject({ canChangePhase: true, canChangeSettings: true, canManageParticipants: true })
    for (const role of ['family', 'child', 'network', 'professional', 'observer'] as const) {
      expect(meetingPermissions(role, 'informatie', leaves)).toMatchObject({ canChangePhase: false, canChangeSettings: false, canManageParticipants: false })
    }
  })

  it('makes the board read-only for observers and for everyone once the meeting is closed, and says why', () => {
    expect(meetingPermissions('observer', 'informatie', leaves)).toMatchObject({ canWrite: false, readOnlyBecause: 'observer' })
    expect(meetingPermissions('family', 'informatie', leaves)).toMatchObject({ canWrite: true, readOnlyBecause: null })
    expect(meetingPermissions('facilitator', 'afgesloten', leaves)).toMatchObject({ canWrite: false, readOnlyBecause: 'closed' })
    expect(meetingPermissions('observer', 'afgesloten', leaves).readOnlyBecause).toBe('closed')
  })

  it('takes my role from the roster (a role change counts at once), else the welcome, else the page', () => {
    const welcome = { protocol: 1 as const, participantId: 'p0', role: 'network' as const, displayName: 'P0' }
    expect(currentRole('p0', roster('informatie', [{ role: 'observer' }]), welcome, 'family')).toBe('observer')
    expect(currentRole('p0', null, welcome, 'family')).toBe('network')
    expect(currentRole('p0', roster('informatie', [{ participantId: 'other' }]), null, 'family')).toBe('family')
  })

  it('takes the phase from the conference state, else the roster', () => {
    const state: ConferenceStateMessage = { conferenceId: 'c1', phase: 'besloten_deel', phaseChangedAt: null, facilitatorStaysInPrivateTime: false, timerEndsAt: null }
    expect(currentPhase(state, roster('informatie', []))).toBe('besloten_deel')
    expect(currentPhase(null, roster('informatie', []))).toBe('informatie')
    expect(currentPhase(null, null)).toBeNull()
  })

  it('notices who started waiting in the lobby since the last list', () => {
    const entry = (id: string): LobbyEntry => ({ participantId: id, displayName: id, role: 'network', since: '2026-03-01T10:00:00.000Z' })
    expect(newArrivals(null, [entry('a')]).map((e) => e.participantId)).toEqual(['a'])
    expect(newArrivals([entry('a')], [entry('a'), entry('b')]).map((e) => e.participantId)).toEqual(['b'])
    expect(newArrivals([entry('a'), entry('b')], [entry('b')])).toEqual([])
  })
})
