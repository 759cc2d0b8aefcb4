import { describe, expect, it } from 'vitest'
import { planIntroKey } from '../../client/plan-view/plan-intro'
import { loadFrequencyText } from '../../client/plan-view/plan-labels'
import { createTranslator } from '../../lib/i18n/catalogs'

/** What the plan view says about how often, and whether it still changes along with the board. */
describe('plan view texts', () => {
  const t = createTranslator('nl')

  it('shows an unknown frequency as "onbekend" instead of a guess', () => {
    expect(loadFrequencyText(t, 'nl', { agreements: 1, perWeek: 0, unknownFrequency: 1 })).toBe('hoe vaak: onbekend')
    expect(loadFrequencyText(t, 'nl', { agreements: 2, perWeek: 5, unknownFrequency: 1 })).toBe('ongeveer 5 keer per week; bij 1 afspraak is onbekend hoe vaak')
    expect(loadFrequencyText(t, 'nl', { agreements: 2, perWeek: 2.5, unknownFrequency: 0 })).toBe('ongeveer 2,5 keer per week')
  })

  it('says the plan changes along with the board only while the meeting is not closed', () => {
    for (const phase of ['voorbereiding', 'informatie', 'plan_en_afspraken', null] as const) expect(planIntroKey(phase)).toBe('plan.view.intro')
    expect(planIntroKey('afgesloten')).toBe('plan.view.introClosed')
    expect(t(planIntroKey('afgesloten'))).not.toMatch(/verandert het hier mee/)
  })
})
