import type { PersonRef } from '../schema'

/**
 * Who on the board is which participant. The board's people and the invited participants are
 * kept apart (a person on the network map need not have an invitation), so they meet by name: the
 * facilitator invites "Oma Fatima" and the agreement names the person "Oma Fatima". Case, accents
 * and spacing do not matter; anything else does, on purpose: a guess could show someone another
 * person's agreements.
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

/** The participants this person on the board is (usually one; none when not invited). */
export function participantsOf(ref: PersonRef | null, participants: readonly NamedParticipant[]): string[] {
  if (!ref || ref.name === null) return []
  const name = normalisedName(ref.name)
  if (name === '') return []
  return participants.filter((p) => normalisedName(p.name) === name).map((p) => p.id)
}
