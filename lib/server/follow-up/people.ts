import type { Db } from '../db/connect'
import { listParticipants } from '../db/repositories/participants'
import type { Plan } from '../../plan/schema'
import { boardPeopleOf, peopleMatcher, type PeopleMatcher } from '../../plan/follow-up/people'
import { listPersonLinks } from './person-links'

/**
 * Who on a plan's board is which participant of the conference (lib/plan/follow-up/people.ts),
 * for readers outside the follow-up (the personal-data export). The participants are those whose
 * invitation still opens something, plus `include` (someone revoked still gets their own data).
 */
export async function loadPeopleMatcher(db: Db, conferenceId: string, plan: Plan, include?: string): Promise<PeopleMatcher> {
  const [participants, links] = await Promise.all([listParticipants(db, conferenceId), listPersonLinks(db, conferenceId)])
  const named = participants.filter((p) => p.revoked_at === null || p.id === include).map((p) => ({ id: p.id, name: p.display_name }))
  return peopleMatcher({ participants: named, links, boardPeople: boardPeopleOf(plan) })
}
