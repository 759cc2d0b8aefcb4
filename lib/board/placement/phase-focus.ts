import type { ConferencePhase } from '../../conference/model'
import type { AreaKind } from '../items'
import { readBoard, type AreaOnPage } from './board-reading'

/**
 * The areas each phase works on, most likely first (DOMAIN.md, "The meeting, phase by phase"): a
 * phone opens the board fitted to the first of them the board has, not to a whole board it
 * cannot show legibly.
 */
export const phaseAreas: Record<ConferencePhase, readonly AreaKind[]> = {
  // Mapping the network and deciding whom to invite.
  voorbereiding: ['network-rings', 'finding-circle', 'oil-stain', 'evaluation'],
  // The question, the bottom lines, what the professionals worry about.
  informatie: ['central-question', 'bottom-lines', 'safety-map', 'evaluation', 'three-columns'],
  // The family's own time: what goes well, what worries, what needs to happen; the child's houses.
  besloten_deel: ['three-columns', 'safety-map', 'three-houses', 'evaluation', 'agreements'],
  // The plan itself.
  plan_en_afspraken: ['agreements', 'safety-plan', 'evaluation'],
  afgesloten: ['agreements', 'safety-plan', 'evaluation'],
}

/** The area the current phase works on (the first of its kinds the board has, in reading order), or null. */
export function phaseFocusArea(records: readonly unknown[], phase: ConferencePhase): AreaOnPage | null {
  const { areas } = readBoard(records)
  for (const kind of phaseAreas[phase]) {
    const area = areas.find((a) => a.kind === kind)
    if (area) return area
  }
  return null
}
