import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getLiveEvents } from '../../lib/conference/live-events'
import { revokeParticipant } from '../../lib/db/repositories/participants'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import { joinMeeting, waitConnected, waitForEntry, type RecordedMeeting } from './meeting-support'

describe('meeting plane: revocation takes effect on live connections', () => {
  let ts: TestServer
  let seed: Awaited<ReturnType<typeof seedMeeting>>
  const open: RecordedMeeting[] = []
  const join = (...args: Parameters<typeof joinMeeting>) => {
    const meeting = joinMeeting(...args)
    open.push(meeting)
    return meeting
  }

  beforeEach(async () => {
    ts = await startTestServer() // REVOCATION_POLL_MS=200
    seed = await seedMeeting(ts.db)
  })
  afterEach(async () => {
    for (const m of open.splice(0)) m.client.close()
    await ts.stop()
  })

  async function bothConnected() {
    const conferenceId = seed.conference.id
    const mother = join(ts, { conferenceId, token: seed.mother.token })
    const aunt = join(ts, { conferenceId, token: seed.aunt.token, device: 'phone' })
    await waitConnected(aunt)
    await waitForEntry(mother, seed.aunt.participant.id, { online: true, device: 'phone' })
    return { mother, aunt }
  }

  async function expectAuntShutOut(mother: RecordedMeeting, aunt: RecordedMeeting) {
    await waitFor(() => aunt.status()?.state === 'refused', { message: 'the aunt is refused' })
    expect(aunt.closings).toEqual([{ code: 4403, reason: 'invitation revoked' }])
    expect(aunt.status()).toMatchObject({ state: 'refused', code: 4403 })
    await waitForEntry(mother, seed.aunt.participant.id, 'absent', 'the aunt disappears from the roster')
    // The rest of the meeting carries on.
    expect(mother.status()).toEqual({ state: 'connected' })
    expect(mother.entry(seed.mother.participant.id)).toMatchObject({ online: true })
  }

  it('closes the revoked participant at once when the app announces it (live event)', async () => {
    // A poll too slow to matter, so only the live event can have done it.
    await ts.stop()
    ts = await startTestServer({ REVOCATION_POLL_MS: '600000' })
    seed = await seedMeeting(ts.db)
    const { mother, aunt } = await bothConnected()
    await revokeParticipant(ts.db, seed.conference.id, seed.aunt.participant.id)
    getLiveEvents().emit('participant.revoked', { conferenceId: seed.conference.id, participantId: seed.aunt.participant.id })
    await expectAuntShutOut(mother, aunt)
  })

  it('closes the revoked participant when only the database knows (revocation poll)', async () => {
    const { mother, aunt } = await bothConnected()
    // As the CLI does it from another process: a row update, no live event.
    await revokeParticipant(ts.db, seed.conference.id, seed.aunt.participant.id)
    await expectAuntShutOut(mother, aunt)
  })

  it('keeps the revoked participant out: the client does not reconnect, a new attempt is refused', async () => {
    const { mother, aunt } = await bothConnected()
    await revokeParticipant(ts.db, seed.conference.id, seed.aunt.participant.id)
    await expectAuntShutOut(mother, aunt)
    const tokenRequests = aunt.tokenRequests()

    const again = join(ts, { conferenceId: seed.conference.id, token: seed.aunt.token })
    await waitFor(() => again.status()?.state === 'refused', { message: 'a new attempt is refused' })
    expect(again.status()).toMatchObject({ code: 4403 })
    expect(aunt.tokenRequests()).toBe(tokenRequests)
  })

  it('drops a revoked invitation of someone not connected from the roster', async () => {
    const mother = join(ts, { conferenceId: seed.conference.id, token: seed.mother.token })
    await waitForEntry(mother, seed.professional.participant.id, { online: false })
    await revokeParticipant(ts.db, seed.conference.id, seed.professional.participant.id)
    await waitForEntry(mother, seed.professional.participant.id, 'absent', 'the revoked invitation is gone (poll)')
  })

  it('a removal by the server is visible to the removed client with its code', async () => {
    const { mother, aunt } = await bothConnected()
    ts.server.meeting.disconnectParticipant(seed.aunt.participant.id, 4403, 'removed by the facilitator')
    await waitFor(() => aunt.status()?.state === 'refused', { message: 'the aunt is refused' })
    expect(aunt.closings).toEqual([{ code: 4403, reason: 'removed by the facilitator' }])
    // Not revoked: still invited, shown offline.
    await waitForEntry(mother, seed.aunt.participant.id, { online: false, device: null })
  })
})
