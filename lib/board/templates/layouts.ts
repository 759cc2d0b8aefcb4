import type { ConferenceKind } from '../../conference/model'
import type { AreaKind } from '../items'

/** One area of a template; `variant` picks the Family Finding circle. */
export interface AreaSlot {
  area: AreaKind
  variant?: number
}

/**
 * The board each kind of conference starts with (DOMAIN.md, "What goes on the board"), as rows
 * read top to bottom, each row left to right: the order in which the meeting goes through them.
 */
export const templateLayouts: Record<ConferenceKind, AreaSlot[][]> = {
  // The question and the professionals' bottom lines first (informatie), then who is around the
  // family and what is going on, then the agreements.
  familiegroepsplan: [
    [{ area: 'central-question' }, { area: 'bottom-lines' }],
    [{ area: 'network-rings' }, { area: 'three-columns' }],
    [{ area: 'agreements' }],
  ],
  // Signs of Safety: the professionals' bottom lines, then map the situation and plan what happens
  // when warning signals appear.
  veiligheidsplan: [[{ area: 'bottom-lines' }], [{ area: 'safety-map' }, { area: 'safety-plan' }]],
  // Family Finding: the network, each person's own network around them (olievlek), then the five circles.
  netwerkkaart: [
    [{ area: 'network-rings' }, { area: 'oil-stain' }],
    [0, 1, 2].map((variant) => ({ area: 'finding-circle', variant }) as const),
    [3, 4].map((variant) => ({ area: 'finding-circle', variant }) as const),
  ],
  // Which agreements held, then what goes well, what worries and what needs to happen now.
  evaluatie: [[{ area: 'evaluation' }], [{ area: 'three-columns' }]],
}

/** Space between areas. */
export const AREA_GAP = 160
