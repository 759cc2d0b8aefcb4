import { describe, expect, it } from 'vitest'
import { followUpOf, myAgreements } from '../../lib/plan/follow-up/follow-up'
import { peopleMatcher, personLinkRows, type BoardPerson, type NamedParticipant, type PersonLink } from '../../lib/plan/follow-up/people'
import { emptyPlan, type Plan, type PlanAgreement } from '../../lib/plan/schema'

// Who on the board is which participant: the facilitator's link first; without one a name only
// when exactly one participant and one board person carry it.
const fatima: NamedParticipant = { id: 'p-fatima', name: 'Fatima' }
const mohamedA: NamedParticipant = { id: 'p-mohamed-a', name: 'Mohamed' }
const mohamedB: NamedParticipant = { id: 'p-mohamed-b', name: 'mohamed ' }
const sanne: NamedParticipant = { id: 'p-sanne', name: 'Mama Sanne' }

const oma: BoardPerson = { id: 'shape:oma', name: 'Oma Fatima' }
const boardSanne: BoardPerson = { id: 'shape:sanne', name: 'mama  sänne' }

function match(participants: NamedParticipant[], boardPeople: BoardPerson[], links: PersonLink[] = []) {
  return peopleMatcher({ participants, links, boardPeople })
}

describe('who on the board is which participant', () => {
  it('matches a name only one participant and one board person carry, case, accents and spacing aside', () => {
    expect(match([sanne, fatima], [boardSanne, oma])(boardSanne)).toEqual({ kind: 'name', participantId: 'p-sanne' })
  })

  it('does not guess from a name typed differently: "Oma Fatima" is not "Fatima"', () => {
    expect(match([fatima], [oma])(oma)).toEqual({ kind: 'unmatched', participantId: null })
  })

  it('takes the link first, whatever the names say', () => {
    const omaParticipant = { id: 'p-oma', name: 'Oma Fatima' }
    const m = match([fatima, omaParticipant], [oma], [{ personId: oma.id, participantId: fatima.id }])
    expect(m(oma)).toEqual({ kind: 'linked', participantId: 'p-fatima' })
  })

  it('matches nobody when two participants carry the name', () => {
    const mohamed = { id: 'shape:mohamed', name: 'Mohamed' }
    expect(match([mohamedA, mohamedB], [mohamed])(mohamed)).toEqual({ kind: 'ambiguous', participantId: null })
  })

  it('matches nobody when two people on the board carry the one participant\'s name', () => {
    const uncle = { id: 'shape:uncle', name: 'Mohamed' }
    const neighbour = { id: 'shape:neighbour', name: 'MOHAMED' }
    const m = match([mohamedA], [uncle, neighbour])
    expect(m(uncle)).toEqual({ kind: 'ambiguous', participantId: null })
    expect(m(neighbour)).toEqual({ kind: 'ambiguous', participantId: null })
    // Linking one settles it for that one; the other stays unlinked (the participant is taken).
    const linked = match([mohamedA], [uncle, neighbour], [{ personId: uncle.id, participantId: mohamedA.id }])
    expect(linked(uncle)).toEqual({ kind: 'linked', participantId: mohamedA.id })
    expect(linked(neighbour).participantId).toBeNull()
  })

  it('keeps a linked participant out of the name match: another "Fatima" on the board is not her', () => {
    const auntFatima = { id: 'shape:aunt', name: 'Fatima' }
    const m = match([fatima], [oma, auntFatima], [{ personId: oma.id, participantId: fatima.id }])
    expect(m(auntFatima)).toEqual({ kind: 'unmatched', participantId: null })
  })

  it('"nobody invited" overrides a name match, and a link to a revoked invitation falls back to nothing', () => {
    expect(match([sanne], [boardSanne], [{ personId: boardSanne.id, participantId: null }])(boardSanne)).toEqual({ kind: 'linked', participantId: null })
    // p-gone is not among the live participants (revoked): no match, and no name guess either.
    expect(match([sanne], [boardSanne], [{ personId: boardSanne.id, participantId: 'p-gone' }])(boardSanne)).toEqual({ kind: 'linked', participantId: null })
  })

  it('matches no one for a person no longer on the board or an agreement without backup', () => {
    const m = match([sanne], [boardSanne])
    expect(m(null).participantId).toBeNull()
    expect(m({ id: 'shape:gone', name: null }).participantId).toBeNull()
  })
})

const agreement = (a: Pick<PlanAgreement, 'id' | 'what' | 'owners'> & Partial<PlanAgreement>): PlanAgreement => ({
  when: 'elke week',
  backup: null,
  howWeKnow: '',
  answers: [],
  status: 'open',
  ...a,
})

function planWith(people: BoardPerson[], agreements: PlanAgreement[]): Plan {
  return {
    ...emptyPlan(),
    people: people.map((p) => ({ ...p, relation: '', ring: 'inner', group: 'family', support: [], note: '', ties: [] })),
    agreements,
  }
}

describe('the follow-up with links', () => {
  const uncle = { id: 'shape:uncle', name: 'Mohamed' }
  const neighbour = { id: 'shape:neighbour', name: 'Mohamed' }
  const plan = planWith(
    [oma, uncle, neighbour],
    [
      agreement({ id: 'shape:a-oma', what: 'Oma kookt op vrijdag', owners: [oma] }),
      agreement({ id: 'shape:a-uncle', what: 'Oom brengt naar voetbal', owners: [uncle], backup: neighbour }),
      agreement({ id: 'shape:a-neighbour', what: 'Buurman let op de post', owners: [neighbour] }),
    ],
  )
  const base = { plan, frozenAt: '2026-12-01T10:00:00.000Z', checkIns: [], takeovers: [], now: new Date('2026-12-03T10:00:00.000Z') }

  it('without links: the differently named grandmother and the two Mohameds are asked nothing, and the view says why', () => {
    const followUp = followUpOf({ ...base, participants: [fatima, mohamedA] })
    expect(followUp.agreements.map((a) => a.ownerIds)).toEqual([[], [], []])
    expect(myAgreements(followUp, mohamedA.id, plan)).toEqual([])
    expect(personLinkRows(followUp.people, []).map((r) => [r.name, r.state])).toEqual([
      ['Oma Fatima', 'unmatched'],
      ['Mohamed', 'ambiguous'],
      ['Mohamed', 'ambiguous'],
    ])
  })

  it('with links: each sees only their own agreements', () => {
    const links = [
      { personId: oma.id, participantId: fatima.id },
      { personId: uncle.id, participantId: mohamedA.id },
      { personId: neighbour.id, participantId: null },
    ]
    const followUp = followUpOf({ ...base, participants: [fatima, mohamedA], links })
    expect(myAgreements(followUp, fatima.id, plan).map((m) => m.followUp.agreement.what)).toEqual(['Oma kookt op vrijdag'])
    expect(myAgreements(followUp, mohamedA.id, plan).map((m) => [m.followUp.agreement.what, m.owner, m.backup])).toEqual([['Oom brengt naar voetbal', true, false]])
    expect(personLinkRows(followUp.people, links).map((r) => [r.name, r.state, r.participantId])).toEqual([
      ['Oma Fatima', 'linked', fatima.id],
      ['Mohamed', 'linked', mohamedA.id],
      ['Mohamed', 'nobody', null],
    ])
    // The load per person counts the linked participant's answers under the right board person.
    expect(followUp.load.find((l) => l.personId === uncle.id)?.participantIds).toEqual([mohamedA.id])
    expect(followUp.load.find((l) => l.personId === neighbour.id)?.participantIds).toEqual([])
  })

  it('says when the linked person\'s invitation was revoked', () => {
    const links = [{ personId: oma.id, participantId: fatima.id }]
    const followUp = followUpOf({ ...base, participants: [mohamedA], links })
    expect(personLinkRows(followUp.people, links)[0]).toMatchObject({ state: 'revoked', participantId: null })
  })
})
