/**
 * The fixed words of a Kring board's items: rings, groups, card kinds, houses, areas. Plain
 * constants without zod, so code that ships on a phone's first paint (the phone view, the
 * placement) can use them; lib/board/items.ts builds the validators from them and re-exports them.
 */

export const rings = ['inner', 'middle', 'outer'] as const
export const personGroups = ['family', 'network', 'professional', 'institution'] as const
/** The default kinds of support (configurable per board, see lib/board/settings.ts). */
export const defaultSupportKinds = ['practical', 'emotional', 'informative', 'normative'] as const
export const cardKinds = ['central-question', 'going-well', 'worry', 'next-step', 'need', 'prompt'] as const
export const houses = ['worries', 'good-things', 'dreams'] as const
export const agreementStatuses = ['open', 'held', 'partly', 'not-held'] as const
/** How a person relates to the family or to another person; stored on tldraw arrows (meta). */
export const tieKinds = ['strong', 'weak', 'strained'] as const
export const areaKinds = [
  'central-question',
  'bottom-lines',
  'network-rings',
  'three-columns',
  'agreements',
  'safety-map',
  'safety-plan',
  'finding-circle',
  'oil-stain',
  'three-houses',
  'evaluation',
] as const

export type Ring = (typeof rings)[number]
export type PersonGroup = (typeof personGroups)[number]
export type CardKind = (typeof cardKinds)[number]
export type House = (typeof houses)[number]
export type AgreementStatus = (typeof agreementStatuses)[number]
export type TieKind = (typeof tieKinds)[number]
export type AreaKind = (typeof areaKinds)[number]
