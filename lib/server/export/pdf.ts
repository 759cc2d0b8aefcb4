import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { createTranslator } from '../../i18n'
import { intrinsicSize, svgToPng } from './board-png'
import { REDACTED_MARK } from './board-svg'
import { ExportInput } from './input'
import { longDate } from './pdf/dates'
import { printPdf } from './pdf/printer'
import {
  agreedBySection,
  agreementsSection,
  boardSection,
  bottomLinesSection,
  centralQuestionSection,
  childVoiceSection,
  columnsSections,
  dangersSection,
  needsSection,
  networkSection,
  participantsSection,
  safetyPlanSection,
  scalesSection,
  type BoardImage,
  type SectionContext,
} from './pdf/sections'
import { COLUMN_WIDTH, rich } from './pdf/text'
import { redactInput } from './redact'

/**
 * The agreed plan as an A4 PDF in plain Dutch (or the input's locale), rendered on the server with
 * pdfmake: no browser. Fonts are embedded (Noto Sans, Noto Naskh Arabic, Noto Sans Tifinagh) and
 * every text is split by script and ordered for right-to-left (pdf/text.ts), so names in Arabic
 * come out joined and in the right order. The footer carries the version, the date it was agreed
 * and the page number.
 *
 * A redacted input is redacted here again (redact.ts: every person as initials and role, no
 * phone numbers or addresses, no notes about people, no conference title in the heading or the
 * document's metadata), and its board image must have been drawn redacted: an unredacted SVG is refused.
 */

/** Width of the board image in the PDF, in pixels: sharp when printed at the 515 pt column width. */
const BOARD_PNG_WIDTH = 1600

function boardImage(svg: string): BoardImage | null {
  if (svg === '') return null
  const size = intrinsicSize(svg)
  const png = svgToPng(svg, { width: BOARD_PNG_WIDTH })
  return { dataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, landscape: size !== null && size.w > size.h * 1.2 }
}

export async function renderPlanPdf(rawInput: ExportInput): Promise<Uint8Array> {
  const parsed = ExportInput.parse(rawInput)
  if (parsed.redacted && parsed.boardSvg !== '' && !parsed.boardSvg.includes(REDACTED_MARK)) {
    throw new Error('a redacted PDF needs a board image drawn with redacted: true')
  }
  const input = parsed.redacted ? redactInput(parsed) : parsed
  const t = createTranslator(input.locale)
  const ctx: SectionContext = { t, locale: input.locale }
  const agreedOn = longDate(input.version.frozenAt, input.locale)
  const board = boardImage(input.boardSvg)

  const content: Content[] = [
    rich(input.conference.title, { style: 'title' }, { width: COLUMN_WIDTH, size: 20, bold: true }),
    rich(t('exports.pdf.subtitle', { kind: t(`common.kind.${input.conference.kind}`), date: agreedOn }), { style: 'subtitle' }),
    ...(input.redacted ? [rich(t('exports.pdf.redacted'), { style: 'notice' })] : []),
    ...participantsSection(input, ctx),
    ...centralQuestionSection(input.plan, ctx),
    ...bottomLinesSection(input.plan, ctx),
    ...boardSection(board, ctx),
    // Back to portrait after a landscape board page.
    ...networkSection(input.plan, ctx, board?.landscape ? { newPage: 'portrait' } : {}),
    ...columnsSections(input.plan, ctx),
    ...dangersSection(input.plan, ctx),
    ...scalesSection(input.plan, ctx),
    ...agreementsSection(input.plan, input.conference.kind, ctx),
    ...safetyPlanSection(input.plan, ctx),
    ...childVoiceSection(input.plan, ctx),
    ...needsSection(input.plan, ctx),
    ...agreedBySection(input, ctx),
  ]

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    language: input.locale === 'nl' ? 'nl-NL' : 'en-GB',
    // Only the title (a redacted input's is "Familiegroepsplan (geanonimiseerd)"): no author, subject or keywords that could name anyone.
    info: { title: input.conference.title, creator: 'Kring', producer: 'Kring' },
    defaultStyle: { font: 'NotoSans', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 20, bold: true, color: '#1f3b63' },
      subtitle: { fontSize: 11, color: '#5b6470', margin: [0, 2, 0, 8] },
      notice: { fontSize: 10, bold: true, color: '#8a1c1c', fillColor: '#fdecec', margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, color: '#1f3b63', margin: [0, 14, 0, 5] },
      question: { fontSize: 12, bold: true, margin: [0, 0, 0, 3] },
      muted: { color: '#5b6470', italics: true },
      table: { fontSize: 9, margin: [0, 0, 0, 4] },
      th: { bold: true, color: '#1f3b63' },
    },
    content,
    // Never a section title alone at the foot of a page. The title's own inline runs are nodes that
    // follow it at the same height, so "alone" means: nothing further down the page.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().every((next) => next.startPosition.top <= node.startPosition.top + 1),
    footer: (page, pages) => ({
      text: t('exports.pdf.footer', { version: input.version.number, date: agreedOn, page, pages }),
      alignment: 'center',
      fontSize: 8,
      color: '#5b6470',
      margin: [40, 16, 40, 0],
    }),
  }
  return printPdf(definition)
}
