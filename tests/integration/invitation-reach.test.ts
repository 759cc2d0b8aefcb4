import { describe, expect, it } from 'vitest'
import { findParticipant } from '../../lib/server/db/repositories/participants'
import { waitFor } from '../helpers/test-server'
import { useMeetingFixture, waitConnected } from './meeting-support'

/** The facilitator's list learns that a person came into the meeting, and when they were last there. */
describe('meeting plane: whether an invitation reached its person', () => {
  const fixture = useMeetingFixture()

  it('stamps opened and joined on arrival, keeps them on a second visit, and last seen when the last device leaves', async () => {
    const { conference, aunt } = fixture.seed
    const row = () => findParticipant(fixture.ts.db, aunt.participant.id)
    expect(await row()).toMatchObject({ opened_at: null, joined_at: null, last_seen_at: null })

    const phone = fixture.join(fixture.ts, { conferenceId: conference.id, token: aunt.token, device: 'phone' })
    await waitConnected(phone)
    await waitFor(async () => (await row())!.joined_at !== null, { message: 'joined recorded' })
    const arrived = (await row())!
    expect(arrived.opened_at).toBe(arrived.joined_at)

    phone.client.close()
    await waitFor(async () => (await row())!.last_seen_at! > arrived.joined_at!, { message: 'last seen after leaving' })

    const again = fixture.join(fixture.ts, { conferenceId: conference.id, token: aunt.token })
    await waitConnected(again)
    const later = (await row())!
    expect(later.joined_at).toBe(arrived.joined_at)
    expect(later.opened_at).toBe(arrived.opened_at)
    // The mother never came: nothing is known about her.
    expect(await findParticipant(fixture.ts.db, fixture.seed.mother.participant.id)).toMatchObject({ opened_at: null, joined_at: null, last_seen_at: null })
  })
})
