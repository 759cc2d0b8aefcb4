import type { Content, TableCell } from 'pdfmake/interfaces'
import { defaultSupportKinds } from '../../../board/items'
import { groupLabelKey, ringLabelKey } from '../../../board/labels'
import type { Translate } from '../../../i18n'
import type { Locale } from '../../../i18n'
import type { Plan, PersonRef, PlanText } from '../../../plan/schema'
import type { ExportInput } from '../input'
import { dateTime } from './dates'
import { COLUMN_WIDTH, rich, type TextProps } from './text'

/**
 * The sections of the plan PDF, in the order a professional reads it (issue 3, section 7).
 * Each returns pdfmake content; an empty section says so instead of disappearing, so a reader
 * can tell "nothing was agreed about this" from "this was left out".
 */

export interface SectionContext {
  t: Translate
  locale: Locale
}

const ACCENT = '#1f3b63'
const HEADER_FILL = '#e8eef6'

/** A section title that is never left alone at the bottom of a page. */
export function heading(text: string, page: { newPage?: 'portrait' | 'landscape' } = {}): Content {
  const newPage = page.newPage ? { pageBreak: 'before' as const, pageOrientation: page.newPage } : {}
  return { ...(rich(text, { style: 'h2', ...newPage }, { width: COLUMN_WIDTH, size: 13, bold: true }) as object), headlineLevel: 1 } as Content
}

function empty(ctx: SectionContext): Content {
  return rich(ctx.t('exports.pdf.empty'), { style: 'muted' })
}

function bullets(items: PlanText[], ctx: SectionContext): Content {
  const texts = items.filter((item) => item.text.trim() !== '')
  if (texts.length === 0) return empty(ctx)
  return { ul: texts.map((item) => rich(item.text, {}, { width: COLUMN_WIDTH - 15, size: 10 })), margin: [0, 0, 0, 4] }
}

/** Table text size and cell padding (pdfmake's default padding is 4 pt each side). */
const TABLE_SIZE = 9
const CELL_PADDING = 8

/**
 * A table filling the column: `widths` in points or '*' (sharing what is left). Text cells are
 * strings, laid out knowing their column's width; other cells are pdfmake content.
 */
function table(widths: (number | '*')[], header: string[], rows: (string | TableCell)[][]): Content {
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0)
  const stars = widths.filter((w) => w === '*').length
  const star = stars === 0 ? 0 : (COLUMN_WIDTH - fixed - widths.length * CELL_PADDING) / stars
  const columnWidths = widths.map((w) => (w === '*' ? star : w))
  const text = (value: string | TableCell, column: number, style: TextProps = {}): TableCell =>
    typeof value === 'string' ? (rich(value, style, { width: columnWidths[column]!, size: TABLE_SIZE, bold: style.bold === true }) as TableCell) : value
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((label, column) => text(label, column, { bold: true, color: ACCENT, fillColor: HEADER_FILL })), ...rows.map((row) => row.map((cell, column) => text(cell, column)))],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#c5ccd6',
      vLineColor: () => '#c5ccd6',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    style: 'table',
  }
}

function personName(ref: PersonRef | null, ctx: SectionContext): string {
  if (ref === null) return ctx.t('exports.backup.none')
  return ref.name ?? ctx.t('exports.person.deleted')
}

function role(value: string, ctx: SectionContext): string {
  return ctx.t(`common.role.${value as 'facilitator'}`)
}

export function participantsSection(input: ExportInput, ctx: SectionContext): Content[] {
  const rows = input.participants.filter((p) => p.name.trim() !== '').map((p) => [p.name, role(p.role, ctx)])
  return [heading(ctx.t('exports.section.participants')), rows.length === 0 ? empty(ctx) : table(['*', 160], [ctx.t('exports.col.name'), ctx.t('exports.col.role')], rows)]
}

export function centralQuestionSection(plan: Plan, ctx: SectionContext): Content[] {
  const questions = plan.centralQuestion.filter((q) => q.text.trim() !== '')
  return [
    heading(ctx.t('exports.section.centralQuestion')),
    questions.length === 0 ? empty(ctx) : { stack: questions.map((q) => rich(q.text, { style: 'question' }, { width: COLUMN_WIDTH, size: 12, bold: true })) },
  ]
}

/**
 * The professionals' bottom lines: each with the agreements that answer it (in their own words)
 * and whether a professional ticked it off, by whom and when.
 */
export function bottomLinesSection(plan: Plan, ctx: SectionContext): Content[] {
  const agreements = new Map(plan.agreements.map((agreement) => [agreement.id, agreement.what.trim()]))
  const rows = plan.bottomLines
    .filter((line) => line.text.trim() !== '')
    .map((line) => {
      const answers = line.answeredBy.filter((id) => agreements.has(id)).map((id) => agreements.get(id) || ctx.t('exports.bottomLine.agreementMissing'))
      const ticked =
        line.tickedBy === null
          ? ctx.t('exports.bottomLine.open')
          : line.tickedAt === null
            ? ctx.t('exports.bottomLine.tickedByNoDate', { name: line.tickedBy.name })
            : ctx.t('exports.bottomLine.tickedBy', { name: line.tickedBy.name, date: dateTime(line.tickedAt, ctx.locale) })
      // Ticked off without an agreement: the professional's reason goes with the tick.
      const reason = line.ticked && line.tickReason ? `\n${ctx.t('exports.bottomLine.reason', { reason: line.tickReason })}` : ''
      return [line.text, answers.length === 0 ? ctx.t('exports.bottomLine.notAnswered') : answers.join('\n'), ticked + reason]
    })
  return [
    heading(ctx.t('exports.section.bottomLines')),
    rows.length === 0
      ? empty(ctx)
      : table(['*', 170, 120], [ctx.t('exports.col.bottomLine'), ctx.t('exports.col.answeredBy'), ctx.t('exports.col.ticked')], rows),
  ]
}

/** The board image as a PNG data URL, and whether it is wide enough for a landscape page. */
export interface BoardImage {
  dataUrl: string
  landscape: boolean
}

/** The board gets a page of its own (landscape when it is wide), so it is as large as A4 allows. */
export function boardSection(board: BoardImage | null, ctx: SectionContext): Content[] {
  if (board === null) return [heading(ctx.t('exports.section.board')), rich(ctx.t('exports.pdf.boardMissing'), { style: 'muted' })]
  return [
    heading(ctx.t('exports.section.board'), { newPage: board.landscape ? 'landscape' : 'portrait' }),
    { image: board.dataUrl, fit: board.landscape ? [762, 470] : [515, 700], alignment: 'center', margin: [0, 2, 0, 6] },
  ]
}

function supportLabel(kind: string, ctx: SectionContext): string {
  return (defaultSupportKinds as readonly string[]).includes(kind) ? ctx.t(`exports.support.${kind as (typeof defaultSupportKinds)[number]}`) : kind
}

export function networkSection(plan: Plan, ctx: SectionContext, page: { newPage?: 'portrait' } = {}): Content[] {
  const rows = plan.people.map((person) => [
    person.name,
    person.relation,
    `${ctx.t(ringLabelKey(person.ring))}, ${ctx.t(groupLabelKey(person.group))}`,
    person.support.map((kind) => supportLabel(kind, ctx)).join(', '),
  ])
  return [
    heading(ctx.t('exports.section.network'), page),
    rows.length === 0
      ? empty(ctx)
      : table(['*', 100, 120, 110], [ctx.t('exports.col.name'), ctx.t('exports.col.relation'), ctx.t('exports.col.ring'), ctx.t('exports.col.support')], rows),
  ]
}

export function columnsSections(plan: Plan, ctx: SectionContext): Content[] {
  return [
    heading(ctx.t('exports.section.goingWell')),
    bullets(plan.goingWell, ctx),
    heading(ctx.t('exports.section.worries')),
    bullets(plan.worries, ctx),
    heading(ctx.t('exports.section.nextSteps')),
    bullets(plan.nextSteps, ctx),
  ]
}

export function dangersSection(plan: Plan, ctx: SectionContext): Content[] {
  const rows = plan.dangers.filter((d) => `${d.danger}${d.goal}`.trim() !== '').map((d) => [d.danger, d.goal])
  return [heading(ctx.t('exports.section.dangers')), rows.length === 0 ? empty(ctx) : table(['*', '*'], [ctx.t('exports.col.danger'), ctx.t('exports.col.goal')], rows)]
}

/** A 0–10 bar: grey track, filled up to the score. */
function scoreBar(value: number): Content {
  const width = 120
  return {
    canvas: [
      { type: 'rect', x: 0, y: 3, w: width, h: 7, r: 3, color: '#e5e9ef' },
      ...(value > 0 ? [{ type: 'rect' as const, x: 0, y: 3, w: (width * value) / 10, h: 7, r: 3, color: '#4a6fd6' }] : []),
    ],
  }
}

export function scalesSection(plan: Plan, ctx: SectionContext): Content[] {
  const content: Content[] = [heading(ctx.t('exports.section.scales'))]
  if (plan.scales.length === 0) return [...content, empty(ctx)]
  for (const scale of plan.scales) {
    if (scale.question.trim() !== '') content.push(rich(scale.question, { bold: true, margin: [0, 4, 0, 3] }))
    if (scale.marks.length === 0) {
      content.push(rich(ctx.t('exports.scale.noMarks'), { style: 'muted' }))
      continue
    }
    const rows = scale.marks.map((mark) => [mark.name, ctx.t('exports.scale.value', { value: mark.value }), scoreBar(mark.value) as TableCell])
    content.push(table(['*', 70, 130], [ctx.t('exports.col.name'), ctx.t('exports.col.score'), ''], rows))
  }
  return content
}

export function agreementsSection(plan: Plan, kind: ExportInput['conference']['kind'], ctx: SectionContext): Content[] {
  const withStatus = kind === 'evaluatie' || plan.agreements.some((a) => a.status !== 'open')
  const rows = plan.agreements.map((a) => {
    const row = [
      a.what,
      a.owners.map((owner) => personName(owner, ctx)).join(', '),
      a.when,
      personName(a.backup, ctx),
      a.howWeKnow,
    ]
    return withStatus ? [...row, ctx.t(`exports.status.${a.status}`)] : row
  })
  const header = [ctx.t('exports.col.what'), ctx.t('exports.col.who'), ctx.t('exports.col.when'), ctx.t('exports.col.backup'), ctx.t('exports.col.howWeKnow')]
  return [
    heading(ctx.t('exports.section.agreements')),
    rows.length === 0
      ? empty(ctx)
      : withStatus
        ? table(['*', 70, 60, 65, '*', 50], [...header, ctx.t('exports.col.status')], rows)
        : table(['*', 80, 70, 70, '*'], header, rows),
  ]
}

export function safetyPlanSection(plan: Plan, ctx: SectionContext): Content[] {
  const rows = plan.safetyPlan.map((item) => [
    item.signal,
    item.action,
    [item.contactName, item.contactPhone].filter((part) => part.trim() !== '').join('\n'),
    item.safePlace,
  ])
  return [
    heading(ctx.t('exports.section.safetyPlan')),
    rows.length === 0
      ? empty(ctx)
      : table(['*', '*', 110, 90], [ctx.t('exports.col.signal'), ctx.t('exports.col.action'), ctx.t('exports.col.call'), ctx.t('exports.col.safePlace')], rows),
  ]
}

export function childVoiceSection(plan: Plan, ctx: SectionContext): Content[] {
  const houses = [
    ['exports.house.worries', plan.childVoice.worries],
    ['exports.house.good-things', plan.childVoice.goodThings],
    ['exports.house.dreams', plan.childVoice.dreams],
  ] as const
  const content: Content[] = [heading(ctx.t('exports.section.childVoice'))]
  let any = false
  for (const [key, cards] of houses) {
    const texts = cards.map((card) => [card.emoji, card.text].filter((part) => part.trim() !== '').join(' ')).filter((text) => text !== '')
    if (texts.length === 0) continue
    any = true
    content.push(rich(ctx.t(key), { bold: true, margin: [0, 4, 0, 2] }), { ul: texts.map((text) => rich(text, {}, { width: COLUMN_WIDTH - 15, size: 10 })) })
  }
  if (plan.childVoice.drawings > 0) {
    any = true
    content.push(rich(ctx.t('exports.child.drawings', { count: plan.childVoice.drawings }), { style: 'muted', margin: [0, 4, 0, 0] }))
  }
  return any ? content : [...content, empty(ctx)]
}

export function needsSection(plan: Plan, ctx: SectionContext): Content[] {
  return [heading(ctx.t('exports.section.needs')), bullets(plan.needs, ctx)]
}

export function agreedBySection(input: ExportInput, ctx: SectionContext): Content[] {
  const rows = input.version.agreedBy.map((a) => [
    a.name,
    role(a.role, ctx),
    dateTime(a.at, ctx.locale),
    a.recordedBy === null ? ctx.t('exports.agreed.self') : ctx.t('exports.agreed.spoken'),
  ])
  return [
    heading(ctx.t('exports.section.agreedBy')),
    rows.length === 0
      ? empty(ctx)
      : table(['*', 90, 95, 150], [ctx.t('exports.col.name'), ctx.t('exports.col.role'), ctx.t('exports.col.at'), ctx.t('exports.col.how')], rows),
  ]
}
