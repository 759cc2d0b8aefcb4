import { occurrencesPerWeek } from '../frequency'
import type { Plan, PlanAgreement } from '../schema'
import type { CheckIn, Takeover } from './model'
import { agreementPeopleOf, boardPeopleOf, participantsOf, peopleMatcher, type BoardPerson, type NamedParticipant, type PeopleMatcher, type PersonLink, type PersonMatch } from './people'
import { currentPeriod, periodDays, type Period } from './periods'
import { followUpStatus, periodResult, type FollowUpStatus, type PeriodResult, type SlipReason } from './status'

/**
 * The follow-up of one frozen version: per agreement its periods, recent check-ins and status
 * (./status.ts), open requests to the backup, and the load per person as it turns out. Pure: the
 * route handlers, the pages, the reminder scheduler and the evaluatie all read the same numbers.
 */
export interface FollowUpInput {
  plan: Plan
  frozenAt: string
  checkIns: readonly CheckIn[]
  takeovers: readonly Takeover[]
  participants: readonly NamedParticipant[]
  /** The facilitator's links of board people to participants (./people.ts); without one the names decide, when unambiguous. */
  links?: readonly PersonLink[]
  now: Date
}

export interface PeriodOutcome {
  index: number
  start: string
  end: string
  result: PeriodResult | null
}

export interface BackupRequest {
  checkIn: CheckIn
  /** The takeover, once the backup took it over. */
  takenOverBy: Takeover | null
}

export interface AgreementFollowUp {
  agreement: PlanAgreement
  periodDays: number
  current: Period
  ownerIds: string[]
  backupIds: string[]
  /** Every period so far, oldest first; the last is the running one (result null until answered). */
  periods: PeriodOutcome[]
  /** The latest check-ins, newest first. */
  recent: CheckIn[]
  /** What was said in the running period, newest first. */
  running: CheckIn[]
  status: FollowUpStatus
  reasons: SlipReason[]
  /** "lukt niet, backup please" in the running or the previous period. */
  requests: BackupRequest[]
}

export interface PersonLoad {
  personId: string
  name: string
  participantIds: string[]
  owns: number
  backs: number
  /** Occurrences per week the plan asks of them; `unknown` counts agreements whose rhythm cannot be read. */
  plannedPerWeek: number
  unknown: number
  /** As it turns out: what they said and what they took over. */
  done: number
  cannot: number
  tookOver: number
}

export interface FollowUp {
  /** Slipping first (they can still be saved), then stopped, then on track; plan order within. */
  agreements: AgreementFollowUp[]
  load: PersonLoad[]
  /** Every owner and backup of the plan and who they turned out to be, in plan order (the facilitator links them). */
  people: { person: BoardPerson; match: PersonMatch }[]
}

const RECENT_CHECK_INS = 6
const statusOrder: Record<FollowUpStatus, number> = { slipping: 0, stopped: 1, 'on-track': 2 }

export function followUpOf(input: FollowUpInput): FollowUp {
  const takeoversByCheckIn = new Map(input.takeovers.map((t) => [t.checkInId, t]))
  const match = peopleMatcher({ participants: input.participants, links: input.links ?? [], boardPeople: boardPeopleOf(input.plan) })
  const agreements = input.plan.agreements.map((agreement) => agreementFollowUp(agreement, input, match, takeoversByCheckIn))
  const ordered = agreements
    .map((a, i) => ({ a, i }))
    .sort((x, y) => statusOrder[x.a.status] - statusOrder[y.a.status] || x.i - y.i)
    .map(({ a }) => a)
  const people = agreementPeopleOf(input.plan).map((person) => ({ person, match: match(person) }))
  return { agreements: ordered, load: loadOf(input, match, agreements, takeoversByCheckIn), people }
}

function agreementFollowUp(agreement: PlanAgreement, input: FollowUpInput, match: PeopleMatcher, takeovers: Map<string, Takeover>): AgreementFollowUp {
  const days = periodDays(agreement.when)
  const current = currentPeriod(input.frozenAt, days, input.now)
  const own = input.checkIns.filter((c) => c.agreementId === agreement.id && c.periodIndex <= current.index)
  const periods: PeriodOutcome[] = []
  for (let index = 0; index <= current.index; index++) {
    const said = own.filter((c) => c.periodIndex === index)
    const taken = said.flatMap((c) => takeovers.get(c.id) ?? [])
    const running = index === current.index
    const start = new Date(current.start.getTime() - (current.index - index) * days * 86_400_000)
    const end = new Date(start.getTime() + days * 86_400_000)
    periods.push({
      index,
      start: start.toISOString(),
      end: end.toISOString(),
      result: running && said.length === 0 ? null : periodResult(said, taken),
    })
  }
  const { status, reasons } = followUpStatus({
    ended: periods.slice(0, -1).map((p) => p.result ?? 'missing'),
    running: periods.at(-1)?.result ?? null,
  })
  const requests = own
    .filter((c) => c.outcome === 'cannot' && c.backupAsked && c.periodIndex >= current.index - 1)
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((checkIn) => ({ checkIn, takenOverBy: takeovers.get(checkIn.id) ?? null }))
  return {
    agreement,
    periodDays: days,
    current,
    ownerIds: [...new Set(agreement.owners.flatMap((o) => participantsOf(match(o))))],
    backupIds: participantsOf(match(agreement.backup)),
    periods,
    recent: [...own].sort((a, b) => b.at.localeCompare(a.at)).slice(0, RECENT_CHECK_INS),
    running: own.filter((c) => c.periodIndex === current.index).sort((a, b) => b.at.localeCompare(a.at)),
    status,
    reasons,
    requests,
  }
}

function loadOf(input: FollowUpInput, match: PeopleMatcher, agreements: AgreementFollowUp[], takeovers: Map<string, Takeover>): PersonLoad[] {
  const people = new Map<string, PersonLoad>()
  const entry = (id: string, name: string): PersonLoad => {
    let load = people.get(id)
    if (!load) {
      const participantIds = participantsOf(match({ id, name }))
      load = { personId: id, name, participantIds, owns: 0, backs: 0, plannedPerWeek: 0, unknown: 0, done: 0, cannot: 0, tookOver: 0 }
      const said = input.checkIns.filter((c) => participantIds.includes(c.participantId))
      load.done = said.filter((c) => c.outcome === 'done').length
      load.cannot = said.filter((c) => c.outcome === 'cannot').length
      load.tookOver = [...takeovers.values()].filter((t) => participantIds.includes(t.participantId)).length
      people.set(id, load)
    }
    return load
  }
  for (const { agreement } of agreements) {
    const perWeek = occurrencesPerWeek(agreement.when)
    for (const owner of agreement.owners) {
      if (owner.name === null) continue
      const load = entry(owner.id, owner.name)
      load.owns++
      if (perWeek === 'unknown') load.unknown++
      else load.plannedPerWeek += perWeek
    }
    if (agreement.backup && agreement.backup.name !== null) entry(agreement.backup.id, agreement.backup.name).backs++
  }
  return [...people.values()].sort((a, b) => b.plannedPerWeek - a.plannedPerWeek || a.name.localeCompare(b.name))
}

export interface MyAgreement {
  followUp: AgreementFollowUp
  /** They own it: asked at its rhythm. */
  owner: boolean
  /** They are its backup. */
  backup: boolean
  /** Their own answer in the running period, if any (latest). */
  answered: CheckIn | null
  /** An owner who has not answered the running period yet. */
  due: boolean
  /** Requests to them as backup, not yet taken over. */
  openRequests: CheckIn[]
}

/** One participant's agreements (owner or backup), in the plan's order. */
export function myAgreements(followUp: FollowUp, participantId: string, plan: Plan): MyAgreement[] {
  const byId = new Map(followUp.agreements.map((a) => [a.agreement.id, a]))
  return plan.agreements.flatMap((agreement) => {
    const f = byId.get(agreement.id)
    if (!f) return []
    const owner = f.ownerIds.includes(participantId)
    const backup = f.backupIds.includes(participantId)
    if (!owner && !backup) return []
    const answered = f.running.find((c) => c.participantId === participantId && c.periodIndex === f.current.index) ?? null
    return [{
      followUp: f,
      owner,
      backup,
      answered,
      due: owner && answered === null,
      openRequests: backup ? f.requests.filter((r) => r.takenOverBy === null && r.checkIn.participantId !== participantId).map((r) => r.checkIn) : [],
    }]
  })
}
