import type { Proposal } from '../../lib/conference/agreement'
import type { Db } from '../../lib/server/db/connect'
import { deleteOpenProposal, findOpenProposal, insertOpenProposal, updateOpenProposal } from '../../lib/server/db/repositories/open-proposals'
import { Plan } from '../../lib/plan/schema'

/** What a proposal freezes, read from the board once, when it is proposed. */
export interface Agreed {
  proposal: Proposal
  plan: Plan
  /** The board as proposed (a Yjs update), stored with the version to render images from later. */
  boardState: Uint8Array
  /** The board image as proposed, unredacted. */
  boardSvg: string
}

/** A conference's open proposal as read, with the revision a change must name. */
export interface Held {
  agreed: Agreed
  revision: number
  /** When it last changed (the database store): a freeze that never finished is told by its age. */
  changedAt?: string
}

/**
 * Where the open proposals live. Every change is a compare-and-set on the revision read: a change
 * that finds the proposal changed meanwhile returns null (false), and the desk reads it again.
 *
 * One instance keeps them in memory (`memoryProposalStore`: a proposal lives while the meeting
 * does; nothing is agreed until it is frozen, and frozen versions are in the database). Several
 * instances share them in the database (`databaseProposalStore`): a proposal made on one instance
 * is agreed on another and outlives the instance it was made on.
 */
export interface ProposalStore {
  get(conferenceId: string): Promise<Held | null>
  /** Open a proposal; null when the conference has one already. */
  create(conferenceId: string, agreed: Agreed): Promise<Held | null>
  /** The proposal's new state (a consent, freezing); null when it changed since `held` was read. */
  replace(conferenceId: string, held: Held, proposal: Proposal): Promise<Held | null>
  /** Take it away if it is still as read (`held`); any proposal when null. */
  remove(conferenceId: string, held: Held | null): Promise<boolean>
}

export function memoryProposalStore(): ProposalStore {
  const open = new Map<string, Held>()
  return {
    get: async (conferenceId) => open.get(conferenceId) ?? null,
    async create(conferenceId, agreed) {
      if (open.has(conferenceId)) return null
      const held = { agreed, revision: 1 }
      open.set(conferenceId, held)
      return held
    },
    async replace(conferenceId, held, proposal) {
      if (open.get(conferenceId) !== held) return null
      const next = { agreed: { ...held.agreed, proposal }, revision: held.revision + 1 }
      open.set(conferenceId, next)
      return next
    },
    async remove(conferenceId, held) {
      const current = open.get(conferenceId)
      if (!current || (held !== null && current !== held)) return false
      return open.delete(conferenceId)
    },
  }
}

export function databaseProposalStore(db: Db, now: () => Date = () => new Date()): ProposalStore {
  return {
    async get(conferenceId) {
      const row = await findOpenProposal(db, conferenceId)
      if (!row) return null
      const proposal = JSON.parse(row.proposalJson) as Proposal
      const plan = Plan.parse(JSON.parse(row.planJson))
      return { agreed: { proposal, plan, boardState: row.boardState, boardSvg: row.boardSvg }, revision: row.revision, changedAt: row.updatedAt }
    },
    async create(conferenceId, agreed) {
      const created = await insertOpenProposal(db, conferenceId, {
        proposalId: agreed.proposal.id,
        proposalJson: JSON.stringify(agreed.proposal),
        planJson: JSON.stringify(agreed.plan),
        boardState: agreed.boardState,
        boardSvg: agreed.boardSvg,
        updatedAt: now().toISOString(),
      })
      return created ? { agreed, revision: 1, changedAt: now().toISOString() } : null
    },
    async replace(conferenceId, held, proposal) {
      const changedAt = now().toISOString()
      const changed = await updateOpenProposal(db, conferenceId, held.revision, JSON.stringify(proposal), changedAt)
      return changed ? { agreed: { ...held.agreed, proposal }, revision: held.revision + 1, changedAt } : null
    },
    remove: (conferenceId, held) => deleteOpenProposal(db, conferenceId, held?.revision ?? null),
  }
}
