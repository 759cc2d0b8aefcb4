import type { ConferencePhase, ParticipantRole, UserRole } from './model'
import { conferencePhases, participantRoles } from './model'

/**
 * Who may do what, in which phase: the one policy of Kring. The sync server, the meeting plane
 * and every route handler ask `may()`; nothing else decides. The README shows the whole table
 * (generated from `policyTable()`; a test fails when the README is stale).
 *
 * The heart of a family group conference is private family time (besloten deel): the family
 * and its network make the plan on their own. During it professionals (and observers) can
 * neither read nor change the board; the facilitator leaves too unless the conference says the
 * facilitator stays.
 */
export const policyActions = [
  /** Receive the board document (sync connection) and its presence. */
  'board.read',
  /** Change the board (any item except bottom lines). */
  'board.write',
  /** Add, change, tick off or remove a bottom line (ondergrens). */
  'bottomLine.write',
  /**
   * Change or remove the board's structure (template areas, pages) and remove items someone else
   * added. Everyone who writes may move and edit shared items and remove their own.
   */
  'board.arrange',
  /** See the board's history (checkpoints) and restore the board or single items from it. */
  'board.restore',
  /** Remove someone else's mark on a scale (of someone who left); moving a mark stays its owner's. */
  'scaleMark.remove',
  /** See who is here (roster) and the phase, timer, hands. */
  'meeting.read',
  /** Move the conference to another phase. */
  'phase.change',
  /** End private family time ("we zijn klaar"). */
  'privateTime.end',
  /** Admit or decline someone waiting in the lobby; remove a participant; change a role. */
  'participants.manage',
  /** Raise or lower one's own hand. */
  'hand.raise',
  /** Lower someone else's hand, clear the queue. */
  'hand.clear',
  /** Lead "follow me", set the phase timer, spotlight a region. */
  'facilitation.lead',
  /** Propose the plan for agreement, withdraw it, record a spoken yes. */
  'plan.propose',
  /** Agree to a proposed plan on one's own device. */
  'plan.confirm',
  /** Download a frozen version (PDF, JSON, PNG, SVG). */
  'plan.export',
  /** Download the family's copy of an agreed version: the plan as a PDF in one's own language. */
  'plan.familyCopy',
  /** Read the audit log. */
  'audit.read',
  /** See the conference itself: title, kind, phase (its page, its board page shell). */
  'conference.read',
  /** See the list of frozen versions (number, date, who agreed; no plan content). */
  'versions.read',
  /** Invite people, see and revoke invitations, issue a new link. */
  'invitations.manage',
  /** Change conference and board settings (private-time setting, load threshold). */
  'settings.write',
  /** Choose how long the conference is kept after its last activity (within RETENTION_MIN/MAX_DAYS). */
  'conference.retention',
  /** Delete the conference and everything of it now. */
  'conference.delete',
  /** Download what Kring holds about oneself (name, role, agreements, audit events) as JSON. */
  'personalData.export',
  /**
   * Between meetings, on one's own agreements of the agreed plan (owner or backup): see them, check
   * in ("gedaan", "lukt niet", "hulp nodig"), take a "lukt niet" over as backup, download the
   * calendar file. Which agreements are one's own is the follow-up's matter (lib/plan/follow-up).
   */
  'checkin.write',
  /** See the follow-up view of the agreed plan: every agreement's check-ins, status and the load per person. */
  'followup.read',
  /** Say which participant a person on the board is (or that they have no invitation), for the follow-up. */
  'people.link',
] as const
export type PolicyAction = (typeof policyActions)[number]

export interface PolicyContext {
  /** The conference's setting: the facilitator stays during private family time (default: leaves). */
  facilitatorStaysInPrivateTime: boolean
}

export const defaultPolicyContext: PolicyContext = { facilitatorStaysInPrivateTime: false }

const PROFESSIONAL_SIDE: readonly ParticipantRole[] = ['professional', 'observer']
const FAMILY_SIDE: readonly ParticipantRole[] = ['family', 'child', 'network']
/** The phases in which an agreed (frozen) plan can exist and is followed up. */
const AFTER_AGREEMENT: readonly ConferencePhase[] = ['plan_en_afspraken', 'afgesloten']

/** Whether this role is in the room (has the board) during this phase. */
export function isPresent(role: ParticipantRole, phase: ConferencePhase, context: PolicyContext = defaultPolicyContext): boolean {
  if (phase !== 'besloten_deel') return true
  if (role === 'facilitator') return context.facilitatorStaysInPrivateTime
  return !PROFESSIONAL_SIDE.includes(role)
}

/** The decision. Pure: the same role, phase, action and context always give the same answer. */
export function may(role: ParticipantRole, phase: ConferencePhase, action: PolicyAction, context: PolicyContext = defaultPolicyContext): boolean {
  const present = isPresent(role, phase, context)
  const facilitator = role === 'facilitator'
  const closed = phase === 'afgesloten'
  switch (action) {
    case 'board.read':
      return present
    case 'board.write':
      // Observers only read; a closed conference is read-only for everyone.
      return present && role !== 'observer' && !closed
    case 'bottomLine.write':
      // Bottom lines are the professionals' conditions: only they write them, while they are in the room.
      return role === 'professional' && present && !closed
    case 'board.arrange':
    case 'board.restore':
      // The facilitator keeps the board in order and can take it back to an earlier state.
      return facilitator && present && !closed
    case 'scaleMark.remove':
      // Clearing the mark of someone who left is running the meeting, on a board one may write.
      return facilitator && present && !closed
    case 'meeting.read':
      // Everyone admitted sees the phase and who is there, also from the waiting room.
      return true
    case 'phase.change':
    case 'participants.manage':
    case 'hand.clear':
    case 'settings.write':
    case 'audit.read':
      return facilitator
    case 'facilitation.lead':
    case 'plan.propose':
      return facilitator && present
    case 'privateTime.end':
      return phase === 'besloten_deel' && (FAMILY_SIDE.includes(role) || (facilitator && present))
    case 'hand.raise':
      return present && role !== 'observer' && !facilitator
    case 'plan.confirm':
      return present && role !== 'observer' && !facilitator
    case 'plan.export':
      // A frozen version is board content: the same rule as reading the board (no export from
      // the waiting room during besloten deel), and only for those who file the plan.
      return (facilitator || role === 'professional') && present
    case 'plan.familyCopy':
      // The plan they agreed to, to keep: everyone who worked on it and may read the board now
      // (not from the waiting room in private time); an observer only watched and takes no copy.
      return present && role !== 'observer'
    case 'conference.read':
      // Title, kind and phase: everyone admitted, also from the waiting room.
      return true
    case 'versions.read':
      // Who agreed to which version is part of the plan: as reading the board.
      return present
    case 'invitations.manage':
    case 'people.link':
      // Who is who: the facilitator invited everyone and knows which "Oma" is which.
      return facilitator
    case 'conference.retention':
    case 'conference.delete':
      // The conference's life span is the facilitator's, who answers for the case file.
      return facilitator
    case 'personalData.export':
      // One's own data (GDPR article 15), in every phase: it is about oneself, not the board.
      return true
    case 'checkin.write':
      // Once the plan is agreed; observers only watch.
      return AFTER_AGREEMENT.includes(phase) && role !== 'observer'
    case 'followup.read':
      // The facilitator and the family group follow their plan; professionals get the plan, not
      // the reasons people give for a week that did not work.
      return AFTER_AGREEMENT.includes(phase) && (facilitator || FAMILY_SIDE.includes(role))
  }
}

/** What a signed-in account (not a participant of one conference) may do. */
export const accountActions = ['conference.create'] as const
export type AccountAction = (typeof accountActions)[number]

export function accountMay(userRole: UserRole, action: AccountAction): boolean {
  switch (action) {
    case 'conference.create':
      return userRole === 'facilitator'
  }
}

/**
 * Whether the facilitator may remove, revoke or change the role of a participant with this role.
 * The facilitator's own row is the conference's anchor: it is never a target.
 */
export function isManageableTarget(targetRole: ParticipantRole): boolean {
  return targetRole !== 'facilitator'
}

/** Whether someone with this role is asked to agree to the plan (a party to a proposal) now. */
export function isAgreementParty(role: ParticipantRole, phase: ConferencePhase, context: PolicyContext = defaultPolicyContext): boolean {
  return may(role, phase, 'plan.confirm', context)
}

export interface PolicyRow {
  role: ParticipantRole
  action: PolicyAction
  /** Allowed per phase, in phase order. */
  allowed: Record<ConferencePhase, boolean>
}

/** Every role × action × phase, for the README and the table-driven tests. */
export function policyTable(context: PolicyContext = defaultPolicyContext): PolicyRow[] {
  const rows: PolicyRow[] = []
  for (const action of policyActions) {
    for (const role of participantRoles) {
      const allowed = Object.fromEntries(conferencePhases.map((phase) => [phase, may(role, phase, action, context)])) as Record<ConferencePhase, boolean>
      rows.push({ role, action, allowed })
    }
  }
  return rows
}

/** The table as Markdown (README): one row per action, one column per phase, the roles allowed in each cell. */
export function policyTableMarkdown(context: PolicyContext = defaultPolicyContext): string {
  const header = `| action | ${conferencePhases.join(' | ')} |`
  const rule = `| --- | ${conferencePhases.map(() => '---').join(' | ')} |`
  const lines = policyActions.map((action) => {
    const cells = conferencePhases.map((phase) => {
      const roles = participantRoles.filter((role) => may(role, phase, action, context))
      if (roles.length === participantRoles.length) return 'everyone'
      return roles.length === 0 ? '—' : roles.join(', ')
    })
    return `| \`${action}\` | ${cells.join(' | ')} |`
  })
  return [header, rule, ...lines].join('\n')
}
