import type { AuditEntry } from '../db/repositories/audit'
import type { Participant } from '../db/schema'
import type { MessageKey, Translate } from '../../i18n'
import { ConferencePhase, ParticipantRole } from '../../conference/model'

/**
 * The audit log as the facilitator reads it. The stored log keeps ids and states only (never
 * names or board content); names are looked up here, at display time, from the conference's
 * participants (also revoked ones: the log outlives an invitation). Pure: the page renders the
 * rows, a unit test checks the sentences.
 */

export interface AuditRow {
  id: number
  at: string
  /** Who did it: a participant's name, "the administrator (CLI)", or "unknown". */
  who: string
  /** What happened, as a sentence. */
  what: string
}

/** `key=value key=value` (most actions) or a bare participant id (invitations, revocations). */
export function parseAuditDetail(detail: string | null): Record<string, string> {
  if (!detail) return {}
  if (!detail.includes('=')) return { participant: detail }
  const fields: Record<string, string> = {}
  for (const part of detail.split(' ')) {
    const eq = part.indexOf('=')
    if (eq > 0) fields[part.slice(0, eq)] = part.slice(eq + 1)
  }
  return fields
}

/** Names by participant id and by user id (people who sign in act under their user id in some entries). */
export function auditNames(participants: readonly Pick<Participant, 'id' | 'user_id' | 'display_name'>[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const p of participants) {
    names.set(p.id, p.display_name)
    if (p.user_id) names.set(p.user_id, p.display_name)
  }
  return names
}

export function describeAuditEntries(entries: readonly AuditEntry[], names: ReadonlyMap<string, string>, t: Translate): AuditRow[] {
  const nameOf = (id: string | undefined) => (id === undefined ? t('web.audit.unknown') : (names.get(id) ?? t('web.audit.unknown')))
  return entries.map((entry) => {
    const who = entry.actor === 'cli' ? t('web.audit.cli') : nameOf(entry.actor)
    return { id: entry.id, at: entry.at, who, what: describe(entry, parseAuditDetail(entry.detail), nameOf, t) }
  })
}

function describe(entry: AuditEntry, detail: Record<string, string>, nameOf: (id: string | undefined) => string, t: Translate): string {
  const participant = nameOf(detail.participant)
  const phase = (value: string | undefined) => {
    const parsed = ConferencePhase.safeParse(value)
    return parsed.success ? t(`common.phase.${parsed.data}`) : t('web.audit.unknown')
  }
  const role = (value: string | undefined) => {
    const parsed = ParticipantRole.safeParse(value)
    return parsed.success ? t(`common.role.${parsed.data}`) : t('web.audit.unknown')
  }
  const simple: Record<string, MessageKey> = {
    'conference.created': 'web.audit.action.conferenceCreated',
    'participant.joined': 'web.audit.action.joined',
    'participant.left': 'web.audit.action.left',
    'participant.waiting': 'web.audit.action.waiting',
    'plan.proposed': 'web.audit.action.planProposed',
    'plan.withdrawn': 'web.audit.action.planWithdrawn',
    'participant.linked': 'web.audit.action.linked',
  }
  switch (entry.action) {
    case 'participant.invited':
      return t('web.audit.action.invited', { participant })
    case 'participant.revoked':
      return t('web.audit.action.revoked', { participant })
    case 'participant.admitted':
      return t('web.audit.action.admitted', { participant })
    case 'participant.declined':
      return t('web.audit.action.declined', { participant })
    case 'participant.removed':
      return detail.invitation === 'kept' ? t('web.audit.action.removedKept', { participant }) : t('web.audit.action.removedRevoked', { participant })
    case 'participant.role-changed':
      return t('web.audit.action.roleChanged', { participant, from: role(detail.from), to: role(detail.to) })
    case 'phase.changed':
      return t('web.audit.action.phaseChanged', { from: phase(detail.from), to: phase(detail.to) })
    case 'private-time.ended':
      return t('web.audit.action.privateTimeEnded')
    case 'settings.changed':
      return detail.facilitatorStaysInPrivateTime === 'true' ? t('web.audit.action.facilitatorStays') : t('web.audit.action.facilitatorLeaves')
    case 'plan.agreed':
      return detail.for ? t('web.audit.action.planAgreedFor', { participant: nameOf(detail.for) }) : t('web.audit.action.planAgreed')
    case 'plan.frozen':
      return t('web.audit.action.planFrozen', { version: detail.version ?? '?' })
    case 'agreement.checked-in': {
      const outcome = detail.outcome === 'done' || detail.outcome === 'cannot' || detail.outcome === 'help' ? t(`followUp.outcome.${detail.outcome}`) : t('web.audit.unknown')
      return t(detail.backup === 'asked' ? 'followUp.audit.checkedInAskBackup' : 'followUp.audit.checkedIn', { outcome, version: detail.version ?? '?' })
    }
    case 'agreement.taken-over':
      return t('followUp.audit.tookOver', { version: detail.version ?? '?' })
    case 'person.linked':
      return detail.participant ? t('followUp.audit.linked', { participant }) : t('followUp.audit.linkedNobody')
    case 'person.link-cleared':
      return t('followUp.audit.linkCleared')
    case 'board.restored':
      return t(detail.mode === 'items' ? 'history.audit.restoredItems' : 'history.audit.restoredBoard')
    case 'conference.retention-changed':
      return t('retention.audit.changed', { days: detail.days ?? '?' })
    case 'personal-data.exported':
      return t('retention.audit.personalData')
    case 'plan.exported':
      return t(detail.redacted === '1' ? 'web.audit.action.exportedRedacted' : 'web.audit.action.exported', {
        version: detail.version ?? '?',
        format: (detail.format ?? '?').toUpperCase(),
      })
  }
  const key = simple[entry.action]
  // An action this page does not know yet (a newer server): say what is stored, which holds no content.
  return key ? t(key) : t('web.audit.action.other', { action: entry.action })
}
