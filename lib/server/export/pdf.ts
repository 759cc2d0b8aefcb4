import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { createTranslator } from '../../i18n/catalogs'
import { intlLocales } from '../../i18n/format'
import { directionOf } from '../../i18n/locales'
import { REDACTED_MARK } from './board-svg'
import { redactCaseFacts } from './case-facts'
import { ExportInput } from './input'
import { boardPages } from './pdf/board-pages'
import { factsBlock, participantsSection } from './pdf/cover'
import { longDate } from './pdf/dates'
import { mirrorForRightToLeft } from './pdf/mirror'
import { printPdf } from './pdf/printer'
import {
  agreedBySection,
  agreementsSection,
  bottomLinesSection,
  centralQuestionSection,
  childVoiceSection,
  columnsSections,
  dangersSection,
  needsSection,
  networkSection,
  safetyPlanSection,
  scalesSection,
  type SectionContext,
} from './pdf/sections'
import { COLUMN_WIDTH, rich } from './pdf/text'
import { redactReview, reviewSection } from './pdf/review'
import { redactInput } from './redact'

/**
 * The agreed plan as an A4 PDF in plain Dutch (or the input's locale), rendered on the server with
 * pdfmake: no browser. Fonts are embedded (Noto Sans, Noto Naskh Arabic, Noto Sans Tifinagh) and
 * every text is split by script and ordered for right-to-left (pdf/text.ts), so names in Arabic
 * come out joined and in the right order. The footer carries the version, the date it was agreed
 * and the page number.
 *
 * It is the professional's case-file document (issue 11): a cover with the meeting's facts (when,
 * where, which children, the facilitator's organisation, the review date) and who took part how;
 * then the question, the bottom lines with the agreements that answer them, the agreements with
 * what each answers, the safety plan, the network, the child's voice, the rest of the plan, the
 * scales and who said yes; the board last, as an appendix on pages of its own. A section with
 * nothing in it is left out. A heading is never the last thing on a page.
 *
 * A redacted input is redacted here again (redact.ts: every person as initials and role, no
 * phone numbers or addresses, no notes about people, no conference title in the heading or the
 * document's metadata), and its board image must have been drawn redacted: an unredacted SVG is refused.
 */

/** How far down a page (0 top, 1 bottom) a section title may start. */
const HEADING_LOWEST = 0.84

export async function renderPlanPdf(rawInput: ExportInput): Promise<Uint8Array> {
  const parsed = ExportInput.parse(rawInput)
  if (parsed.redacted && parsed.boardSvg !== '' && !parsed.boardSvg.includes(REDACTED_MARK)) {
    throw new Error('a redacted PDF needs a board image drawn with redacted: true')
  }
  const redacted = parsed.redacted ? redactCaseFacts(redactInput(parsed)) : parsed
  // An evaluatie's review is redacted with the unredacted input's names (its title's family name too).
  const input = parsed.redacted && parsed.review ? { ...redacted, review: redactReview(parsed, parsed.review) } : redacted
  const t = createTranslator(input.locale)
  const ctx: SectionContext = { t, locale: input.locale }
  const agreedOn = longDate(input.version.frozenAt, input.locale)

  const content: Content[] = [
    rich(input.conference.title, { style: 'title' }, { width: COLUMN_WIDTH, size: 20, bold: true }),
    rich(t('exports.pdf.subtitle', { kind: t(`common.kind.${input.conference.kind}`), date: agreedOn }), { style: 'subtitle' }),
    ...(input.redacted ? [rich(t('exports.pdf.redacted'), { style: 'notice' })] : []),
    ...factsBlock(input, ctx),
    ...participantsSection(input, ctx),
    ...centralQuestionSection(input.plan, ctx),
    ...bottomLinesSection(input.plan, ctx),
    // An evaluatie: the reviewed agreements, what happened, what is agreed now.
    ...reviewSection(input, ctx),
    ...agreementsSection(input.plan, input.conference.kind, ctx),
    ...safetyPlanSection(input.plan, ctx),
    ...networkSection(input.plan, ctx),
    ...childVoiceSection(input.plan, ctx),
    ...needsSection(input.plan, ctx),
    ...columnsSections(input.plan, ctx),
    ...dangersSection(input.plan, ctx),
    ...scalesSection(input.plan, ctx),
    ...agreedBySection(input, ctx),
    // The appendix: the board, on pages of its own.
    ...boardPages(input.boardSvg, ctx),
  ]

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    language: intlLocales[input.locale],
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
    // The family's copy in Arabic reads from the right (pdf/mirror.ts).
    content: directionOf(input.locale) === 'rtl' ? mirrorForRightToLeft(content) : content,
    // Never a section title at the foot of a page: not when nothing follows it on the page (its
    // own inline runs are nodes at the same height), nor in the last sixth of the page, where a
    // table that keeps its header with its first row would still move on without it.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 &&
      (node.startPosition.verticalRatio > HEADING_LOWEST ||
        nodes.getFollowingNodesOnPage().every((next) => next.startPosition.top <= node.startPosition.top + 1)),
    // Through rich() like every text: the footer of an Arabic copy needs the Arabic font and order.
    footer: (page, pages) =>
      rich(t('exports.pdf.footer', { version: input.version.number, date: agreedOn, page, pages }), {
        alignment: 'center',
        fontSize: 8,
        color: '#5b6470',
        margin: [40, 16, 40, 0],
      }),
  }
  return printPdf(definition)
}
