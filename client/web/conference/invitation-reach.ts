import type { ParticipantSummary } from '@/lib/protocol/api'

/** How far an invitation got, for the facilitator's list: the latest step and when. */
export type Reach = { step: 'notOpened' } | { step: 'opened'; at: string } | { step: 'joined'; at: string }

export function reachOf(invitation: Pick<ParticipantSummary, 'openedAt' | 'joinedAt' | 'lastSeenAt'>): Reach {
  if (invitation.joinedAt !== null) return { step: 'joined', at: invitation.lastSeenAt ?? invitation.joinedAt }
  if (invitation.openedAt !== null) return { step: 'opened', at: invitation.openedAt }
  return { step: 'notOpened' }
}
