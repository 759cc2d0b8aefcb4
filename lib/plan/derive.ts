import { z } from 'zod'
import type * as Y from 'yjs'
import { TIE_META_KEY, TieKindSchema, type TieKind } from '../board/items'
import { recordsMapOf } from '../sync/document-format'
import { ancestorsOf, indexBoard, inReadingOrder, itemsOfType, type BoardIndex, type BoardItem } from './board-records'
import { Plan, PLAN_SCHEMA_VERSION, type PersonRef, type PlanAgreement, type PlanBottomLine, type PlanPerson, type PlanScale } from './schema'

/**
 * The plan, derived from the board: nothing is typed twice, the board is the source of truth
 * (issue 3, section 4). Pure: the same records give the same plan, and unknown or invalid records
 * are skipped rather than thrown on (a half-written item must not take the plan view down).
 *
 * What the plan leaves out:
 * - who-question prompt cards (a prompt is a question to the group, not part of the plan);
 * - cards, bottom lines, danger statements, safety plan lines and house cards with nothing written on them
 *   (an item just added from the toolbar); people and agreements are kept even when empty, because
 *   other items refer to them and the checks say what is missing;
 * - scale marks whose scale is gone (see `findings`; the checks report them).
 */

/** What the derivation saw on the board that the plan itself cannot hold. */
export interface PlanFindings {
  /** Scale marks whose scale was deleted: one person's score with nothing to score. */
  orphanMarks: OrphanMark[]
}

export interface OrphanMark {
  id: string
  participantId: string
  name: string
  value: number
}

export interface DerivedBoard {
  plan: Plan
  findings: PlanFindings
}

/** The plan of a board document (its `records` map). */
export function derivePlan(doc: Y.Doc): Plan {
  return derivePlanFromRecords(recordsMapOf(doc).toJSON() as Record<string, unknown>)
}

/** The plan of a board's records (record id → record JSON). */
export function derivePlanFromRecords(records: Record<string, unknown>): Plan {
  return deriveBoard(records).plan
}

/** The plan and what the checks need beyond it. */
export function deriveBoard(records: Record<string, unknown>): DerivedBoard {
  const index = indexBoard(records)
  const cards = itemsOfType(index, 'kring-card').filter((card) => card.props.text.trim() !== '')
  const cardsOf = (kind: string) => cards.filter((card) => card.props.kind === kind).map((card) => ({ id: card.id, text: card.props.text }))
  const houseCards = itemsOfType(index, 'kring-house-card').filter((card) => card.props.text.trim() !== '' || card.props.emoji.trim() !== '')
  const childCards = (house: string) =>
    houseCards.filter((card) => card.props.house === house).map((card) => ({ id: card.id, text: card.props.text, emoji: card.props.emoji }))
  const { scales, orphanMarks } = scalesOf(index)
  const agreements = agreementsOf(index)

  const plan = Plan.parse({
    schemaVersion: PLAN_SCHEMA_VERSION,
    centralQuestion: cardsOf('central-question'),
    bottomLines: bottomLinesOf(index, agreements),
    people: peopleOf(index),
    goingWell: cardsOf('going-well'),
    worries: cardsOf('worry'),
    nextSteps: cards
      .filter((card) => card.props.kind === 'next-step')
      .map((card) => ({ id: card.id, text: card.props.text, answers: card.props.answers })),
    dangers: itemsOfType(index, 'kring-danger')
      .filter((item) => item.props.danger.trim() !== '' || item.props.goal.trim() !== '')
      .map((item) => ({ id: item.id, danger: item.props.danger, goal: item.props.goal })),
    scales,
    agreements,
    safetyPlan: itemsOfType(index, 'kring-safety-item')
      .filter(({ props }) => [props.signal, props.action, props.contactName, props.contactPhone, props.safePlace].some((text) => text.trim() !== ''))
      .map(({ id, props }) => ({
        id,
        signal: props.signal,
        action: props.action,
        contactName: props.contactName,
        contactPhone: props.contactPhone,
        safePlace: props.safePlace,
      })),
    childVoice: {
      worries: childCards('worries'),
      goodThings: childCards('good-things'),
      dreams: childCards('dreams'),
      drawings: drawingsInHouses(index),
    },
    needs: cardsOf('need'),
  })
  return { plan, findings: { orphanMarks } }
}

function peopleOf(index: BoardIndex): PlanPerson[] {
  const people = itemsOfType(index, 'kring-person')
  const ties = tiesOf(index)
  return people.map(({ id, props }) => ({
    id,
    name: props.name,
    relation: props.relation,
    ring: props.ring,
    group: props.group,
    support: props.support,
    note: props.note,
    ties: ties.get(id) ?? [],
  }))
}

type TieEnd = string | 'family'

/**
 * Ties are tldraw arrows carrying `meta.kringTie`, bound at both ends: to a person, or to the
 * network-rings area, which stands for the family in the centre. A tie with a loose or dangling end
 * (bound to a deleted shape, or to something else) is not a tie between people and is left out.
 * A tie belongs to both people it connects.
 */
function tiesOf(index: BoardIndex): Map<string, { to: TieEnd; kind: TieKind }[]> {
  const ties = new Map<string, { to: TieEnd; kind: TieKind }[]>()
  const add = (from: string, to: TieEnd, kind: TieKind) => {
    const list = ties.get(from) ?? []
    if (!list.some((tie) => tie.to === to && tie.kind === kind)) list.push({ to, kind })
    ties.set(from, list)
  }
  const arrows = inReadingOrder(
    index,
    [...index.shapes.values()].filter((shape) => shape.type === 'arrow'),
  )
  for (const arrow of arrows) {
    const kind = TieKindSchema.safeParse(arrow.meta?.[TIE_META_KEY])
    if (!kind.success) continue
    const bindings = index.arrowBindings.get(arrow.id) ?? []
    const start = tieEnd(index, bindings.find((binding) => binding.props.terminal === 'start')?.toId)
    const end = tieEnd(index, bindings.find((binding) => binding.props.terminal === 'end')?.toId)
    if (start === null || end === null || start === end) continue
    if (start !== 'family') add(start, end, kind.data)
    if (end !== 'family') add(end, start, kind.data)
  }
  return ties
}

function tieEnd(index: BoardIndex, shapeId: string | undefined): TieEnd | null {
  const item = shapeId === undefined ? undefined : index.items.get(shapeId)
  if (!item) return null
  if (item.type === 'kring-person') return item.id
  if (item.type === 'kring-area' && (item as BoardItem<'kring-area'>).props.area === 'network-rings') return 'family'
  return null
}

function agreementsOf(index: BoardIndex): PlanAgreement[] {
  const personRef = (id: string): PersonRef => {
    const person = index.items.get(id)
    return { id, name: person?.type === 'kring-person' ? (person as BoardItem<'kring-person'>).props.name : null }
  }
  return itemsOfType(index, 'kring-agreement').map(({ id, props }) => ({
    id,
    what: props.what,
    // The same person picked twice is one owner.
    owners: [...new Set(props.ownerIds)].map(personRef),
    when: props.when,
    backup: props.backupId === '' ? null : personRef(props.backupId),
    howWeKnow: props.howWeKnow,
    answers: props.answers,
    status: props.status,
  }))
}

const IsoTime = z.iso.datetime()

/**
 * The bottom lines, each with the agreements that say they answer it. A bottom line is ticked off
 * when it names who ticked it; a tick time the board holds in another form is left out rather
 * than failing the plan.
 */
function bottomLinesOf(index: BoardIndex, agreements: PlanAgreement[]): PlanBottomLine[] {
  return itemsOfType(index, 'kring-bottom-line')
    .filter((line) => line.props.text.trim() !== '')
    .map(({ id, props }) => {
      const ticked = props.tickedBy !== ''
      return {
        id,
        text: props.text,
        ticked,
        tickedBy: ticked ? { participantId: props.tickedBy, name: props.tickedByName } : null,
        tickedAt: ticked && IsoTime.safeParse(props.tickedAt).success ? props.tickedAt : null,
        answeredBy: agreements.filter((agreement) => agreement.answers.includes(id)).map((agreement) => agreement.id),
        // Only a tick carries a reason; an open bottom line has none to show.
        ...(ticked && (props.tickReason ?? '').trim() !== '' ? { tickReason: (props.tickReason ?? '').trim() } : {}),
      }
    })
}

/**
 * Scales with their marks. A mark is a child of its scale; one whose parent is not a (valid) scale
 * any more is an orphan. Marks of participants who left stay: their score was given at the table.
 * Two marks of one participant on one scale (two devices creating it at once) count once.
 * Marks are listed from low to high, as they sit on the scale.
 */
function scalesOf(index: BoardIndex): { scales: PlanScale[]; orphanMarks: OrphanMark[] } {
  const scales = itemsOfType(index, 'kring-scale')
  const marksByScale = new Map<string, BoardItem<'kring-scale-mark'>[]>()
  const orphanMarks: OrphanMark[] = []
  const validScaleIds = new Set(scales.map((scale) => scale.id))
  for (const mark of itemsOfType(index, 'kring-scale-mark')) {
    if (!validScaleIds.has(mark.parentId)) {
      orphanMarks.push({ id: mark.id, participantId: mark.props.participantId, name: mark.props.name, value: mark.props.value })
      continue
    }
    const list = marksByScale.get(mark.parentId) ?? []
    list.push(mark)
    marksByScale.set(mark.parentId, list)
  }
  return {
    orphanMarks,
    scales: scales.map((scale) => {
      const seen = new Set<string>()
      const marks = [...(marksByScale.get(scale.id) ?? [])]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .filter((mark) => !seen.has(mark.props.participantId) && seen.add(mark.props.participantId))
        .map(({ props }) => ({ participantId: props.participantId, name: props.name, value: props.value }))
        .sort((a, b) => a.value - b.value || a.name.localeCompare(b.name))
      return { id: scale.id, question: scale.props.question, marks }
    }),
  }
}

/**
 * Free drawings in the child's three houses: tldraw `draw` shapes inside a three-houses area,
 * either as its child (any depth) or drawn on top of it without being reparented.
 */
function drawingsInHouses(index: BoardIndex): number {
  const houses = [...index.items.values()].filter(
    (item): item is BoardItem<'kring-area'> => item.type === 'kring-area' && (item as BoardItem<'kring-area'>).props.area === 'three-houses',
  )
  if (houses.length === 0) return 0
  const houseIds = new Set(houses.map((house) => house.id))
  const rects = houses.map((house) => ({ ...index.pagePoint(house.id), w: house.props.w, h: house.props.h }))
  let count = 0
  for (const shape of index.shapes.values()) {
    if (shape.type !== 'draw') continue
    const inside =
      ancestorsOf(index, shape.id).some((id) => houseIds.has(id)) ||
      rects.some((rect) => {
        const point = index.pagePoint(shape.id)
        return point.x >= rect.x && point.x <= rect.x + rect.w && point.y >= rect.y && point.y <= rect.y + rect.h
      })
    if (inside) count++
  }
  return count
}
