import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedMeeting, startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import { joinMeeting, waitConnected, waitForEntry, type RecordedMeeting } from './meeting-support'

describe('meeting plane: joins and leaves in the audit log', () => {
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

  const presence = () =>
    ts.db
      .selectFrom('audit_log')
      .select(['conference_id', 'actor', 'action', 'detail'])
      .where('action', 'in', ['participant.joined', 'participant.left'])
      .orderBy('id', 'asc')
      .execute()

  it('records one join and one leave per participant, with ids only', async () => {
    const conferenceId = seed.conference.id
    const mother = join(ts, { conferenceId, token: seed.mother.token })
    await waitConnected(mother)
    // A second tab of the same person is not a second arrival.
    const motherPhone = join(ts, { conferenceId, token: seed.mother.token, device: 'phone' })
    await waitConnected(motherPhone)
    const aunt = join(ts, { conferenceId, token: seed.aunt.token })
    await waitForEntry(mother, seed.aunt.participant.id, { online: true })

    aunt.client.close()
    motherPhone.client.close()
    await waitForEntry(mother, seed.aunt.participant.id, { online: false })
    await waitFor(async () => (await presence()).length === 3, { message: 'two joins and one leave' })

    mother.client.close()
    await waitFor(async () => (await presence()).length === 4, { message: 'the mother left too' })

    const rows = await presence()
    expect(rows).toEqual([
      { conference_id: conferenceId, actor: seed.mother.participant.id, action: 'participant.joined', detail: null },
      { conference_id: conferenceId, actor: seed.aunt.participant.id, action: 'participant.joined', detail: null },
      { conference_id: conferenceId, actor: seed.aunt.participant.id, action: 'participant.left', detail: null },
      { conference_id: conferenceId, actor: seed.mother.participant.id, action: 'participant.left', detail: null },
    ])
    const text = JSON.stringify(rows)
    for (const personal of ['Mama Sanne', 'Tante Amira', seed.mother.token, seed.aunt.token]) expect(text).not.toContain(personal)
  })

  it('records the leave of everyone still connected when the server shuts down', async () => {
    const mother = join(ts, { conferenceId: seed.conference.id, token: seed.mother.token })
    await waitConnected(mother)
    // Closing the meeting plane waits for its audit writes, so the database may close right after.
    await ts.server.meeting.close()
    const rows = await ts.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'participant.left').execute()
    expect(rows).toEqual([{ actor: seed.mother.participant.id, action: 'participant.left' }])
    await waitFor(() => mother.closings.length === 1, { message: 'the client was told' })
    expect(mother.closings).toEqual([{ code: 1001, reason: 'server shutting down' }])
  })
})
