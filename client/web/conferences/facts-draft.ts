import { ConferenceFacts, type ConferenceFactsInput } from '@/lib/conference/facts'

/**
 * The case-file facts as a form holds them: every field a string (an empty one is "not filled
 * in"), the children as rows of first name and age. `factsOfDraft` turns it into the request's
 * facts, or null when something is out of bounds (the server checks again with the same schema).
 */
export interface FactsDraft {
  meetingDate: string
  startTime: string
  /** Minutes, as typed. */
  durationMinutes: string
  place: string
  online: boolean
  children: { firstName: string; age: string }[]
  facilitatorOrganisation: string
  reviewDate: string
}

export function draftOfFacts(facts: ConferenceFacts | null): FactsDraft {
  return {
    meetingDate: facts?.meetingDate ?? '',
    startTime: facts?.startTime ?? '',
    durationMinutes: facts?.durationMinutes === null || facts?.durationMinutes === undefined ? '' : String(facts.durationMinutes),
    place: facts?.place ?? '',
    online: facts?.online ?? false,
    children: (facts?.children ?? []).map((child) => ({ firstName: child.firstName, age: String(child.age) })),
    facilitatorOrganisation: facts?.facilitatorOrganisation ?? '',
    reviewDate: facts?.reviewDate ?? '',
  }
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim())

export function factsOfDraft(draft: FactsDraft): ConferenceFactsInput | null {
  const children = draft.children
    // A row left entirely empty is not a child.
    .filter((child) => child.firstName.trim() !== '' || child.age.trim() !== '')
    .map((child) => ({ firstName: child.firstName, age: /^\d{1,2}$/.test(child.age.trim()) ? Number(child.age) : Number.NaN }))
  const facts = {
    meetingDate: orNull(draft.meetingDate),
    startTime: orNull(draft.startTime),
    durationMinutes: draft.durationMinutes.trim() === '' ? null : /^\d{1,3}$/.test(draft.durationMinutes.trim()) ? Number(draft.durationMinutes) : Number.NaN,
    place: orNull(draft.place),
    online: draft.online,
    children,
    facilitatorOrganisation: orNull(draft.facilitatorOrganisation),
    reviewDate: orNull(draft.reviewDate),
  }
  return ConferenceFacts.safeParse(facts).success ? facts : null
}
