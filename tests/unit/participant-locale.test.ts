import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invitationCookieName } from '../../lib/conference/join-link'
import { inviteToConference, listInvitations, reissueInvitation } from '../../lib/server/conference/invitations'
import { startConference } from '../../lib/server/conference/start-conference'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { findParticipantByToken } from '../../lib/server/db/repositories/participants'
import { createUser } from '../../lib/server/db/repositories/users'
import type { User } from '../../lib/server/db/schema'
import { keepParticipantLocale } from '../../lib/server/web/participant-locale'

/** The facilitator picks a language per invitation; the person changes it; the choice is kept on her row. */

const PUBLIC_URL = 'https://kring.example.org'
let db: Db
let fenna: User

beforeEach(async () => {
  db = await openDatabase(':memory:')
  fenna = await createUser(db, { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', passwordHash: null })
})
afterEach(async () => {
  await db.destroy()
})

async function invite(locale?: 'ar' | 'en') {
  const conference = await startConference(db, { title: 'Familie El Amrani', kind: 'familiegroepsplan', user: fenna })
  const invited = await inviteToConference(db, { conferenceId: conference.id, displayName: 'Khalti Amira', role: 'network', locale, actor: fenna.id, publicUrl: PUBLIC_URL })
  return { conference, invited }
}

describe('language per person', () => {
  it('an invitation keeps the language the facilitator picked, also on a new link', async () => {
    const { conference, invited } = await invite('ar')
    expect(invited.participant.locale).toBe('ar')
    expect((await findParticipantByToken(db, invited.token))?.locale).toBe('ar')
    const renewed = await reissueInvitation(db, { conferenceId: conference.id, participantId: invited.participant.id, actor: fenna.id, publicUrl: PUBLIC_URL })
    expect(renewed.participant.locale).toBe('ar')
    const listed = await listInvitations(db, conference.id)
    expect(listed.find((row) => row.id === renewed.participant.id)?.locale).toBe('ar')
  })

  it('without a choice the invitation names no language (the page speaks Dutch)', async () => {
    const { invited } = await invite()
    expect(invited.participant.locale).toBeNull()
  })

  it('switching on the join page keeps the new language on her invitation', async () => {
    const { invited } = await invite('ar')
    await keepParticipantLocale(db, `/join/${invited.token}`, 'en', () => undefined)
    expect((await findParticipantByToken(db, invited.token))?.locale).toBe('en')
  })

  it('switching on the board or the plan finds her invitation through that conference’s cookie only', async () => {
    const { conference, invited } = await invite('ar')
    const other = await invite('ar')
    const cookies: Record<string, string> = {
      [invitationCookieName(conference.id)]: invited.token,
      [invitationCookieName(other.conference.id)]: other.invited.token,
    }
    await keepParticipantLocale(db, `/board/${conference.id}/plan`, 'en', (name) => cookies[name])
    expect((await findParticipantByToken(db, invited.token))?.locale).toBe('en')
    expect((await findParticipantByToken(db, other.invited.token))?.locale).toBe('ar')
  })

  it('a page of no invitation, or a made-up token, changes nobody', async () => {
    const { invited } = await invite('ar')
    await keepParticipantLocale(db, '/', 'en', () => invited.token)
    await keepParticipantLocale(db, '/join/not-a-token', 'en', () => undefined)
    expect((await findParticipantByToken(db, invited.token))?.locale).toBe('ar')
  })
})
