import { describe, expect, it } from 'vitest'
import { getLiveEvents } from '../../lib/server/conference/live-events'
import { revokeParticipant } from '../../lib/server/db/repositories/participants'
import { waitFor } from '../helpers/test-server'
import { type RecordedMeeting, useMeetingFixture, waitConnected, waitForEntry } from './meeting-support'

describe('meeting plane: revocation takes effect on live connections', () => {
  // A fresh server per test (REVOCATION_POLL_MS=200) with a seeded meeting.
  const fixture = useMeetingFixture()
  const join = fixture.join

  async function bothConnected() {
    const conferenceId = fixture.seed.conference.id
    const mother = join(fixture.ts, { conferenceId, token: fixture.seed.mother.token })
    const aunt = join(fixture.ts, { conferenceId, token: fixture.seed.aunt.token, device: 'phone' })
    await waitConnected(aunt)
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true, device: 'phone' })
    return { mother, aunt }
  }

  async function expectAuntShutOut(mother: RecordedMeeting, aunt: RecordedMeeting) {
    await waitFor(() => aunt.status()?.state === 'refused', { message: 'the aunt is refused' })
    expect(aunt.closings).toEqual([{ code: 4403, reason: 'invitation revoked' }])
    expect(aunt.status()).toMatchObject({ state: 'refused', code: 4403 })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, 'absent', 'the aunt disappears from the roster')
    // The rest of the meeting carries on.
    expect(mother.status()).toEqual({ state: 'connected' })
    expect(mother.entry(fixture.seed.mother.participant.id)).toMatchObject({ online: true })
  }

  it('closes the revoked participant at once when the app announces it (live event)', async () => {
    // A poll too slow to matter, so only the live event can have done it.
    await fixture.restart({ REVOCATION_POLL_MS: '600000' })
    const { mother, aunt } = await bothConnected()
    await revokeParticipant(fixture.ts.db, fixture.seed.conference.id, fixture.seed.aunt.participant.id)
    getLiveEvents().emit('participant.revoked', { conferenceId: fixture.seed.conference.id, participantId: fixture.seed.aunt.participant.id })
    await expectAuntShutOut(mother, aunt)
  })

  it('closes the revoked participant when only the database knows (revocation poll)', async () => {
    const { mother, aunt } = await bothConnected()
    // As the CLI does it from another process: a row update, no live event.
    await revokeParticipant(fixture.ts.db, fixture.seed.conference.id, fixture.seed.aunt.participant.id)
    await expectAuntShutOut(mother, aunt)
  })

  it('keeps the revoked participant out: the client does not reconnect, a new attempt is refused', async () => {
    const { mother, aunt } = await bothConnected()
    await revokeParticipant(fixture.ts.db, fixture.seed.conference.id, fixture.seed.aunt.participant.id)
    await expectAuntShutOut(mother, aunt)
    const tokenRequests = aunt.tokenRequests()

    const again = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.aunt.token })
    await waitFor(() => again.status()?.state === 'refused', { message: 'a new attempt is refused' })
    expect(again.status()).toMatchObject({ code: 4403 })
    expect(aunt.tokenRequests()).toBe(tokenRequests)
  })

  it('drops a revoked invitation of someone not connected from the roster', async () => {
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    await waitForEntry(mother, fixture.seed.professional.participant.id, { online: false })
    await revokeParticipant(fixture.ts.db, fixture.seed.conference.id, fixture.seed.professional.participant.id)
    await waitForEntry(mother, fixture.seed.professional.participant.id, 'absent', 'the revoked invitation is gone (poll)')
  })

  it('a removal by the server is visible to the removed client with its code', async () => {
    const { mother, aunt } = await bothConnected()
    fixture.ts.server.meeting.disconnectParticipant(fixture.seed.aunt.participant.id, 4403, 'removed by the facilitator')
    await waitFor(() => aunt.status()?.state === 'refused', { message: 'the aunt is refused' })
    expect(aunt.closings).toEqual([{ code: 4403, reason: 'removed by the facilitator' }])
    // Not revoked: still invited, shown offline.
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: false, device: null })
  })
})
