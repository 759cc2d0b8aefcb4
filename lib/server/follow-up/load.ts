import type { Db } from '../db/connect'
import { listParticipants } from '../db/repositories/participants'
import { getPlanVersion, type StoredPlanVersion } from '../db/repositories/plan-versions'
import { listCheckIns, listTakeovers } from '../db/repositories/follow-up'
import { followUpOf, type FollowUp } from '../../plan/follow-up/follow-up'
import type { PersonLink } from '../../plan/follow-up/people'
import { listPersonLinks } from './person-links'

export interface ConferenceFollowUp {
  version: StoredPlanVersion
  followUp: FollowUp
  /** Participant names by id (for the view; the stored rows hold ids only). */
  names: Map<string, string>
  /** The facilitator's links of board people to participants. */
  links: PersonLink[]
}

/**
 * The follow-up of a conference's latest frozen version at `now`, or null before a plan was
 * agreed. Who on the board is which participant: the facilitator's links first, else an
 * unambiguous name (lib/plan/follow-up/people.ts). Revoked participants stay in the names (their
 * past check-ins still count) but are not matched as owners: their invitation opens nothing any more.
 */
export async function loadFollowUp(db: Db, conferenceId: string, now: Date): Promise<ConferenceFollowUp | null> {
  const version = await getPlanVersion(db, conferenceId)
  if (!version) return null
  const [checkIns, takeovers, participants, links] = await Promise.all([
    listCheckIns(db, version.id),
    listTakeovers(db, version.id),
    listParticipants(db, conferenceId),
    listPersonLinks(db, conferenceId),
  ])
  const live = participants.filter((p) => p.revoked_at === null).map((p) => ({ id: p.id, name: p.display_name }))
  const followUp = followUpOf({ plan: version.plan, frozenAt: version.frozenAt, checkIns, takeovers, participants: live, links, now })
  return { version, followUp, names: new Map(participants.map((p) => [p.id, p.display_name])), links }
}
