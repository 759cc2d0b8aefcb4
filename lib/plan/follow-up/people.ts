import type { Plan, PersonRef } from '../schema'

/**
 * Who on the board is which participant. The board's people and the invited participants are
 * kept apart (a person on the network map need not have an invitation, and the person item's
 * shape stays as it is), so the facilitator links them: `board_person_links`, per board person
 * the participant they are, or "nobody invited". Without a link the names decide, but only when
 * that leaves no doubt: exactly one invited participant (not linked to someone else) and exactly
 * one person on the board carry the name, case, accents and spacing aside. Two "Mohamed"s, or
 * "Oma" on two families' maps, match nobody: a guess could show someone another person's
 * agreements, so the facilitator's follow-up view says "not linked" instead.
 */
export function normalisedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('nl')
    .replace(/\s+/g, ' ')
    .trim()
}

export interface NamedParticipant {
  id: string
  name: string
}

/** The facilitator's word: this board person is that participant, or (null) nobody invited. */
export interface PersonLink {
  personId: string
  participantId: string | null
}

/** A person on the board, by the record id of their person item. */
export interface BoardPerson {
  id: string
  name: string
}

/**
 * How a board person was matched:
 * - `linked`: the facilitator linked them (to a participant, or `participantId` null: nobody invited);
 * - `name`: no link, and exactly one participant has their name (a suggestion until confirmed);
 * - `ambiguous`: no link, and more than one participant, or more than one board person, has the name;
 * - `unmatched`: no link and no participant with the name.
 */
export type MatchKind = 'linked' | 'name' | 'ambiguous' | 'unmatched'

export interface PersonMatch {
  kind: MatchKind
  /** The participant they are, or null. A link to a participant no longer invited (revoked) is null too. */
  participantId: string | null
}

export interface PeopleInput {
  /** The participants who can be someone on the board (invitation not revoked). */
  participants: readonly NamedParticipant[]
  links: readonly PersonLink[]
  /** Everyone on the board (the plan's people and whoever its agreements name). */
  boardPeople: readonly BoardPerson[]
}

export type PeopleMatcher = (ref: PersonRef | null) => PersonMatch

const NO_MATCH: PersonMatch = { kind: 'unmatched', participantId: null }

export function peopleMatcher(input: PeopleInput): PeopleMatcher {
  const live = new Set(input.participants.map((p) => p.id))
  const links = new Map(input.links.map((l) => [l.personId, l.participantId]))
  // A participant the facilitator linked is that person only: the names no longer point at them.
  const linkedParticipants = new Set(input.links.flatMap((l) => (l.participantId === null ? [] : [l.participantId])))
  const participantsByName = groupByName(input.participants.filter((p) => !linkedParticipants.has(p.id)))
  const boardByName = new Map<string, Set<string>>()
  for (const person of input.boardPeople) {
    const name = normalisedName(person.name)
    if (name !== '') boardByName.set(name, (boardByName.get(name) ?? new Set()).add(person.id))
  }
  return (ref) => {
    // No person (no backup), or one no longer on the board: nobody to ask.
    if (!ref || ref.name === null) return NO_MATCH
    if (links.has(ref.id)) {
      const participantId = links.get(ref.id) ?? null
      return { kind: 'linked', participantId: participantId !== null && live.has(participantId) ? participantId : null }
    }
    const name = normalisedName(ref.name)
    if (name === '') return NO_MATCH
    const candidates = participantsByName.get(name) ?? []
    if (candidates.length === 0) return NO_MATCH
    const namesakes = boardByName.get(name) ?? new Set([ref.id])
    if (candidates.length > 1 || [...namesakes].some((id) => id !== ref.id)) return { kind: 'ambiguous', participantId: null }
    return { kind: 'name', participantId: candidates[0]!.id }
  }
}

function groupByName(participants: readonly NamedParticipant[]): Map<string, NamedParticipant[]> {
  const byName = new Map<string, NamedParticipant[]>()
  for (const p of participants) {
    const name = normalisedName(p.name)
    if (name !== '') byName.set(name, [...(byName.get(name) ?? []), p])
  }
  return byName
}

/** The participant ids of one board person under the rule above (none or one). */
export function participantsOf(match: PersonMatch): string[] {
  return match.participantId === null ? [] : [match.participantId]
}

/**
 * Everyone on the board of a plan: its people, and whoever an agreement names (a person item the
 * plan's people list missed still counts). By record id, first name seen.
 */
export function boardPeopleOf(plan: Plan): BoardPerson[] {
  const people = new Map<string, BoardPerson>()
  const add = (id: string, name: string | null) => {
    if (name !== null && !people.has(id)) people.set(id, { id, name })
  }
  for (const person of plan.people) add(person.id, person.name)
  for (const agreement of plan.agreements) {
    for (const owner of agreement.owners) add(owner.id, owner.name)
    if (agreement.backup) add(agreement.backup.id, agreement.backup.name)
  }
  return [...people.values()]
}

/** The people the follow-up asks something of: owners and backups of the plan's agreements, in plan order. */
export function agreementPeopleOf(plan: Plan): BoardPerson[] {
  const people = new Map<string, BoardPerson>()
  for (const agreement of plan.agreements) {
    for (const ref of [...agreement.owners, ...(agreement.backup ? [agreement.backup] : [])]) {
      if (ref.name !== null && !people.has(ref.id)) people.set(ref.id, { id: ref.id, name: ref.name })
    }
  }
  return [...people.values()]
}

/** What the facilitator reads per board person when linking (client/web/conference/PeopleLinksSection.tsx). */
export type LinkState = 'linked' | 'nobody' | 'revoked' | 'name' | 'ambiguous' | 'unmatched'

export interface PersonLinkRow {
  personId: string
  name: string
  state: LinkState
  /** The linked participant, or the name's suggestion (to confirm). */
  participantId: string | null
}

export function personLinkRows(people: readonly { person: BoardPerson; match: PersonMatch }[], links: readonly PersonLink[]): PersonLinkRow[] {
  const byPerson = new Map(links.map((l) => [l.personId, l.participantId]))
  return people.map(({ person, match }) => {
    const row = { personId: person.id, name: person.name, participantId: match.participantId }
    if (match.kind !== 'linked') return { ...row, state: match.kind }
    if (match.participantId !== null) return { ...row, state: 'linked' }
    return { ...row, state: byPerson.get(person.id) == null ? 'nobody' : 'revoked' }
  })
}
