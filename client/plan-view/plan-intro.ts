import type { ConferencePhase } from '@/lib/conference/model'
import type { MessageKey } from '@/lib/i18n'

/**
 * The line under the plan view's title. While the meeting runs, the plan follows the board ("when
 * someone changes something on the board, it changes here too"). Once the meeting is closed the
 * board no longer changes and the agreed versions are what counts, so saying it changes along
 * would be wrong.
 */
export function planIntroKey(phase: ConferencePhase | null): MessageKey {
  return phase === 'afgesloten' ? 'plan.view.introClosed' : 'plan.view.intro'
}
