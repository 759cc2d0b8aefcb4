import { describe, expect, it } from 'vitest'
import { RosterMessage } from '../../lib/protocol/meeting'
import { ConferenceRoster, type RosterMember } from '../../server/meeting/roster'

const members: RosterMember[] = [
  { participantId: 'p-fac', displayName: 'Fenna', role: 'facilitator' },
  { participantId: 'p-mom', displayName: 'Sanne', role: 'family' },
  { participantId: 'p-aunt', displayName: 'Amira', role: 'network' },
]

function loadedRoster() {
  const roster = new ConferenceRoster('conf-1')
  roster.setMembers('informatie', members)
  return roster
}

const entry = (roster: ConferenceRoster, id: string) => roster.snapshot().entries.find((e) => e.participantId === id)

describe('ConferenceRoster', () => {
  it('lists every member, offline until they connect, in the given order, as a valid protocol message', () => {
    const roster = loadedRoster()
    const snapshot = roster.snapshot()
    expect(RosterMessage.parse(snapshot)).toEqual(snapshot)
    expect(snapshot).toMatchObject({ conferenceId: 'conf-1', phase: 'informatie' })
    expect(snapshot.entries.map((e) => e.participantId)).toEqual(['p-fac', 'p-mom', 'p-aunt'])
    expect(snapshot.entries.every((e) => !e.online && e.device === null)).toBe(true)
  })

  it('is not loaded until members are set', () => {
    const roster = new ConferenceRoster('conf-1')
    expect(roster.isLoaded()).toBe(false)
    roster.setMembers('voorbereiding', [])
    expect(roster.isLoaded()).toBe(true)
  })

  it('reports first and last connections of a participant, not every socket', () => {
    const roster = loadedRoster()
    expect(roster.addConnection('s1', 'p-mom', 'desktop')).toEqual({ first: true })
    expect(roster.addConnection('s2', 'p-mom', 'phone')).toEqual({ first: false })
    expect(roster.removeConnection('s1')).toEqual({ participantId: 'p-mom', last: false })
    expect(roster.removeConnection('s2')).toEqual({ participantId: 'p-mom', last: true })
    expect(roster.removeConnection('s2')).toBeUndefined()
    expect(roster.connectionCount()).toBe(0)
  })

  it('shows the device of the newest live connection', () => {
    const roster = loadedRoster()
    roster.addConnection('s1', 'p-aunt', 'desktop')
    expect(entry(roster, 'p-aunt')).toMatchObject({ online: true, device: 'desktop' })
    roster.addConnection('s2', 'p-aunt', 'phone')
    expect(entry(roster, 'p-aunt')).toMatchObject({ online: true, device: 'phone' })
    roster.removeConnection('s2')
    expect(entry(roster, 'p-aunt')).toMatchObject({ online: true, device: 'desktop' })
    roster.removeConnection('s1')
    expect(entry(roster, 'p-aunt')).toMatchObject({ online: false, device: null })
  })

  it('says whether a device change changes what everyone sees', () => {
    const roster = loadedRoster()
    roster.addConnection('old', 'p-aunt', 'desktop')
    roster.addConnection('new', 'p-aunt', 'desktop')
    expect(roster.setDevice('new', 'desktop')).toBe(false) // same value
    expect(roster.setDevice('old', 'phone')).toBe(false) // not the shown connection
    expect(roster.setDevice('new', 'phone')).toBe(true)
    expect(roster.setDevice('unknown', 'phone')).toBe(false)
    expect(entry(roster, 'p-aunt')?.device).toBe('phone')
  })

  it('tracks but never shows connections of non-members, so they can be closed', () => {
    const roster = loadedRoster()
    roster.addConnection('s1', 'p-mom', 'desktop')
    roster.addConnection('s2', 'p-gone', 'phone')
    expect(roster.connectedNonMembers()).toEqual(['p-gone'])
    expect(roster.socketsOf('p-gone')).toEqual(['s2'])
    expect(entry(roster, 'p-gone')).toBeUndefined()

    // A revoked member drops out of the member list; their socket becomes a non-member's.
    roster.setMembers('informatie', members.filter((m) => m.participantId !== 'p-mom'))
    expect(roster.connectedNonMembers().sort()).toEqual(['p-gone', 'p-mom'])
    expect(roster.isMember('p-mom')).toBe(false)
  })
})

describe('ConferenceRoster with several instances', () => {
  it("shows members connected on another instance online, with their newest connection's device", () => {
    const roster = loadedRoster()
    roster.addConnection('s1', 'p-mom', 'desktop', 1_000)
    roster.setRemote([
      { participantId: 'p-aunt', device: 'phone', at: 500 },
      { participantId: 'p-mom', device: 'phone', at: 2_000 },
    ])
    expect(entry(roster, 'p-aunt')).toMatchObject({ online: true, device: 'phone' })
    // Her phone on the other instance is newer than her desktop here.
    expect(entry(roster, 'p-mom')).toMatchObject({ online: true, device: 'phone' })
    expect(entry(roster, 'p-fac')).toMatchObject({ online: false, device: null })
    // Only this instance's own connections can be closed from here.
    expect(roster.socketsOf('p-aunt')).toEqual([])

    // The other instance's connections are gone (it died): offline, unless connected here.
    roster.setRemote([])
    expect(entry(roster, 'p-aunt')).toMatchObject({ online: false })
    expect(entry(roster, 'p-mom')).toMatchObject({ online: true, device: 'desktop' })
  })

  it('joins and leaves on the 0↔1 edges across instances: a second device elsewhere is not a new arrival', () => {
    const roster = loadedRoster()
    roster.setRemote([{ participantId: 'p-mom', device: 'desktop', at: 1 }])
    expect(roster.addConnection('s1', 'p-mom', 'phone', 2)).toEqual({ first: false })
    expect(roster.removeConnection('s1')).toEqual({ participantId: 'p-mom', last: false })
    roster.setRemote([])
    expect(roster.addConnection('s2', 'p-mom', 'phone', 3)).toEqual({ first: true })
    expect(roster.removeConnection('s2')).toEqual({ participantId: 'p-mom', last: true })
  })
})
