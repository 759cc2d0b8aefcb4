import { describe, expect, it } from 'vitest'
import { getLiveEvents } from '../../lib/server/conference/live-events'
import { inviteParticipant } from '../../lib/server/db/repositories/participants'
import { seedMeeting } from '../helpers/test-server'
import { type RecordedMeeting, useMeetingFixture, waitConnected, waitForEntry } from './meeting-support'

describe('meeting plane: the roster', () => {
  // A fresh server per test (REVOCATION_POLL_MS=200) with a seeded meeting.
  const fixture = useMeetingFixture()
  const join = fixture.join

  it('shows who is here, their role and device, and who is invited but not here', async () => {
    const conferenceId = fixture.seed.conference.id
    const mother = join(fixture.ts, { conferenceId, token: fixture.seed.mother.token, device: 'desktop' })
    await waitConnected(mother)

    expect(mother.welcome()).toMatchObject({ participantId: fixture.seed.mother.participant.id, role: 'family', displayName: 'Mama Sanne' })
    await waitForEntry(mother, fixture.seed.mother.participant.id, { online: true, device: 'desktop' }, 'mother sees herself online')
    const roster = mother.roster()!
    expect(roster.conferenceId).toBe(conferenceId)
    expect(roster.phase).toBe('voorbereiding')
    // Everyone invited is listed; those who have not joined are offline without a device.
    expect(roster.entries.map((e) => [e.displayName, e.role]).sort()).toEqual(
      [
        ['Fenna Facilitator', 'facilitator'],
        ['Jeugdbeschermer Jan', 'professional'],
        ['Mama Sanne', 'family'],
        ['Tante Amira', 'network'],
      ].sort(),
    )
    expect(mother.entry(fixture.seed.aunt.participant.id)).toMatchObject({ online: false, device: null })
    expect(mother.entry(fixture.seed.facilitator.id)).toMatchObject({ online: false, device: null })

    const aunt = join(fixture.ts, { conferenceId, token: fixture.seed.aunt.token, device: 'phone' })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'phone' }, 'mother sees the aunt on a phone')
    await waitForEntry(aunt, fixture.seed.mother.participant.id, { online: true, device: 'desktop' }, 'the aunt sees the mother')

    aunt.client.close()
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: false, device: null }, 'mother sees the aunt gone offline')
    expect(aunt.status()).toEqual({ state: 'disconnected', reason: 'closed', willRetry: false })
  })

  it('shows a device change to everyone', async () => {
    const conferenceId = fixture.seed.conference.id
    const mother = join(fixture.ts, { conferenceId, token: fixture.seed.mother.token })
    const aunt = join(fixture.ts, { conferenceId, token: fixture.seed.aunt.token, device: 'desktop' })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'desktop' })

    await expect(aunt.client.setDevice('phone')).resolves.toEqual({ ok: true })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'phone' }, 'the aunt switched to phone')
  })

  it('shows the device of the newest connection while someone has two open', async () => {
    const conferenceId = fixture.seed.conference.id
    const mother = join(fixture.ts, { conferenceId, token: fixture.seed.mother.token })
    const auntLaptop = join(fixture.ts, { conferenceId, token: fixture.seed.aunt.token, device: 'desktop' })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'desktop' })
    const auntPhone = join(fixture.ts, { conferenceId, token: fixture.seed.aunt.token, device: 'phone' })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'phone' }, 'newest connection is the phone')

    auntPhone.client.close()
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'desktop' }, 'still online on the laptop')
    auntLaptop.client.close()
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: false, device: null })
  })

  it('adds a new invitation to the roster at once (live event)', async () => {
    const conferenceId = fixture.seed.conference.id
    const mother = join(fixture.ts, { conferenceId, token: fixture.seed.mother.token })
    await waitConnected(mother)

    const { participant } = await inviteParticipant(fixture.ts.db, { conferenceId, displayName: 'Opa Kees', role: 'family' })
    getLiveEvents().emit('participant.invited', { conferenceId, participantId: participant.id })
    await waitForEntry(mother, participant.id, { online: false, device: null }, 'the new invitation appears offline')
    expect(mother.entry(participant.id)).toMatchObject({ displayName: 'Opa Kees', role: 'family' })
  })

  it('shows an invitation made by another process once someone joins', async () => {
    const conferenceId = fixture.seed.conference.id
    const mother = join(fixture.ts, { conferenceId, token: fixture.seed.mother.token })
    await waitConnected(mother)

    // The CLI writes the row without a live event; the next join re-reads the roster.
    const invited = await inviteParticipant(fixture.ts.db, { conferenceId, displayName: 'Buurvrouw Ria', role: 'network' })
    join(fixture.ts, { conferenceId, token: invited.token, device: 'phone' })
    await waitForEntry(mother, invited.participant.id, { online: true, device: 'phone' })
  })

  it('keeps conferences apart', async () => {
    const other = await seedMeeting(fixture.ts.db)
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    const stranger = join(fixture.ts, { conferenceId: other.conference.id, token: other.mother.token })
    await waitConnected(mother)
    await waitConnected(stranger)

    const ids = (m: RecordedMeeting) => m.roster()!.entries.map((e) => e.participantId)
    expect(ids(mother)).not.toContain(other.mother.participant.id)
    expect(ids(stranger)).not.toContain(fixture.seed.mother.participant.id)
    expect(mother.roster()!.conferenceId).toBe(fixture.seed.conference.id)
  })
})
