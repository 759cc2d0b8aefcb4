import { describe, expect, it } from 'vitest'
import { waitFor } from '../helpers/test-server'
import { waitConnected, waitForEntry, useMeetingFixture } from './meeting-support'

describe('meeting plane: joins and leaves in the audit log', () => {
  // A fresh server per test (REVOCATION_POLL_MS=200) with a seeded meeting.
  const fixture = useMeetingFixture()
  const join = fixture.join

  const presence = () =>
    fixture.ts.db
      .selectFrom('audit_log')
      .select(['conference_id', 'actor', 'action', 'detail'])
      .where('action', 'in', ['participant.joined', 'participant.left'])
      .orderBy('id', 'asc')
      .execute()

  it('records one join and one leave per participant, with ids only', async () => {
    const conferenceId = fixture.seed.conference.id
    const mother = join(fixture.ts, { conferenceId, token: fixture.seed.mother.token })
    await waitConnected(mother)
    // A second tab of the same person is not a second arrival.
    const motherPhone = join(fixture.ts, { conferenceId, token: fixture.seed.mother.token, device: 'phone' })
    await waitConnected(motherPhone)
    const aunt = join(fixture.ts, { conferenceId, token: fixture.seed.aunt.token })
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: true })

    aunt.client.close()
    motherPhone.client.close()
    await waitForEntry(mother, fixture.seed.aunt.participant.id, { online: false })
    await waitFor(async () => (await presence()).length === 3, { message: 'two joins and one leave' })

    mother.client.close()
    await waitFor(async () => (await presence()).length === 4, { message: 'the mother left too' })

    const rows = await presence()
    expect(rows).toEqual([
      { conference_id: conferenceId, actor: fixture.seed.mother.participant.id, action: 'participant.joined', detail: null },
      { conference_id: conferenceId, actor: fixture.seed.aunt.participant.id, action: 'participant.joined', detail: null },
      { conference_id: conferenceId, actor: fixture.seed.aunt.participant.id, action: 'participant.left', detail: null },
      { conference_id: conferenceId, actor: fixture.seed.mother.participant.id, action: 'participant.left', detail: null },
    ])
    const text = JSON.stringify(rows)
    for (const personal of ['Mama Sanne', 'Tante Amira', fixture.seed.mother.token, fixture.seed.aunt.token]) expect(text).not.toContain(personal)
  })

  it('records the leave of everyone still connected when the server shuts down', async () => {
    const mother = join(fixture.ts, { conferenceId: fixture.seed.conference.id, token: fixture.seed.mother.token })
    await waitConnected(mother)
    // Closing the meeting plane waits for its audit writes, so the database may close right after.
    await fixture.ts.server.meeting.close()
    const rows = await fixture.ts.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'participant.left').execute()
    expect(rows).toEqual([{ actor: fixture.seed.mother.participant.id, action: 'participant.left' }])
    await waitFor(() => mother.closings.length === 1, { message: 'the client was told' })
    expect(mother.closings).toEqual([{ code: 1001, reason: 'server shutting down' }])
  })
})
