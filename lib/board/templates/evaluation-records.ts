import { toRichText, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { itemDefaults, type ItemProps } from '../items'
import type { Plan, PlanAgreement, PlanPerson, PersonRef } from '../../plan/schema'
import { AREA_PADDING, areaSizes, ITEM_GAP, ITEMS_TOP } from './area-sizes'
import { indexKeyAt } from './index-keys'
import { kringShape, type PlacementOptions } from './shape-records'

type Point = { x: number; y: number }

const person = itemDefaults['kring-person']
const agreement = itemDefaults['kring-agreement']
/** The sticky note under a reviewed agreement that says what happened since (its check-ins); tldraw's note is 200 square. */
const HISTORY_H = 200

/**
 * Shape meta key on an evaluatie's agreement: the id of the agreement it reviews (in the reviewed
 * conference's plan). The group confirms it (leaves it), changes it (edits it) or ends it (removes
 * it); the version agreed at the review is compared with the reviewed one through this key
 * (lib/plan/follow-up/review.ts).
 */
export const REVIEWS_META_KEY = 'kringReviews'
const MAX_OWNERS = 10 // AgreementProps.ownerIds
const MAX_SUPPORT = 12 // PersonProps.support

/** How many cards of width `w` fit side by side inside an area of width `areaW`. */
function perRow(areaW: number, w: number): number {
  return Math.max(1, Math.floor((areaW - 2 * AREA_PADDING + ITEM_GAP) / (w + ITEM_GAP)))
}

function rowsOf(count: number, columns: number): number {
  return Math.ceil(count / columns)
}

/** The people the agreements name (owners, then backup), each once, in the order they first appear. */
function namedPeople(plan: Plan): PersonRef[] {
  const seen = new Map<string, PersonRef>()
  for (const a of plan.agreements) {
    for (const ref of [...a.owners, ...(a.backup ? [a.backup] : [])]) {
      // A person deleted from the reviewed board has no name left to show: the reference goes.
      if (ref.name !== null && !seen.has(ref.id)) seen.set(ref.id, ref)
    }
  }
  return [...seen.values()]
}

function personProps(ref: PersonRef, known: PlanPerson | undefined): Partial<ItemProps<'kring-person'>> {
  if (!known) return { name: ref.name ?? '' }
  return {
    name: known.name,
    relation: known.relation,
    ring: known.ring,
    group: known.group,
    support: known.support.slice(0, MAX_SUPPORT),
    note: known.note,
  }
}

function agreementProps(a: PlanAgreement, personIds: Map<string, TLShapeId>): Partial<ItemProps<'kring-agreement'>> {
  const ownerIds = a.owners.flatMap((o) => personIds.get(o.id) ?? []).slice(0, MAX_OWNERS)
  return {
    what: a.what,
    ownerIds,
    when: a.when,
    backupId: (a.backup && personIds.get(a.backup.id)) || '',
    howWeKnow: a.howWeKnow,
    // What it answered lives on the reviewed board, not on this one.
    answers: [],
    // The group decides again: held, partly, not held.
    status: 'open',
  }
}

/** A tldraw sticky note (yellow, small text) with what happened to a reviewed agreement. */
function historyNote(text: string, at: Point, options: PlacementOptions): TLShape {
  const note = kringShape('kring-card', at, {}, options)
  return {
    ...note,
    type: 'note',
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 's',
      font: 'sans',
      fontSizeAdjustment: null,
      align: 'start',
      verticalAlign: 'start',
      growY: 0,
      url: '',
      richText: toRichText(text.slice(0, 1_000)),
      scale: 1,
      textLastEditedBy: null,
    },
  } as unknown as TLShape
}

/**
 * The evaluation area of a review conference (evaluatie): the agreements of the conference it
 * reviews (`reviewed`: the plan of its latest frozen version), each a `kring-agreement` with
 * status 'open' for the group to set, and the people they name as `kring-person` shapes (new ids;
 * owners and backups point at them). People in a row at the top, agreements in reading order
 * below; the area grows to hold them. Area first, so it lies under its items.
 */
export function evaluationRecords(reviewed: Plan, at: Point, options: PlacementOptions, history: Readonly<Record<string, string>> = {}): TLShape[] {
  const w = areaSizes.evaluation.w
  const people = namedPeople(reviewed)
  const byId = new Map(reviewed.people.map((p) => [p.id, p]))
  const personIds = new Map<string, TLShapeId>()

  const peopleColumns = perRow(w, person.w)
  const peopleTop = at.y + ITEMS_TOP
  const peopleShapes = people.map((ref, i) => {
    const x = at.x + AREA_PADDING + (i % peopleColumns) * (person.w + ITEM_GAP)
    const y = peopleTop + Math.floor(i / peopleColumns) * (person.h + ITEM_GAP)
    const shape = kringShape('kring-person', { x, y }, personProps(ref, byId.get(ref.id)), options)
    personIds.set(ref.id, shape.id)
    return shape
  })

  const peopleHeight = rowsOf(people.length, peopleColumns) * (person.h + ITEM_GAP)
  const agreementsTop = peopleTop + peopleHeight + (people.length > 0 ? AREA_PADDING : 0)
  const agreementColumns = perRow(w, agreement.w)
  // With what happened since (the follow-up's check-ins), a sticky note under each agreement: the
  // group reads it and decides, and as a plain tldraw note it is not part of the new plan.
  const withHistory = reviewed.agreements.some((a) => history[a.id] !== undefined)
  const rowStep = agreement.h + ITEM_GAP + (withHistory ? HISTORY_H + ITEM_GAP : 0)
  const agreementShapes = reviewed.agreements.flatMap((a, i) => {
    const x = at.x + AREA_PADDING + (i % agreementColumns) * (agreement.w + ITEM_GAP)
    const y = agreementsTop + Math.floor(i / agreementColumns) * rowStep
    const shape = { ...kringShape('kring-agreement', { x, y }, agreementProps(a, personIds), options), meta: { [REVIEWS_META_KEY]: a.id } }
    const text = history[a.id]
    if (text === undefined) return [shape]
    return [shape, historyNote(text, { x, y: y + agreement.h + ITEM_GAP }, options)]
  })

  const contentBottom = agreementsTop + rowsOf(reviewed.agreements.length, agreementColumns) * rowStep - ITEM_GAP
  const h = Math.max(areaSizes.evaluation.h, contentBottom - at.y + AREA_PADDING)
  const area = kringShape('kring-area', at, { w, h, area: 'evaluation', variant: 0 }, options)
  return [area, ...peopleShapes, ...agreementShapes].map((shape, i) => ({ ...shape, index: indexKeyAt(i) }))
}
