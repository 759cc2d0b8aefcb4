import type { Db } from '../db/connect'
import { listAudit } from '../db/repositories/audit'
import { getPlanVersion, listPlanVersions } from '../db/repositories/plan-versions'
import type { Conference, Participant, User } from '../db/schema'
import { PERSONAL_DATA_VERSION, PersonalDataExport } from '../../protocol/personal-data'
import type { PersonRef } from '../../plan/schema'
import { boardPeopleOf } from '../../plan/follow-up/people'
import { loadPeopleMatcher } from '../follow-up/people'
import { parseAuditDetail } from './audit-log'

/** ISO with milliseconds, also for rows written by SQLite's CURRENT_TIMESTAMP. */
function iso(value: string): string {
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`).toISOString()
}

/**
 * Everything Kring holds about one participant of one conference, for them to download (GDPR
 * article 15): who they are here, the agreements they own or back up in the latest agreed plan,
 * the versions they agreed to, their check-ins (none yet) and the audit entries by or about them.
 * Parsed with its schema on the way out. The caller asked the gate (`personalData.export`).
 */
export async function personalDataOf(
  db: Db,
  input: { participant: Participant; conference: Conference; user: Pick<User, 'email' | 'name'> | null; now?: Date },
): Promise<PersonalDataExport> {
  const { participant, conference } = input
  const latest = await getPlanVersion(db, conference.id)
  // Who they are on the board: the follow-up's rule (the facilitator's link, else an unambiguous name).
  const match = latest ? await loadPeopleMatcher(db, conference.id, latest.plan, participant.id) : null
  const isThem = (ref: PersonRef | null) => match !== null && match(ref).participantId === participant.id
  const boardPeople = latest && match
    ? boardPeopleOf(latest.plan).flatMap((person) => {
        const found = match(person)
        return found.participantId === participant.id ? [{ personId: person.id, name: person.name, linked: found.kind === 'linked' }] : []
      })
    : []
  const agreements = (latest?.plan.agreements ?? []).flatMap((agreement) => {
    const as = agreement.owners.some(isThem) ? ('owner' as const) : isThem(agreement.backup) ? ('backup' as const) : null
    if (as === null || !latest) return []
    return [{ version: latest.version, agreedAt: latest.frozenAt, id: agreement.id, as, what: agreement.what, when: agreement.when, howWeKnow: agreement.howWeKnow }]
  })

  const versions = await listPlanVersions(db, conference.id)
  const agreedVersions = versions.flatMap((v) =>
    v.agreedBy.filter((a) => a.participantId === participant.id).map((a) => ({ version: v.version, at: a.at, spokenYes: a.recordedBy !== null })),
  )

  const ids = new Set([participant.id, ...(participant.user_id ? [participant.user_id] : [])])
  const auditEvents = (await listAudit(db, conference.id, 10_000))
    .reverse()
    .flatMap((entry): { at: string; action: string; as: 'actor' | 'subject' }[] => {
      if (ids.has(entry.actor)) return [{ at: iso(entry.at), action: entry.action, as: 'actor' }]
      const detail = parseAuditDetail(entry.detail)
      if ((detail.participant && ids.has(detail.participant)) || (detail.for && ids.has(detail.for))) {
        return [{ at: iso(entry.at), action: entry.action, as: 'subject' }]
      }
      return []
    })

  return PersonalDataExport.parse({
    format: 'kring-personal-data',
    version: PERSONAL_DATA_VERSION,
    exportedAt: (input.now ?? new Date()).toISOString(),
    conference: {
      id: conference.id,
      title: conference.title,
      kind: conference.kind,
      phase: conference.phase,
      createdAt: conference.created_at,
      retainUntil: conference.retain_until,
    },
    person: {
      participantId: participant.id,
      name: participant.display_name,
      role: participant.role,
      invitedAt: participant.created_at,
      requiresAdmission: participant.requires_admission === 1,
      admission: participant.admission,
      removedAt: participant.removed_at,
      revokedAt: participant.revoked_at,
      account: input.user ? { email: input.user.email, name: input.user.name } : null,
    },
    boardPeople,
    agreements,
    agreedVersions,
    checkIns: [],
    auditEvents,
  })
}
