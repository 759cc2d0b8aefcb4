import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { personalDataOf } from '../../lib/server/conference/personal-data'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { recordAudit } from '../../lib/server/db/repositories/audit'
import { emptyPlan, type PlanAgreement } from '../../lib/plan/schema'
import { PersonalDataExport } from '../../lib/protocol/personal-data'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'

let db: Db
beforeEach(async () => {
  db = await openDatabase(':memory:')
})
afterEach(async () => {
  await db.destroy()
})

// One person item per person, as on a board: agreements point at the same record.
const personId = (name: string) => `shape:${name.trim().toLowerCase().replace(/\s+/g, '-')}`
const agreement = (id: string, what: string, owners: string[], backup: string | null): PlanAgreement => ({
  id,
  what,
  owners: owners.map((name) => ({ id: personId(name), name })),
  when: 'elke woensdag',
  backup: backup === null ? null : { id: personId(backup), name: backup },
  howWeKnow: 'Sem vertelt het',
  answers: [],
  status: 'open',
})

describe('personal data', () => {
  it('holds the agreements of the latest version the person owns or backs up, and the audit events by or about them', async () => {
    const user = await seedUser(db, { email: 'fenna@example.org', name: 'Fenna' })
    const { conference, facilitator } = await seedConference(db, { facilitator: user })
    const amira = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Tante Amira', role: 'network' })
    const sanne = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Mama Sanne', role: 'family' })
    const plan = {
      ...emptyPlan(),
      agreements: [
        agreement('a1', 'Amira haalt Sem op', ['tante amira '], 'Mama Sanne'),
        agreement('a2', 'Sanne belt de school', ['Mama Sanne'], 'Tante Amira'),
        agreement('a3', 'Opa kookt op vrijdag', ['Opa Kees'], null),
      ],
    }
    await insertPlanVersion(db, {
      conferenceId: conference.id,
      plan,
      boardState: new Uint8Array(),
      boardSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      agreedBy: [{ participantId: amira.participant.id, name: 'Tante Amira', role: 'network', at: '2026-12-03T10:00:00.000Z', recordedBy: facilitator.id }],
      frozenBy: facilitator.id,
    })
    await recordAudit(db, { conferenceId: conference.id, actor: amira.participant.id, action: 'participant.joined' })
    await recordAudit(db, { conferenceId: conference.id, actor: sanne.participant.id, action: 'participant.joined' })

    const participant = await db.selectFrom('participants').selectAll().where('id', '=', amira.participant.id).executeTakeFirstOrThrow()
    const data = await personalDataOf(db, { participant, conference, user: null })
    expect(PersonalDataExport.parse(data)).toEqual(data)
    expect(data.agreements.map((a) => [a.id, a.as])).toEqual([
      ['a1', 'owner'],
      ['a2', 'backup'],
    ])
    expect(data.agreedVersions).toEqual([{ version: 1, at: '2026-12-03T10:00:00.000Z', spokenYes: true }])
    expect(data.auditEvents.map((e) => `${e.as}:${e.action}`)).toEqual(['subject:participant.invited', 'actor:participant.joined'])
    expect(JSON.stringify(data)).not.toContain('Opa kookt')
  })
})
