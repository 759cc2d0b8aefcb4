import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyTicket } from '../../lib/server/auth/tickets'
import { findViewer, issueBoardTicket } from '../../lib/server/conference/find-viewer'
import { permits } from '../../lib/conference/gate'
import { inviteToConference, listInvitations, reissueInvitation, revokeInvitation } from '../../lib/server/conference/invitations'
import { getLiveEvents, type LiveEventMap } from '../../lib/server/conference/live-events'
import { startConference } from '../../lib/server/conference/start-conference'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { findParticipantByToken } from '../../lib/server/db/repositories/participants'
import { createUser } from '../../lib/server/db/repositories/users'
import type { User } from '../../lib/server/db/schema'

const PUBLIC_URL = 'https://kring.example.org'
const SECRET = 'unit-secret-0123456789-0123456789-abcdef'

let db: Db
let fenna: User
let other: User
let events: { name: keyof LiveEventMap; participantId: string }[]
const onRevoked = ({ participantId }: { participantId: string }) => events.push({ name: 'participant.revoked', participantId })
const onInvited = ({ participantId }: { participantId: string }) => events.push({ name: 'participant.invited', participantId })

beforeEach(async () => {
  db = await openDatabase(':memory:')
  fenna = await createUser(db, { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', passwordHash: null })
  other = await createUser(db, { email: 'otto@example.org', name: 'Otto', role: 'facilitator', passwordHash: null })
  events = []
  getLiveEvents().on('participant.revoked', onRevoked)
  getLiveEvents().on('participant.invited', onInvited)
})

afterEach(async () => {
  getLiveEvents().off('participant.revoked', onRevoked)
  getLiveEvents().off('participant.invited', onInvited)
  await db.destroy()
})

async function conferenceWithInvitation() {
  const conference = await startConference(db, { title: 'Familie de Vries', kind: 'familiegroepsplan', user: fenna })
  const invited = await inviteToConference(db, { conferenceId: conference.id, displayName: 'Mama Sanne', role: 'family', actor: fenna.id, publicUrl: PUBLIC_URL })
  return { conference, invited }
}

async function auditActions(conferenceId: string) {
  const rows = await db.selectFrom('audit_log').select(['action', 'actor']).where('conference_id', '=', conferenceId).orderBy('id').execute()
  return rows.map((r) => r.action)
}

describe('starting a conference', () => {
  it('makes the facilitator its facilitator and audits it', async () => {
    const conference = await startConference(db, { title: ' Familie de Vries ', kind: 'netwerkkaart', user: fenna })
    expect(conference.title).toBe('Familie de Vries')
    const viewer = await findViewer(db, conference.id, { userId: fenna.id })
    expect(viewer).toMatchObject({ ok: true, conference: { id: conference.id }, participant: { role: 'facilitator' } })
    expect(viewer.ok && permits(viewer.participant, viewer.conference, 'invitations.manage')).toBe(true)
    expect(await auditActions(conference.id)).toEqual(['conference.created'])
  })

  it('is refused to a professional', async () => {
    const pro = await createUser(db, { email: 'jan@example.org', name: 'Jan', role: 'professional', passwordHash: null })
    await expect(startConference(db, { title: 'X', kind: 'evaluatie', user: pro })).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('is closed to another facilitator exactly as to an id that does not exist', async () => {
    const { conference } = await conferenceWithInvitation()
    expect(await findViewer(db, conference.id, { userId: other.id })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await findViewer(db, 'doesNotExist123', { userId: fenna.id })).toEqual({ ok: false, reason: 'forbidden' })
  })
})

describe('invitations', () => {
  it('give a link whose token finds the person, store only a hash, and announce the invitation', async () => {
    const { conference, invited } = await conferenceWithInvitation()
    expect(invited.joinUrl).toBe(`${PUBLIC_URL}/join/${invited.token}`)
    const row = await findParticipantByToken(db, invited.token)
    expect(row).toMatchObject({ id: invited.participant.id, conference_id: conference.id, display_name: 'Mama Sanne', role: 'family' })
    expect(row?.token_hash).not.toContain(invited.token)
    expect(events).toEqual([{ name: 'participant.invited', participantId: invited.participant.id }])
    expect(await listInvitations(db, conference.id)).toEqual([invited.participant])
    expect(await auditActions(conference.id)).toEqual(['conference.created', 'participant.invited'])
  })

  it('can be revoked (twice without harm), which announces the revocation so live connections close', async () => {
    const { conference, invited } = await conferenceWithInvitation()
    const revoked = await revokeInvitation(db, { conferenceId: conference.id, participantId: invited.participant.id, actor: fenna.id })
    expect(revoked.status).toBe('revoked')
    await revokeInvitation(db, { conferenceId: conference.id, participantId: invited.participant.id, actor: fenna.id })
    expect(events.filter((e) => e.name === 'participant.revoked')).toHaveLength(2)
    expect(await auditActions(conference.id)).toEqual(['conference.created', 'participant.invited', 'participant.revoked'])
    expect((await listInvitations(db, conference.id))[0]?.status).toBe('revoked')
  })

  it('cannot revoke the facilitator or a participant of another conference', async () => {
    const { conference } = await conferenceWithInvitation()
    const found = await findViewer(db, conference.id, { userId: fenna.id })
    if (!found.ok) throw new Error('expected the facilitator')
    const facilitator = found.participant
    await expect(revokeInvitation(db, { conferenceId: conference.id, participantId: facilitator.id, actor: fenna.id })).rejects.toMatchObject({ code: 'forbidden' })
    const elsewhere = await startConference(db, { title: 'Andere familie', kind: 'evaluatie', user: other })
    const stranger = await inviteToConference(db, { conferenceId: elsewhere.id, displayName: 'Iemand', role: 'network', actor: other.id, publicUrl: PUBLIC_URL })
    await expect(revokeInvitation(db, { conferenceId: conference.id, participantId: stranger.participant.id, actor: fenna.id })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('"new link" revokes the old link and invites the same name and role again', async () => {
    const { conference, invited } = await conferenceWithInvitation()
    const fresh = await reissueInvitation(db, { conferenceId: conference.id, participantId: invited.participant.id, actor: fenna.id, publicUrl: PUBLIC_URL })
    expect(fresh.token).not.toBe(invited.token)
    expect(fresh.participant).toMatchObject({ displayName: 'Mama Sanne', role: 'family', status: 'active' })
    expect((await findParticipantByToken(db, invited.token))?.revoked_at).not.toBeNull()
    expect(events.map((e) => e.name)).toEqual(['participant.invited', 'participant.revoked', 'participant.invited'])
  })
})

describe('who may look at a board', () => {
  it('lets in the signed-in facilitator and the holder of a valid invitation', async () => {
    const { conference, invited } = await conferenceWithInvitation()
    const asFacilitator = await findViewer(db, conference.id, { userId: fenna.id })
    expect(asFacilitator).toMatchObject({ ok: true, participant: { role: 'facilitator' } })
    const asInvited = await findViewer(db, conference.id, { invitationToken: invited.token })
    expect(asInvited).toMatchObject({ ok: true, participant: { id: invited.participant.id } })
  })

  it('sends people without any credential to sign in, and refuses revoked or foreign invitations', async () => {
    const { conference, invited } = await conferenceWithInvitation()
    expect(await findViewer(db, conference.id, {})).toEqual({ ok: false, reason: 'unauthenticated' })
    expect(await findViewer(db, conference.id, { userId: other.id })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await findViewer(db, conference.id, { invitationToken: 'garbage' })).toEqual({ ok: false, reason: 'forbidden' })
    const elsewhere = await startConference(db, { title: 'Andere familie', kind: 'evaluatie', user: other })
    expect(await findViewer(db, elsewhere.id, { invitationToken: invited.token })).toEqual({ ok: false, reason: 'forbidden' })
    await revokeInvitation(db, { conferenceId: conference.id, participantId: invited.participant.id, actor: fenna.id })
    expect(await findViewer(db, conference.id, { invitationToken: invited.token })).toEqual({ ok: false, reason: 'forbidden' })
    // An unknown conference answers as a foreign one: an id alone reveals nothing.
    expect(await findViewer(db, 'doesNotExist123', { userId: fenna.id })).toEqual({ ok: false, reason: 'forbidden' })
  })

  it('issues a ticket for that participant and conference that expires when it says', async () => {
    const { invited, conference } = await conferenceWithInvitation()
    const access = await findViewer(db, conference.id, { invitationToken: invited.token })
    if (!access.ok) throw new Error('expected access')
    const now = Date.UTC(2026, 10, 23, 10, 0, 0)
    const { ticket, expiresAt } = issueBoardTicket(SECRET, access.participant, 600, now)
    expect(expiresAt).toBe('2026-11-23T10:10:00.000Z')
    expect(verifyTicket(SECRET, ticket, now)).toMatchObject({ p: invited.participant.id, c: conference.id })
    expect(verifyTicket(SECRET, ticket, now + 601_000)).toBeNull()
  })
})
