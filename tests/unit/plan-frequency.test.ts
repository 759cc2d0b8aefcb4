import { describe, expect, it } from 'vitest'
import { occurrencesPerWeek } from '../../lib/plan/frequency'

/** How often an agreement happens, as people write it on the board, in times per week. */
describe('occurrencesPerWeek', () => {
  const cases: [string, number][] = [
    // every day
    ['elke dag', 7],
    ['Iedere dag na school', 7],
    ['dagelijks', 7],
    ['Elke ochtend', 7],
    ["'s avonds", 7],
    ['daily', 7],
    ['every day at 8', 7],
    ['each morning', 7],
    ['every evening', 7],
    ['2 keer per dag', 14],
    ['twice a day', 14],
    // school days and weekdays
    ['Elke schooldag 7:30', 5],
    ['elke schooldag', 5],
    ['every school day', 5],
    ['na school', 5],
    ['haalt op uit school', 5],
    ['elke werkdag', 5],
    ['doordeweeks', 5],
    ['on weekdays', 5],
    ['maandag t/m vrijdag', 5],
    ['ma-vr', 5],
    ['Monday to Friday', 5],
    ['ma t/m do', 4],
    // some days of the week
    ['om de dag', 3.5],
    ['every other day', 3.5],
    ['maandag en donderdag', 2],
    ['elke maandag en donderdag', 2],
    ['Maandag, woensdag en vrijdag', 3],
    ['elke zaterdagochtend', 1],
    ["maandag 's avonds", 1],
    ['woensdag na school', 1],
    ['on Mondays and Thursdays', 2],
    ['3 dagen per week', 3],
    ['twee avonden in de week', 2],
    ['2x per week', 2],
    ['3x per week', 3],
    ['2 x per week', 2],
    ['2×/week', 2],
    ['twee keer per week', 2],
    ['Twee keer in de week', 2],
    ['three times a week', 3],
    ['twice a week', 2],
    ['twice weekly', 2],
    // weekends
    ['in het weekend', 2],
    ['in the weekend', 2],
    ['weekends', 2],
    ['zaterdag en zondag', 2],
    ['elk weekend', 1],
    ['every weekend', 1],
    ['om het andere weekend', 0.5],
    ['om het weekend', 0.5],
    ['every other weekend', 0.5],
    // weekly
    ['elke week', 1],
    ['iedere week op woensdag', 1],
    ['wekelijks', 1],
    ['1x per week', 1],
    ['één keer per week', 1],
    ['eens per week', 1],
    ['once a week', 1],
    ['weekly', 1],
    ['every week', 1],
    // less often
    ['om de week', 0.5],
    ['om de andere week', 0.5],
    ['om de twee weken', 0.5],
    ['elke 2 weken', 0.5],
    ['1x per 2 weken', 0.5],
    ['tweewekelijks', 0.5],
    ['every other week', 0.5],
    ['every two weeks', 0.5],
    ['fortnightly', 0.5],
    ['elke drie weken', 1 / 3],
    ['elke maand', 0.25],
    ['maandelijks', 0.25],
    ['2 keer per maand', 0.5],
    ['monthly', 0.25],
    ['once a month', 0.25],
    ['twice a month', 0.5],
    ['elk jaar', 1 / 52],
    ['every year', 1 / 52],
  ]

  it('has a table of at least 40 phrasings', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each(cases)('reads "%s" as %d times a week', (when, perWeek) => {
    expect(occurrencesPerWeek(when)).toBeCloseTo(perWeek, 5)
  })

  it.each(['', '   ', 'als het nodig is', 'when needed', 'zo vaak als nodig', 'na de zomer', 'eenmalig', '3 weken lang', 'in de vakanties', 'to do'])(
    'does not guess: "%s" is unknown',
    (when) => {
      expect(occurrencesPerWeek(when)).toBe('unknown')
    },
  )
})
