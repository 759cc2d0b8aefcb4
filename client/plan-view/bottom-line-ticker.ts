import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import { may } from '@/lib/conference/policy'
import type { Ticker } from '@/lib/plan/bottom-line-tick'

/**
 * Who ticks bottom lines off from the plan view: a professional while the conference is in plan
 * en afspraken (lib/conference/policy.ts `bottomLine.write`, in that phase only). Null for everyone
 * else, and while the phase is not known yet. Only shapes the screen: the sync server decides.
 */
export function bottomLineTicker(
  me: { participantId: string; displayName: string; role: ParticipantRole },
  phase: ConferencePhase | null,
): Ticker | null {
  if (phase !== 'plan_en_afspraken' || !may(me.role, phase, 'bottomLine.write')) return null
  return { participantId: me.participantId, name: me.displayName }
}
