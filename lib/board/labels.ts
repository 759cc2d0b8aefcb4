import { rings, type PersonGroup, type Ring } from './item-kinds'

/**
 * One set of words for the network map's rings and a person's group, wherever they appear: the
 * board (person cards, the rings area, the person form), the plan view and every export. All of
 * them ask these functions for the i18n key, so a ring is never "Op afstand" on the board and
 * "Groepen en instanties" in the plan (tests/unit/ring-group-labels.test.ts checks).
 */

export type RingLabelKey = `items.person.ring.${Ring}`
export type GroupLabelKey = `items.person.group.${PersonGroup}`

export function ringLabelKey(ring: Ring): RingLabelKey {
  return `items.person.ring.${ring}`
}

export function groupLabelKey(group: PersonGroup): GroupLabelKey {
  return `items.person.group.${group}`
}

/** The rings from the centre outwards, as the rings area labels them. */
export const ringLabelKeys = [ringLabelKey('inner'), ringLabelKey('middle'), ringLabelKey('outer')] as const satisfies readonly RingLabelKey[] & { length: (typeof rings)['length'] }
