import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../lib/i18n/catalogs'
import { bottomLinesSection } from '../../lib/server/export/pdf/sections'
import { emptyPlan, Plan } from '../../lib/plan/schema'

/** A bottom line ticked off without an agreement carries its reason into the PDF. */
describe('bottom lines in the PDF', () => {
  const plan = (tickReason?: string) =>
    Plan.parse({
      ...emptyPlan(),
      bottomLines: [
        {
          id: 'shape:line',
          text: 'Noor is nooit alleen thuis met papa',
          ticked: true,
          tickedBy: { participantId: 'p-jeroen', name: 'Jeroen Smit' },
          tickedAt: '2026-03-03T12:55:00.000Z',
          answeredBy: [],
          ...(tickReason ? { tickReason } : {}),
        },
      ],
    })

  it('shows the reason beside the tick', () => {
    const text = JSON.stringify(bottomLinesSection(plan('Papa woont niet meer thuis'), { t: createTranslator('nl'), locale: 'nl' }))
    expect(text).toContain('reden: Papa woont niet meer thuis')
    expect(text).toContain('nog geen afspraak')
  })

  it('says nothing about a reason when there is none', () => {
    expect(JSON.stringify(bottomLinesSection(plan(), { t: createTranslator('nl'), locale: 'nl' }))).not.toContain('reden:')
  })
})
