import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getLiveEvents } from '../../lib/conference/live-events'
import { inviteParticipant } from '../../lib/db/repositories/participants'
import { seedMeeting, startTestServer, type TestServer } from '../helpers/test-server'
import { joinMeeting, waitConnected, waitForEntry, type RecordedMeeting } from './meeting-support'

describe('meeting plane: the roster', () => {
  let ts: TestServer
  let seed: Awaited<ReturnType<typeof seedMeeting>>
  const open: RecordedMeeting[] = []
  const join = (...args: Parameters<typeof joinMeeting>) => {
    const meeting = joinMeeting(...args)
    open.push(meeting)
    return meeting
  }

  beforeEach(async () => {
    ts = await startTestServer()
    seed = await seedMeeting(ts.db)
  })
  afterEach(async () => {
    for (const m of open.splice(0)) m.client.close()
    await ts.stop()
  })

  it('shows who is here, their role and device, and who is invited but not here', async () => {
    const conferenceId = seed.conference.id
    const mother = join(ts, { conferenceId, token: seed.mother.token, device: 'desktop' })
    await waitConnected(mother)

    expect(mother.welcome()).toMatchObject({ participantId: seed.mother.participant.id, role: 'family', displayName: 'Mama Sanne' })
    await waitForEntry(mother, seed.mother.participant.id, { online: true, device: 'desktop' }, 'mother sees herself online')
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
    expect(mother.entry(seed.aunt.participant.id)).toMatchObject({ online: false, device: null })
    expect(mother.entry(seed.facilitator.id)).toMatchObject({ online: false, device: null })

    const aunt = join(ts, { conferenceId, token: seed.aunt.token, device: 'phone' })
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'phone' }, 'mother sees the aunt on a phone')
    await waitForEntry(aunt, seed.mother.participant.id, { online: true, device: 'desktop' }, 'the aunt sees the mother')

    aunt.client.close()
    await waitForEntry(mother, seed.aunt.participant.id, { online: false, device: null }, 'mother sees the aunt gone offline')
    expect(aunt.status()).toEqual({ state: 'disconnected', reason: 'closed', willRetry: false })
  })

  it('shows a device change to everyone', async () => {
    const conferenceId = seed.conference.id
    const mother = join(ts, { conferenceId, token: seed.mother.token })
    const aunt = join(ts, { conferenceId, token: seed.aunt.token, device: 'desktop' })
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'desktop' })

    await expect(aunt.client.setDevice('phone')).resolves.toEqual({ ok: true })
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'phone' }, 'the aunt switched to phone')
  })

  it('shows the device of the newest connection while someone has two open', async () => {
    const conferenceId = seed.conference.id
    const mother = join(ts, { conferenceId, token: seed.mother.token })
    const auntLaptop = join(ts, { conferenceId, token: seed.aunt.token, device: 'desktop' })
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'desktop' })
    const auntPhone = join(ts, { conferenceId, token: seed.aunt.token, device: 'phone' })
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'phone' }, 'newest connection is the phone')

    auntPhone.client.close()
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'desktop' }, 'still online on the laptop')
    auntLaptop.client.close()
    await waitForEntry(mother, seed.aunt.participant.id, { online: false, device: null })
  })

  it('adds a new invitation to the roster at once (live event)', async () => {
    const conferenceId = seed.conference.id
    const mother = join(ts, { conferenceId, token: seed.mother.token })
    await waitConnected(mother)

    const { participant } = await inviteParticipant(ts.db, { conferenceId, displayName: 'Opa Kees', role: 'family' })
    getLiveEvents().emit('participant.invited', { conferenceId, participantId: participant.id })
    await waitForEntry(mother, participant.id, { online: false, device: null }, 'the new invitation appears offline')
    expect(mother.entry(participant.id)).toMatchObject({ displayName: 'Opa Kees', role: 'family' })
  })

  it('shows an invitation made by another process once someone joins', async () => {
    const conferenceId = seed.conference.id
    const mother = join(ts, { conferenceId, token: seed.mother.token })
    await waitConnected(mother)

    // The CLI writes the row without a live event; the next join re-reads the roster.
    const invited = await inviteParticipant(ts.db, { conferenceId, displayName: 'Buurvrouw Ria', role: 'network' })
    join(ts, { conferenceId, token: invited.token, device: 'phone' })
    await waitForEntry(mother, invited.participant.id, { online: true, device: 'phone' })
  })

  it('keeps conferences apart', async () => {
    const other = await seedMeeting(ts.db)
    const mother = join(ts, { conferenceId: seed.conference.id, token: seed.mother.token })
    const stranger = join(ts, { conferenceId: other.conference.id, token: other.mother.token })
    await waitConnected(mother)
    await waitConnected(stranger)

    const ids = (m: RecordedMeeting) => m.roster()!.entries.map((e) => e.participantId)
    expect(ids(mother)).not.toContain(other.mother.participant.id)
    expect(ids(stranger)).not.toContain(seed.mother.participant.id)
    expect(mother.roster()!.conferenceId).toBe(seed.conference.id)
  })
})
