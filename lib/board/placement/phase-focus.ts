import type { ConferencePhase } from '../../conference/model'
import type { AreaKind } from '../items'
import { readBoard, type AreaOnPage, type Box } from './board-reading'

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

/**
 * The whole template: the smallest box around every area on the page the areas are on (a desktop
 * opens fitted to it, so the facilitator sees the board and not one corner of it), or null.
 */
export function boardOverviewArea(records: readonly unknown[]): Box | null {
  const { areas, pageId } = readBoard(records)
  const onPage = areas.filter((a) => a.pageId === pageId)
  if (onPage.length === 0) return null
  const left = Math.min(...onPage.map((a) => a.x))
  const top = Math.min(...onPage.map((a) => a.y))
  const right = Math.max(...onPage.map((a) => a.x + a.w))
  const bottom = Math.max(...onPage.map((a) => a.y + a.h))
  return { x: left, y: top, w: right - left, h: bottom - top }
}
