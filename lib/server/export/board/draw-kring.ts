import { defaultSupportKinds, itemDefaults, itemSchemas, isItemType, type ItemProps, type ItemType } from '../../../board/items'
import { groupLabelKey, ringLabelKey } from '../../../board/labels'
import { isBlankItem } from './blank-items'
import type { DrawContext } from './context'
import { drawArea } from './draw-areas'
import { round } from './geometry'
import {
  AGREEMENT_COLORS,
  BOTTOM_LINE_COLORS,
  CARD_COLORS,
  DANGER_COLORS,
  GOAL_COLORS,
  GROUP_COLORS,
  HOUSE_COLORS,
  INK,
  MUTED,
  PAPER,
  SAFETY_COLORS,
  TLDRAW_COLORS,
  type ItemColors,
} from './palette'
import type { SceneShape } from './scene'
import { line, polygon, rect } from './svg'
import { LINE_HEIGHT, label, measure, textBlock } from './text'

/**
 * Kring's typed items, drawn in their own space (0,0 → w,h) the way the canvas draws them: a card
 * in its kind's colours with a heading bar saying what it is, then its words, with the same labels
 * (i18n area `items`). Agreements show the names of the people they point at.
 */

const HEADING = 30
const PAD_X = 10

/** The props, or null when they are not valid even with the defaults filled in. */
export function kringProps<K extends ItemType>(type: K, props: Record<string, unknown>): ItemProps<K> | null {
  const parsed = itemSchemas[type].safeParse({ ...itemDefaults[type], ...props })
  return parsed.success ? (parsed.data as ItemProps<K>) : null
}

/** The card, its heading bar (label, optional pill at the end) and its border. Returns [under, over]. */
function frame(w: number, h: number, colors: ItemColors, heading: string, aside?: string): [string, string] {
  const r = 12
  const bar =
    `<path d="M0 ${r}a${r} ${r} 0 0 1 ${r} -${r}h${round(w - 2 * r)}a${r} ${r} 0 0 1 ${r} ${r}v${HEADING - r}h-${round(w)}z" fill="${colors.accent}"/>`
  let pill = ''
  let labelWidth = w - 2 * PAD_X
  if (aside) {
    const pillWidth = Math.min(w / 2, measure(aside, 13, true) + 16)
    pill = rect(w - PAD_X - pillWidth, 6, pillWidth, HEADING - 12, { fill: PAPER, radius: 9 }) + label(aside, { x: w - PAD_X - pillWidth + 8, y: 6, width: pillWidth - 16, size: 13, bold: true, color: colors.accent })
    labelWidth -= pillWidth + 6
  }
  const under = rect(0, 0, w, h, { fill: colors.tint, radius: r }) + bar + label(heading, { x: PAD_X, y: (HEADING - 14 * LINE_HEIGHT) / 2, width: labelWidth, size: 14, bold: true, color: PAPER }) + pill
  return [under, rect(0, 0, w, h, { stroke: colors.accent, strokeWidth: 2, radius: r })]
}

/** "Wanneer   elke woensdag": a label column and a wrapped value, as the canvas's Field. */
function field(name: string, value: string, x: number, y: number, width: number, maxHeight: number): { svg: string; height: number } {
  const size = 14
  if (maxHeight < size * LINE_HEIGHT) return { svg: '', height: 0 }
  const labelWidth = Math.min(105, width * 0.4)
  const empty = value.trim() === ''
  const head = label(name, { x, y, width: labelWidth - 6, size, bold: true, color: MUTED })
  const body = textBlock(empty ? '—' : value, { x: x + labelWidth, y, width: width - labelWidth, height: maxHeight, size, color: empty ? '#8a9499' : INK })
  return { svg: head + body.svg, height: Math.max(size * LINE_HEIGHT, body.height) + 4 }
}

function supportLabel(kind: string, ctx: DrawContext): string {
  return (defaultSupportKinds as readonly string[]).includes(kind) ? ctx.t(`items.support.${kind as (typeof defaultSupportKinds)[number]}`) : kind
}

function drawPerson(p: ItemProps<'kring-person'>, ctx: DrawContext): string {
  const colors = GROUP_COLORS[p.group]
  const [under, over] = frame(p.w, p.h, colors, ctx.t(groupLabelKey(p.group)), ctx.t(ringLabelKey(p.ring)))
  const width = p.w - 2 * PAD_X
  const bottom = p.h - 6
  let y = HEADING + 6
  let svg = under + label(p.name || ctx.t('items.person.noName'), { x: PAD_X, y, width, size: 17, bold: true, italic: p.name === '', color: p.name ? INK : MUTED })
  y += 17 * LINE_HEIGHT + 2
  if (p.relation.trim() !== '' && y + 14 * LINE_HEIGHT <= bottom) {
    svg += label(p.relation, { x: PAD_X, y, width, size: 14, color: MUTED })
    y += 14 * LINE_HEIGHT + 4
  }
  // Support kinds as chips, wrapping onto a next line while there is room.
  let x = PAD_X
  const chipHeight = 13 * LINE_HEIGHT + 4
  for (const kind of p.support) {
    const text = supportLabel(kind, ctx)
    const chipWidth = Math.min(width, measure(text, 13, true) + 18)
    if (x + chipWidth > p.w - PAD_X && x > PAD_X) {
      x = PAD_X
      y += chipHeight + 4
    }
    if (y + chipHeight > bottom) break
    svg += rect(x, y, chipWidth, chipHeight, { fill: PAPER, stroke: colors.accent, strokeWidth: 1, radius: chipHeight / 2 })
    svg += label(text, { x: x + 9, y: y + 2, width: chipWidth - 18, size: 13, bold: true, color: colors.accent })
    x += chipWidth + 4
  }
  if (p.support.length > 0) y += chipHeight + 4
  if (p.note.trim() !== '' && y + 14 * LINE_HEIGHT <= bottom) svg += textBlock(p.note, { x: PAD_X, y, width, height: bottom - y, size: 14, color: MUTED }).svg
  return svg + over
}

function drawCard(p: ItemProps<'kring-card'>, ctx: DrawContext): string {
  const [under, over] = frame(p.w, p.h, CARD_COLORS[p.kind], ctx.t(`items.card.${p.kind}`))
  const empty = p.text.trim() === ''
  const text = textBlock(empty ? ctx.t('items.card.empty') : p.text, {
    x: PAD_X,
    y: HEADING + 6,
    width: p.w - 2 * PAD_X,
    height: p.h - HEADING - 14,
    size: 16,
    italic: empty,
    color: empty ? MUTED : INK,
  })
  return under + text.svg + over
}

function drawDanger(p: ItemProps<'kring-danger'>, ctx: DrawContext): string {
  const half = p.h / 2
  const part = (top: number, colors: ItemColors, title: string, text: string) =>
    rect(0, top, p.w, half, { fill: colors.tint }) +
    label(title, { x: PAD_X, y: top + 6, width: p.w - 2 * PAD_X, size: 14, bold: true, color: colors.accent }) +
    textBlock(text, { x: PAD_X, y: top + 6 + 14 * LINE_HEIGHT + 2, width: p.w - 2 * PAD_X, height: half - 14 * LINE_HEIGHT - 14, size: 16 }).svg
  return (
    `<g>${rect(0, 0, p.w, p.h, { fill: PAPER, radius: 12 })}${part(0, DANGER_COLORS, ctx.t('items.danger.danger'), p.danger)}${part(half, GOAL_COLORS, ctx.t('items.danger.goal'), p.goal)}</g>` +
    line(0, half, p.w, half, DANGER_COLORS.accent, 1.5) +
    rect(0, 0, p.w, p.h, { stroke: DANGER_COLORS.accent, strokeWidth: 2, radius: 12 })
  )
}

/** Where the canvas puts a scale's axis (app/…/items/scale-layout.ts). */
const SCALE_PAD_X = 40
const SCALE_AXIS_Y = 76

function drawScale(p: ItemProps<'kring-scale'>, ctx: DrawContext): string {
  const left = SCALE_PAD_X
  const right = p.w - SCALE_PAD_X
  const y = Math.min(SCALE_AXIS_Y, p.h - 10)
  const question = p.question.trim() === '' ? ctx.t('items.scale.noQuestion') : p.question
  let svg = rect(0, 0, p.w, p.h, { fill: PAPER, stroke: INK, strokeWidth: 2, radius: 12 })
  svg += label(question, { x: 12, y: 4, width: p.w - 24, size: 17, bold: true })
  svg += label(`0 = ${ctx.t('items.scale.low')} · 10 = ${ctx.t('items.scale.high')}`, { x: 12, y: 28, width: p.w - 24, size: 12, color: MUTED })
  svg += line(left, y, right, y, INK, 3)
  for (let value = 0; value <= 10; value++) {
    const x = left + ((right - left) * value) / 10
    svg += line(x, y - 6, x, y + 6, INK, 2)
    svg += label(String(value), { x: x - 15, y: y - 26, width: 30, size: 14, bold: true, align: 'middle' })
  }
  return svg
}

const MARK_COLORS = ['blue', 'green', 'orange', 'violet', 'red', 'light-blue', 'light-green', 'black'] as const

/** A participant's mark: a tag hanging from the axis with their score and name, in their colour. */
function drawScaleMark(p: ItemProps<'kring-scale-mark'>): string {
  let hash = 0
  for (const char of p.participantId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const color = TLDRAW_COLORS[MARK_COLORS[hash % MARK_COLORS.length]!]!.solid
  const pointer = 8
  const tagHeight = Math.max(20, p.h - pointer)
  return (
    polygon([{ x: p.w / 2, y: 0 }, { x: p.w / 2 + pointer, y: pointer + 1 }, { x: p.w / 2 - pointer, y: pointer + 1 }], { fill: color }) +
    rect(0, pointer, p.w, tagHeight, { fill: color, radius: 8 }) +
    label(String(p.value), { x: 6, y: pointer + (tagHeight - 16 * LINE_HEIGHT) / 2, width: 24, size: 16, bold: true, color: PAPER }) +
    label(p.name, { x: 30, y: pointer + (tagHeight - 13 * LINE_HEIGHT) / 2, width: p.w - 36, size: 13, bold: true, color: PAPER })
  )
}

function personNames(ids: string[], ctx: DrawContext): string {
  if (ids.length === 0) return ctx.t('items.agreement.nobody')
  return ids.map((id) => ctx.personName(id) || ctx.t('items.agreement.personGone')).join(', ')
}

function drawAgreement(p: ItemProps<'kring-agreement'>, ctx: DrawContext): string {
  const aside = p.status === 'open' ? undefined : ctx.t(`items.agreement.status.${p.status}`)
  const [under, over] = frame(p.w, p.h, AGREEMENT_COLORS, ctx.t('items.type.kring-agreement'), aside)
  const width = p.w - 2 * PAD_X
  const bottom = p.h - 6
  let y = HEADING + 6
  const what = textBlock(p.what, { x: PAD_X, y, width, height: Math.min(bottom - y, 16 * LINE_HEIGHT * 3), size: 16, bold: true })
  let svg = under + what.svg
  y += what.height + 4
  const backup = p.backupId === '' ? ctx.t('items.agreement.nobody') : ctx.personName(p.backupId) || ctx.t('items.agreement.personGone')
  for (const [key, value] of [
    ['items.agreement.who', personNames(p.ownerIds, ctx)],
    ['items.agreement.when', p.when],
    ['items.agreement.backup', backup],
    ['items.agreement.howWeKnow', p.howWeKnow],
  ] as const) {
    const block = field(ctx.t(key), value, PAD_X, y, width, bottom - y)
    svg += block.svg
    y += block.height
  }
  return svg + over
}

function drawSafetyItem(p: ItemProps<'kring-safety-item'>, ctx: DrawContext): string {
  const [under, over] = frame(p.w, p.h, SAFETY_COLORS, ctx.t('items.type.kring-safety-item'))
  const width = p.w - 2 * PAD_X
  const bottom = p.h - 6
  let y = HEADING + 6
  let svg = under
  const contact = [p.contactName, p.contactPhone].filter((part) => part.trim() !== '').join(' ')
  for (const [key, value] of [
    ['items.safety.signal', p.signal],
    ['items.safety.action', p.action],
    ['items.safety.contact', contact],
    ['items.safety.safePlace', p.safePlace],
  ] as const) {
    const block = field(ctx.t(key), value, PAD_X, y, width, bottom - y)
    svg += block.svg
    y += block.height
  }
  return svg + over
}

function drawHouseCard(p: ItemProps<'kring-house-card'>): string {
  const colors = HOUSE_COLORS[p.house]
  const text = [p.emoji, p.text].filter((part) => part.trim() !== '').join(' ')
  return (
    rect(0, 0, p.w, p.h, { fill: colors.tint, stroke: colors.accent, strokeWidth: 2, radius: 12 }) +
    textBlock(text, { x: 8, y: 6, width: p.w - 16, height: p.h - 12, size: 16, align: 'middle', middle: true }).svg
  )
}

/**
 * A bottom line: the condition in bold; once a professional ticked it off, a pill in the heading
 * and, at its foot, who did.
 */
function drawBottomLine(p: ItemProps<'kring-bottom-line'>, ctx: DrawContext): string {
  const ticked = p.tickedBy !== ''
  const [under, over] = frame(p.w, p.h, BOTTOM_LINE_COLORS, ctx.t('items.type.kring-bottom-line'), ticked ? ctx.t('items.bottomLine.ticked') : undefined)
  const width = p.w - 2 * PAD_X
  const bottom = p.h - 6
  const footer = ticked ? 14 * LINE_HEIGHT + 4 : 0
  const empty = p.text.trim() === ''
  const text = textBlock(empty ? ctx.t('items.bottomLine.empty') : p.text, {
    x: PAD_X,
    y: HEADING + 6,
    width,
    height: Math.max(0, bottom - HEADING - 6 - footer),
    size: 16,
    bold: !empty,
    italic: empty,
    color: empty ? MUTED : INK,
  })
  let svg = under + text.svg
  if (ticked && bottom - footer >= HEADING) {
    svg += label(ctx.t('items.bottomLine.tickedBy', { name: p.tickedByName.trim() || '—' }), { x: PAD_X, y: bottom - 14 * LINE_HEIGHT, width, size: 14, bold: true, color: BOTTOM_LINE_COLORS.accent })
  }
  return svg + over
}

/** A Kring item in its own space, or '' when its props are unusable. */
export function drawKringItem(shape: SceneShape, ctx: DrawContext): string {
  if (!isItemType(shape.type)) return ''
  return drawItem(shape.type, shape.props, ctx)
}

/** How each Kring item is drawn, given props that parsed. */
const drawers: { [K in ItemType]: (props: ItemProps<K>, ctx: DrawContext) => string } = {
  'kring-person': drawPerson,
  'kring-card': drawCard,
  'kring-danger': drawDanger,
  'kring-scale': drawScale,
  'kring-scale-mark': drawScaleMark,
  'kring-agreement': drawAgreement,
  'kring-safety-item': drawSafetyItem,
  'kring-house-card': drawHouseCard,
  'kring-area': drawArea,
  'kring-bottom-line': drawBottomLine,
}

function drawItem<K extends ItemType>(type: K, props: Record<string, unknown>, ctx: DrawContext): string {
  const parsed = kringProps(type, props)
  // An item nobody wrote on is left out, with its "Nog leeg" hint (blank-items.ts).
  return parsed && !isBlankItem(type, parsed) ? drawers[type](parsed, ctx) : ''
}

