import type { Content, TableCell } from 'pdfmake/interfaces'
import { defaultSupportKinds } from '../../../board/items'
import { groupLabelKey, ringLabelKey } from '../../../board/labels'
import type { Translate } from '../../../i18n'
import type { Locale } from '../../../i18n'
import type { Plan, PersonRef, PlanAgreement, PlanText } from '../../../plan/schema'
import type { ExportInput } from '../input'
import { dateTime } from './dates'
import { isRightToLeft } from '../text/runs'
import { COLUMN_WIDTH, rich, type TextProps } from './text'

/**
 * The sections of the plan PDF, in the order a professional reads it (issue 3, section 7; issue 11:
 * a document for the case file). Each returns pdfmake content; an empty section is left out (the
 * cover says what the document holds), except the agreements and who said yes, which a case file
 * always needs, and which then say so.
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

/** A titled bullet list; nothing when no item has text. */
function bulletSection(title: string, items: PlanText[]): Content[] {
  const texts = items.filter((item) => item.text.trim() !== '')
  if (texts.length === 0) return []
  return [heading(title), { ul: texts.map((item) => rich(item.text, {}, { width: COLUMN_WIDTH - 15, size: 10 })), margin: [0, 0, 0, 4] }]
}

/** Table text size and cell padding (pdfmake's default padding is 4 pt each side). */
const TABLE_SIZE = 9
const CELL_PADDING = 8

/**
 * A table filling the column: `widths` in points or '*' (sharing what is left). Text cells are
 * strings, laid out knowing their column's width; other cells are pdfmake content.
 */
export function table(widths: (number | '*')[], header: string[], rows: (string | TableCell)[][]): Content {
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

export function roleLabel(value: string, ctx: SectionContext): string {
  return ctx.t(`common.role.${value as 'facilitator'}`)
}


export function centralQuestionSection(plan: Plan, ctx: SectionContext): Content[] {
  const questions = plan.centralQuestion.filter((q) => q.text.trim() !== '')
  if (questions.length === 0) return []
  return [heading(ctx.t('exports.section.centralQuestion')), { stack: questions.map((q) => rich(q.text, { style: 'question' }, { width: COLUMN_WIDTH, size: 12, bold: true })) }]
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
  if (rows.length === 0) return []
  return [heading(ctx.t('exports.section.bottomLines')), table(['*', 170, 120], [ctx.t('exports.col.bottomLine'), ctx.t('exports.col.answeredBy'), ctx.t('exports.col.ticked')], rows)]
}

/** What each id an agreement answers is, in words: "zorg: …", "ondergrens: …". Unknown ids are left out. */
function answerTexts(plan: Plan, ctx: SectionContext): Map<string, string> {
  const texts = new Map<string, string>()
  const put = (id: string, key: 'worry' | 'danger' | 'need' | 'bottomLine', text: string) => {
    if (text.trim() !== '') texts.set(id, ctx.t(`exports.answer.${key}`, { text: text.trim() }))
  }
  for (const worry of plan.worries) put(worry.id, 'worry', worry.text)
  for (const danger of plan.dangers) put(danger.id, 'danger', danger.goal || danger.danger)
  for (const need of plan.needs) put(need.id, 'need', need.text)
  for (const line of plan.bottomLines) put(line.id, 'bottomLine', line.text)
  return texts
}

const LABEL_COLOR = '#5b6470'

/** "Label: value" as one line of an agreement's block (nothing when the value is empty). */
function labelled(label: string, value: string): Content[] {
  if (value.trim() === '') return []
  // A right-to-left label (an Arabic copy): the line is ordered as one text by the bidi algorithm,
  // label on the right; runs side by side would put it on the left and in the wrong font.
  if (isRightToLeft(label)) return [rich(`${label}: ${value}`, { margin: [0, 1, 0, 0] }, { width: COLUMN_WIDTH - 140, size: 10 })]
  return [
    {
      text: [
        { text: `${label}: `, color: LABEL_COLOR },
        ...[rich(value, {}, { width: COLUMN_WIDTH - 140, size: 10 })].map((node) => node as { text: string }),
      ],
      margin: [0, 1, 0, 0],
    },
  ]
}

/**
 * Each agreement as a block that is never split over two pages: what, then who, when, who stands
 * in, how we will know, and what it answers (the worry, safety goal, need or bottom line).
 */
function agreementBlock(agreement: PlanAgreement, answers: Map<string, string>, withStatus: boolean, ctx: SectionContext): Content {
  const answered = agreement.answers.map((id) => answers.get(id)).filter((text): text is string => text !== undefined)
  return {
    unbreakable: true,
    margin: [0, 0, 0, 8],
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              rich(agreement.what.trim() || ctx.t('exports.bottomLine.agreementMissing'), { bold: true, fontSize: 11, color: '#1f3b63' }, { width: COLUMN_WIDTH - 20, size: 11, bold: true }),
              ...labelled(ctx.t('exports.col.who'), agreement.owners.map((owner) => personName(owner, ctx)).join(', ')),
              ...labelled(ctx.t('exports.col.when'), agreement.when),
              ...labelled(ctx.t('exports.col.backup'), personName(agreement.backup, ctx)),
              ...labelled(ctx.t('exports.col.howWeKnow'), agreement.howWeKnow),
              ...labelled(ctx.t('exports.col.answers'), answered.length === 0 ? ctx.t('exports.answer.none') : answered.join('; ')),
              ...(withStatus ? labelled(ctx.t('exports.col.status'), ctx.t(`exports.status.${agreement.status}`)) : []),
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => '#4a6fd6',
      paddingLeft: () => 8,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  }
}

/** The agreements: a case file always has this section, and says so when nothing was agreed. */
export function agreementsSection(plan: Plan, kind: ExportInput['conference']['kind'], ctx: SectionContext): Content[] {
  const withStatus = kind === 'evaluatie' || plan.agreements.some((a) => a.status !== 'open')
  const answers = answerTexts(plan, ctx)
  if (plan.agreements.length === 0) return [heading(ctx.t('exports.section.agreements')), rich(ctx.t('exports.pdf.noAgreements'), { style: 'muted' })]
  return [heading(ctx.t('exports.section.agreements')), ...plan.agreements.map((a) => agreementBlock(a, answers, withStatus, ctx))]
}

export function safetyPlanSection(plan: Plan, ctx: SectionContext): Content[] {
  const rows = plan.safetyPlan.map((item) => [
    item.signal,
    item.action,
    [item.contactName, item.contactPhone].filter((part) => part.trim() !== '').join('\n'),
    item.safePlace,
  ])
  if (rows.length === 0) return []
  return [
    heading(ctx.t('exports.section.safetyPlan')),
    table(['*', '*', 110, 90], [ctx.t('exports.col.signal'), ctx.t('exports.col.action'), ctx.t('exports.col.call'), ctx.t('exports.col.safePlace')], rows),
  ]
}

function supportLabel(kind: string, ctx: SectionContext): string {
  return (defaultSupportKinds as readonly string[]).includes(kind) ? ctx.t(`exports.support.${kind as (typeof defaultSupportKinds)[number]}`) : kind
}

/** The network: who, how they relate, where on the map, what they help with, and the note about them. */
export function networkSection(plan: Plan, ctx: SectionContext): Content[] {
  const rows = plan.people.map((person) => [
    person.name,
    person.relation,
    `${ctx.t(ringLabelKey(person.ring))}, ${ctx.t(groupLabelKey(person.group))}`,
    person.support.map((kind) => supportLabel(kind, ctx)).join(', '),
    person.note,
  ])
  if (rows.length === 0) return []
  return [
    heading(ctx.t('exports.section.network')),
    table(['*', 70, 85, 85, 110], [ctx.t('exports.col.name'), ctx.t('exports.col.relation'), ctx.t('exports.col.ring'), ctx.t('exports.col.support'), ctx.t('exports.col.note')], rows),
  ]
}

export function columnsSections(plan: Plan, ctx: SectionContext): Content[] {
  return [
    ...bulletSection(ctx.t('exports.section.goingWell'), plan.goingWell),
    ...bulletSection(ctx.t('exports.section.worries'), plan.worries),
    ...bulletSection(ctx.t('exports.section.nextSteps'), plan.nextSteps),
  ]
}

export function dangersSection(plan: Plan, ctx: SectionContext): Content[] {
  const rows = plan.dangers.filter((d) => `${d.danger}${d.goal}`.trim() !== '').map((d) => [d.danger, d.goal])
  if (rows.length === 0) return []
  return [heading(ctx.t('exports.section.dangers')), table(['*', '*'], [ctx.t('exports.col.danger'), ctx.t('exports.col.goal')], rows)]
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
  const scales = plan.scales.filter((scale) => scale.marks.length > 0 || scale.question.trim() !== '')
  if (scales.length === 0) return []
  const content: Content[] = [heading(ctx.t('exports.section.scales'))]
  for (const scale of scales) {
    const question = scale.question.trim() === '' ? [] : [rich(scale.question, { bold: true, margin: [0, 4, 0, 3] })]
    if (scale.marks.length === 0) {
      content.push({ stack: [...question, rich(ctx.t('exports.scale.noMarks'), { style: 'muted' })], unbreakable: true })
      continue
    }
    const rows = scale.marks.map((mark) => [mark.name, ctx.t('exports.scale.value', { value: mark.value }), scoreBar(mark.value) as TableCell])
    content.push({ stack: [...question, table(['*', 70, 130], [ctx.t('exports.col.name'), ctx.t('exports.col.score'), ''], rows)], unbreakable: rows.length < 12 })
  }
  return content
}

export function childVoiceSection(plan: Plan, ctx: SectionContext): Content[] {
  const houses = [
    ['exports.house.worries', plan.childVoice.worries],
    ['exports.house.good-things', plan.childVoice.goodThings],
    ['exports.house.dreams', plan.childVoice.dreams],
  ] as const
  const content: Content[] = []
  for (const [key, cards] of houses) {
    const texts = cards.map((card) => [card.emoji, card.text].filter((part) => part.trim() !== '').join(' ')).filter((text) => text !== '')
    if (texts.length === 0) continue
    content.push({ stack: [rich(ctx.t(key), { bold: true, margin: [0, 4, 0, 2] }), { ul: texts.map((text) => rich(text, {}, { width: COLUMN_WIDTH - 15, size: 10 })) }], unbreakable: true })
  }
  if (plan.childVoice.drawings > 0) {
    content.push(rich(ctx.t('exports.child.drawings', { count: plan.childVoice.drawings }), { style: 'muted', margin: [0, 4, 0, 0] }))
  }
  return content.length === 0 ? [] : [heading(ctx.t('exports.section.childVoice')), ...content]
}

export function needsSection(plan: Plan, ctx: SectionContext): Content[] {
  return bulletSection(ctx.t('exports.section.needs'), plan.needs)
}

/**
 * The signatures: who said yes to this version, when, and how (on their own device, or aloud with
 * the facilitator recording it). A case file always has it; a version nobody agreed to says so.
 */
export function agreedBySection(input: ExportInput, ctx: SectionContext): Content[] {
  const rows = input.version.agreedBy.map((a) => [
    a.name,
    roleLabel(a.role, ctx),
    dateTime(a.at, ctx.locale),
    a.recordedBy === null ? ctx.t('exports.agreed.self') : ctx.t('exports.agreed.spoken'),
  ])
  const block =
    rows.length === 0
      ? rich(ctx.t('exports.pdf.nobodyAgreed'), { style: 'muted' })
      : table(['*', 90, 95, 150], [ctx.t('exports.col.name'), ctx.t('exports.col.role'), ctx.t('exports.col.at'), ctx.t('exports.col.how')], rows)
  // Not one unbreakable stack: pdfmake loses a headline that asks for a page break inside one.
  return [heading(ctx.t('exports.section.agreedBy')), rich(ctx.t('exports.agreed.intro'), { margin: [0, 0, 0, 4] }), block]
}
