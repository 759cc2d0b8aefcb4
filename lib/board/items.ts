import { z } from 'zod'
import { agreementStatuses, areaKinds, cardKinds, houses, personGroups, rings, tieKinds } from './item-kinds'

/**
 * The typed items of a Kring board (see DOMAIN.md, "What goes on the board"), as tldraw shapes.
 *
 * This file is the one definition of their props: the tldraw shape utils validate with it (via
 * lib/board/tldraw-schema.ts), the plan derivation (lib/plan) parses with it, and the templates
 * (lib/board/templates) build records with its defaults. Framework-free: no React, no tldraw UI.
 *
 * References between items are tldraw shape ids (`shape:…`). A reference to an item that was
 * deleted is not an error here; the plan's live checks report it.
 */

const ShapeRef = z.string().startsWith('shape:').max(80)
const Size = z.number().finite().positive().max(20_000)
const shortText = (max = 120) => z.string().max(max)
const longText = () => z.string().max(1_000)

/** Phone numbers as people type them: digits, spaces and + ( ) - . / */
export const PhoneNumber = z
  .string()
  .max(40)
  .regex(/^[0-9+()\-./ ]*$/, 'only digits, spaces and + ( ) - . /')

// The kinds, rings, groups and areas live in a file without zod, so pages that only need the
// words (the phone view, the placement) do not ship the validators.
export {
  rings,
  personGroups,
  defaultSupportKinds,
  cardKinds,
  houses,
  agreementStatuses,
  tieKinds,
  areaKinds,
  type Ring,
  type PersonGroup,
  type CardKind,
  type House,
  type AgreementStatus,
  type TieKind,
  type AreaKind,
} from './item-kinds'

/** Someone in the network map. */
export const PersonProps = z.object({
  w: Size,
  h: Size,
  name: shortText(80),
  relation: shortText(80),
  ring: z.enum(rings),
  group: z.enum(personGroups),
  /** Ids of support kinds (see settings.supportKinds). */
  support: z.array(shortText(40)).max(12),
  note: shortText(500),
})

/** One card: the central question, a column card (going well / worry / next step), a need, a who-question prompt. */
export const CardProps = z.object({
  w: Size,
  h: Size,
  kind: z.enum(cardKinds),
  text: longText(),
  /** For next steps: the worries (cards or danger statements) this step answers. */
  answers: z.array(ShapeRef).max(20),
})

/** A danger statement paired with its safety goal (Signs of Safety). */
export const DangerProps = z.object({
  w: Size,
  h: Size,
  danger: longText(),
  goal: longText(),
})

/** A 0–10 scale; each participant's mark is a separate `kring-scale-mark` shape inside it. */
export const ScaleProps = z.object({
  w: Size,
  h: Size,
  question: shortText(200),
})

/**
 * One participant's mark on a scale. A shape of its own (a child of the scale) so that two people
 * moving their marks at once never overwrite each other; only its owner may move it.
 */
export const ScaleMarkProps = z.object({
  w: Size,
  h: Size,
  participantId: shortText(64),
  name: shortText(80),
  value: z.number().int().min(0).max(10),
})

/** An agreement: who does what, when, who stands in, how we will know it works. */
export const AgreementProps = z.object({
  w: Size,
  h: Size,
  what: longText(),
  /** Person shapes who carry it out. */
  ownerIds: z.array(ShapeRef).max(10),
  when: shortText(120),
  /** Person shape who stands in; '' when none is named yet. */
  backupId: z.union([ShapeRef, z.literal('')]),
  howWeKnow: longText(),
  /** Worries, danger statements or needs this agreement answers. */
  answers: z.array(ShapeRef).max(20),
  /** Used at a review conference (evaluatie). */
  status: z.enum(agreementStatuses),
})

/** A line of the safety plan: warning signal, what happens then, whom to call, a safe place. */
export const SafetyItemProps = z.object({
  w: Size,
  h: Size,
  signal: longText(),
  action: longText(),
  contactName: shortText(80),
  contactPhone: PhoneNumber,
  safePlace: shortText(200),
})

/** A card in one of the child's three houses: a few words and/or an emoji. */
export const HouseCardProps = z.object({
  w: Size,
  h: Size,
  house: z.enum(houses),
  text: shortText(200),
  emoji: shortText(16),
})

/**
 * A bottom line (ondergrens): a condition any plan must meet, set by the professionals in the
 * information phase. Only professionals may create, change, tick off or delete one (enforced by
 * the sync server, lib/conference/policy.ts `bottomLine.write`).
 */
export const BottomLineProps = z.object({
  w: Size,
  h: Size,
  text: longText(),
  /** Participant id of the professional who ticked it off in plan en afspraken; '' while open. */
  tickedBy: shortText(64),
  /** Their name as shown then (for the plan and the export). */
  tickedByName: shortText(80),
  /** ISO time of the tick; '' while open. */
  tickedAt: shortText(40),
  /**
   * Why it was ticked off although no agreement answers it (lib/plan/bottom-line-tick.ts); '' or
   * absent otherwise. Optional: boards from before it existed stay valid.
   */
  tickReason: shortText(500).optional(),
})

/**
 * A laid-out area of the board (rings, columns, houses…): the structure items are placed on.
 * Its title is not stored: it is drawn from `area` through i18n in the viewer's language.
 */
export const AreaProps = z.object({
  w: Size,
  h: Size,
  area: z.enum(areaKinds),
  /** For the five Family Finding circles: which one (0–4). 0 for every other area. */
  variant: z.number().int().min(0).max(4),
})

/** Every Kring shape type and its props schema. */
export const itemSchemas = {
  'kring-person': PersonProps,
  'kring-card': CardProps,
  'kring-danger': DangerProps,
  'kring-scale': ScaleProps,
  'kring-scale-mark': ScaleMarkProps,
  'kring-agreement': AgreementProps,
  'kring-safety-item': SafetyItemProps,
  'kring-house-card': HouseCardProps,
  'kring-area': AreaProps,
  'kring-bottom-line': BottomLineProps,
} as const

export type ItemType = keyof typeof itemSchemas
export type ItemProps<K extends ItemType> = z.infer<(typeof itemSchemas)[K]>
export const itemTypes = Object.keys(itemSchemas) as ItemType[]

export function isItemType(type: unknown): type is ItemType {
  return typeof type === 'string' && Object.hasOwn(itemSchemas, type)
}

/** Props of a new item of each type: what a template or the "add" buttons start from. */
export const itemDefaults: { [K in ItemType]: ItemProps<K> } = {
  'kring-person': { w: 200, h: 96, name: '', relation: '', ring: 'middle', group: 'network', support: [], note: '' },
  'kring-card': { w: 240, h: 120, kind: 'worry', text: '', answers: [] },
  'kring-danger': { w: 320, h: 200, danger: '', goal: '' },
  'kring-scale': { w: 560, h: 120, question: '' },
  'kring-scale-mark': { w: 40, h: 56, participantId: '', name: '', value: 5 },
  'kring-agreement': { w: 320, h: 200, what: '', ownerIds: [], when: '', backupId: '', howWeKnow: '', answers: [], status: 'open' },
  'kring-safety-item': { w: 320, h: 200, signal: '', action: '', contactName: '', contactPhone: '', safePlace: '' },
  'kring-house-card': { w: 160, h: 100, house: 'good-things', text: '', emoji: '' },
  'kring-area': { w: 800, h: 600, area: 'three-columns', variant: 0 },
  'kring-bottom-line': { w: 320, h: 140, text: '', tickedBy: '', tickedByName: '', tickedAt: '' },
}

/** tldraw arrow meta key holding the kind of tie between two people (or a person and the family). */
export const TIE_META_KEY = 'kringTie'
export const TieKindSchema = z.enum(tieKinds)
