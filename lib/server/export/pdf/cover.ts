import type { Content, TableCell } from 'pdfmake/interfaces'
import type { ConferenceFacts } from '../../../conference/facts'
import type { Device } from '../../../conference/model'
import type { ExportInput } from '../input'
import { longDay } from './dates'
import { heading, roleLabel, table, type SectionContext } from './sections'
import { COLUMN_WIDTH, rich } from './text'

/**
 * The cover of the case-file document: the meeting's facts (when, where, about which children,
 * who led it for which organisation, when the review is) and who took part and how.
 */

const LABEL_WIDTH = 175

/** One "label: value" line of the facts block, as a borderless two-column row. */
function factRow(label: string, value: string): TableCell[] {
  return [
    rich(label, { color: '#5b6470' }, { width: LABEL_WIDTH, size: 10 }) as TableCell,
    rich(value, { bold: true }, { width: COLUMN_WIDTH - LABEL_WIDTH - 8, size: 10, bold: true }) as TableCell,
  ]
}

function meetingWhen(facts: ConferenceFacts, ctx: SectionContext): string | null {
  if (facts.meetingDate === null) return facts.startTime === null ? null : ctx.t('exports.fact.timeOnly', { time: facts.startTime })
  const date = longDay(facts.meetingDate, ctx.locale)
  return facts.startTime === null ? date : ctx.t('exports.fact.dateTime', { date, time: facts.startTime })
}

function meetingPlace(facts: ConferenceFacts, ctx: SectionContext): string | null {
  if (facts.place !== null && facts.online) return ctx.t('exports.fact.placeAndOnline', { place: facts.place })
  if (facts.online) return ctx.t('exports.fact.online')
  return facts.place
}

export function factsBlock(input: ExportInput, ctx: SectionContext): Content[] {
  const facts = input.facts?.values
  if (facts === undefined) return []
  const rows: TableCell[][] = []
  const add = (label: Parameters<typeof ctx.t>[0], value: string | null) => {
    if (value !== null && value.trim() !== '') rows.push(factRow(ctx.t(label), value))
  }
  add('exports.fact.when', meetingWhen(facts, ctx))
  add('exports.fact.place', meetingPlace(facts, ctx))
  add(
    'exports.fact.children',
    facts.children.length === 0 ? null : facts.children.map((child) => ctx.t('exports.fact.child', { name: child.firstName, age: child.age })).join(', '),
  )
  add('exports.fact.organisation', facts.facilitatorOrganisation)
  add('exports.fact.review', facts.reviewDate === null ? null : longDay(facts.reviewDate, ctx.locale))
  const content: Content[] = []
  if (rows.length > 0) {
    content.push({
      table: { widths: [LABEL_WIDTH, '*'], body: rows },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingTop: () => 2, paddingBottom: () => 2 },
      margin: [0, 4, 0, 4],
    })
  }
  // A case file must show it when the meeting itself is not described.
  if (facts.meetingDate === null && facts.place === null && !facts.online && facts.children.length === 0) {
    content.push(rich(ctx.t('exports.fact.none'), { style: 'muted', margin: [0, 2, 0, 4] }))
  }
  if (!input.facts!.frozen) content.push(rich(ctx.t('exports.fact.notFrozen'), { style: 'muted', fontSize: 8, margin: [0, 0, 0, 4] }))
  return [{ stack: content, margin: [0, 0, 0, 4] }]
}

function deviceLabel(devices: readonly Device[], ctx: SectionContext): string {
  if (devices.includes('phone') && devices.includes('desktop')) return ctx.t('exports.joined.both')
  return ctx.t(devices.includes('phone') ? 'exports.joined.phone' : 'exports.joined.desktop')
}

/**
 * How someone took part, as far as Kring knows: the devices they were connected with when the
 * plan was agreed; else how they said yes (on their own device, or aloud with the facilitator
 * recording it); else not known. Whether someone sat in the room is not known to Kring.
 */
export function joinedHow(participant: ExportInput['participants'][number], input: ExportInput, ctx: SectionContext): string {
  const agreed = input.version.agreedBy.find((a) =>
    participant.participantId !== undefined ? a.participantId === participant.participantId : a.name === participant.name,
  )
  if (participant.devices !== undefined && participant.devices.length > 0) return deviceLabel(participant.devices, ctx)
  if (agreed?.recordedBy) return ctx.t('exports.joined.spoken')
  if (agreed) return ctx.t('exports.joined.ownDevice')
  return ctx.t(participant.devices === undefined ? 'exports.joined.unknown' : 'exports.joined.notConnected')
}

export function participantsSection(input: ExportInput, ctx: SectionContext): Content[] {
  const rows = input.participants.filter((p) => p.name.trim() !== '').map((p) => [p.name, roleLabel(p.role, ctx), joinedHow(p, input, ctx)])
  if (rows.length === 0) return []
  return [heading(ctx.t('exports.section.participants')), table(['*', 110, 170], [ctx.t('exports.col.name'), ctx.t('exports.col.role'), ctx.t('exports.col.joined')], rows)]
}
