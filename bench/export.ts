/**
 * PDF export of a generated 60-agreement plan with its board image (issue 3, section 9): the board
 * records are drawn as SVG, rendered to PNG with resvg and embedded in the A4 PDF with pdfmake,
 * all in this process, as the export route does. Beside it, measured in the same run and
 * alternating with it so both see the same machine load, a baseline: the same plan's PDF without
 * the board image (what the image costs), and the details of a 6-agreement plan.
 * Median of RUNS runs after WARMUP runs. Target: at most 2000 ms.
 */
import { svgToPng } from '../lib/server/export/board-png'
import { renderBoardSvg } from '../lib/server/export/board-svg'
import { renderPlanPdf } from '../lib/server/export/pdf'
import { sampleBoard, type SampleBoard } from '../tests/unit/export-fixtures'
import type { Benchmark } from './lib/benchmark'
import { ms, percentile } from './lib/stats'

const AGREEMENTS = 60
const SMALL_AGREEMENTS = 6
const WARMUP = 1
const RUNS = 5
const TARGET_MS = 2000

async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** The whole export: board records → SVG → PNG → PDF. */
async function exportWithBoard(board: SampleBoard): Promise<Uint8Array> {
  const boardSvg = renderBoardSvg(board.records, { locale: 'nl', redacted: false })
  return renderPlanPdf({ ...board.input, boardSvg })
}

async function exportWithoutBoard(board: SampleBoard): Promise<Uint8Array> {
  return renderPlanPdf({ ...board.input, boardSvg: '' })
}

export const exportBenchmark: Benchmark = {
  name: 'export',
  async run(log) {
    const big = sampleBoard({ agreements: AGREEMENTS })
    const small = sampleBoard({ agreements: SMALL_AGREEMENTS })
    const cases = {
      full: () => exportWithBoard(big),
      noImage: () => exportWithoutBoard(big),
      small: () => exportWithBoard(small),
    }
    const pdf = await cases.full()
    log(`export: ${Object.keys(big.records).length} board records, ${AGREEMENTS} agreements, PDF ${(pdf.byteLength / 1024).toFixed(0)} KiB`)
    for (let i = 0; i < WARMUP; i++) for (const work of Object.values(cases)) await work()

    const times = { full: [] as number[], noImage: [] as number[], small: [] as number[], svg: [] as number[], png: [] as number[] }
    for (let round = 0; round < RUNS; round++) {
      // Alternate the order every round so drift in machine load lands on every case.
      const order = round % 2 === 0 ? (['full', 'noImage', 'small'] as const) : (['small', 'noImage', 'full'] as const)
      for (const which of order) times[which].push(await timed(cases[which]))
      let svg = ''
      times.svg.push(await timed(() => (svg = renderBoardSvg(big.records, { locale: 'nl', redacted: false }))))
      times.png.push(await timed(() => svgToPng(svg, { width: 1600 })))
    }
    const median = (values: number[]) => percentile(values, 50)
    log(`export: board svg median=${ms(median(times.svg))} ms, png (1600 px) median=${ms(median(times.png))} ms`)
    log(`export: ${AGREEMENTS} agreements with board image  median=${ms(median(times.full))} ms  max=${ms(Math.max(...times.full))} ms  (n=${RUNS})`)
    log(`export: ${AGREEMENTS} agreements, no board image    median=${ms(median(times.noImage))} ms  max=${ms(Math.max(...times.noImage))} ms  (n=${RUNS})`)
    log(`export: ${SMALL_AGREEMENTS} agreements with board image   median=${ms(median(times.small))} ms  max=${ms(Math.max(...times.small))} ms  (n=${RUNS})`)
    const figure = median(times.full)
    log(`export: target ≤ ${TARGET_MS} ms: ${figure <= TARGET_MS ? 'met' : 'NOT met'}`)
    return `export agreements=${AGREEMENTS} pdf_ms=${ms(figure)} baseline_no_image_ms=${ms(median(times.noImage))} baseline_agreements=${SMALL_AGREEMENTS} baseline_pdf_ms=${ms(median(times.small))}`
  },
}
