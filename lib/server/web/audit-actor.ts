import type { Participant } from '@/lib/server/db/schema'

/**
 * Who an invitation change is audited as: the account of the facilitator who made it, as the
 * log has always named them (lib/server/conference/audit-log.ts looks user ids up too), else the
 * participant.
 */
export function auditActorOf(participant: Pick<Participant, 'id' | 'user_id'>): string {
  return participant.user_id ?? participant.id
}
