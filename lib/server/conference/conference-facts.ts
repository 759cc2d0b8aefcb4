import type { ConferenceFacts, ConferenceFactsInput } from '../../conference/facts'
import type { Db } from '../db/connect'
import { recordAudit } from '../db/repositories/audit'
import { setConferenceFacts } from '../db/repositories/conferences'

/**
 * The facilitator changes the conference's case-file facts (date, time, place, children,
 * organisation, review date). The audit log notes that they changed, never what they are.
 * Versions agreed earlier keep the facts they were frozen with.
 */
export async function updateConferenceFacts(db: Db, input: { conferenceId: string; facts: ConferenceFactsInput; actor: string }): Promise<ConferenceFacts> {
  const facts = await setConferenceFacts(db, input.conferenceId, input.facts)
  await recordAudit(db, { conferenceId: input.conferenceId, actor: input.actor, action: 'settings.changed', detail: 'facts' })
  return facts
}
