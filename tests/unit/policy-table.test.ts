import { describe, expect, it } from 'vitest'
import { conferencePhases } from '../../lib/conference/model'
import { policyActions, policyTableMarkdown, type PolicyAction } from '../../lib/conference/policy'

/**
 * The whole policy, written out by hand, row by row. The README table is generated from the module,
 * so a wrong change there would regenerate a wrong README and still pass the README check; this
 * table is the second key: changing who may do what means changing it here too, on purpose.
 * Cells list the roles allowed in each phase (voorbereiding, informatie, besloten_deel,
 * plan_en_afspraken, afgesloten).
 */
const ALL = 'everyone'
const NONE = '—'
const FAC = 'facilitator'
const WRITERS = 'facilitator, family, child, network, professional'
const FAMILY_SIDE = 'family, child, network'
const SPEAKERS = 'family, child, network, professional'
const FILERS = 'facilitator, professional'

type Row = [string, string, string, string, string]

const facilitatorLeaves: Record<PolicyAction, Row> = {
  'board.read': [ALL, ALL, FAMILY_SIDE, ALL, ALL],
  'board.write': [WRITERS, WRITERS, FAMILY_SIDE, WRITERS, NONE],
  'bottomLine.write': ['professional', 'professional', NONE, 'professional', NONE],
  'board.arrange': [FAC, FAC, NONE, FAC, NONE],
  'board.restore': [FAC, FAC, NONE, FAC, NONE],
  'scaleMark.remove': [FAC, FAC, NONE, FAC, NONE],
  'meeting.read': [ALL, ALL, ALL, ALL, ALL],
  'phase.change': [FAC, FAC, FAC, FAC, FAC],
  'privateTime.end': [NONE, NONE, FAMILY_SIDE, NONE, NONE],
  'participants.manage': [FAC, FAC, FAC, FAC, FAC],
  'hand.raise': [SPEAKERS, SPEAKERS, FAMILY_SIDE, SPEAKERS, SPEAKERS],
  'hand.clear': [FAC, FAC, FAC, FAC, FAC],
  'facilitation.lead': [FAC, FAC, NONE, FAC, FAC],
  'plan.propose': [FAC, FAC, NONE, FAC, FAC],
  'plan.confirm': [SPEAKERS, SPEAKERS, FAMILY_SIDE, SPEAKERS, SPEAKERS],
  'plan.export': [FILERS, FILERS, NONE, FILERS, FILERS],
  'plan.familyCopy': [WRITERS, WRITERS, FAMILY_SIDE, WRITERS, WRITERS],
  'audit.read': [FAC, FAC, FAC, FAC, FAC],
  'conference.read': [ALL, ALL, ALL, ALL, ALL],
  'versions.read': [ALL, ALL, FAMILY_SIDE, ALL, ALL],
  'invitations.manage': [FAC, FAC, FAC, FAC, FAC],
  'settings.write': [FAC, FAC, FAC, FAC, FAC],
  'conference.retention': [FAC, FAC, FAC, FAC, FAC],
  'conference.delete': [FAC, FAC, FAC, FAC, FAC],
  'personalData.export': [ALL, ALL, ALL, ALL, ALL],
  'checkin.write': [NONE, NONE, NONE, WRITERS, WRITERS],
  'followup.read': [NONE, NONE, NONE, 'facilitator, family, child, network', 'facilitator, family, child, network'],
  'people.link': [FAC, FAC, FAC, FAC, FAC],
}

/** Only the besloten_deel column changes when the facilitator stays; these are its cells then. */
const facilitatorStaysInPrivateTime: Partial<Record<PolicyAction, string>> = {
  'board.read': 'facilitator, family, child, network',
  'board.write': 'facilitator, family, child, network',
  'privateTime.end': 'facilitator, family, child, network',
  'board.arrange': FAC,
  'board.restore': FAC,
  'scaleMark.remove': FAC,
  'facilitation.lead': FAC,
  'plan.propose': FAC,
  'plan.export': FAC,
  'plan.familyCopy': 'facilitator, family, child, network',
  'versions.read': 'facilitator, family, child, network',
}

function generatedCells(context?: { facilitatorStaysInPrivateTime: boolean }): Map<string, string[]> {
  const rows = policyTableMarkdown(context).split('\n').slice(2)
  return new Map(
    rows.map((line) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim())
      return [cells[0]!.replaceAll('`', ''), cells.slice(1)]
    }),
  )
}

describe('policy table, by hand', () => {
  const generated = generatedCells()
  it.each(policyActions.map((a) => [a]))('%s: the module allows exactly the hand-written roles in each phase', (action) => {
    expect(generated.get(action)).toEqual(facilitatorLeaves[action])
  })

  it('has a hand-written row for every action and nothing more', () => {
    expect(Object.keys(facilitatorLeaves).sort()).toEqual([...policyActions].sort())
  })

  it('changes only the besloten_deel column, and only as written, when the facilitator stays', () => {
    const staying = generatedCells({ facilitatorStaysInPrivateTime: true })
    const besloten = conferencePhases.indexOf('besloten_deel')
    for (const action of policyActions) {
      const expected = [...facilitatorLeaves[action]]
      expected[besloten] = facilitatorStaysInPrivateTime[action] ?? expected[besloten]!
      expect(staying.get(action), action).toEqual(expected)
    }
  })
})
