import type { Db } from '../connect'

/**
 * The open plan proposal of each conference, as rows every instance shares. Every change names the
 * revision it read and succeeds only when the row still has it (compare-and-set), so two yeses
 * given at the same moment on two instances are both kept, and one freeze wins.
 */
export interface OpenProposalRow {
  proposalId: string
  revision: number
  proposalJson: string
  planJson: string
  boardState: Uint8Array
  boardSvg: string
  updatedAt: string
}

export async function findOpenProposal(db: Db, conferenceId: string): Promise<OpenProposalRow | null> {
  const row = await db.selectFrom('open_proposals').selectAll().where('conference_id', '=', conferenceId).executeTakeFirst()
  if (!row) return null
  return {
    proposalId: row.proposal_id,
    revision: Number(row.revision),
    proposalJson: row.proposal_json,
    planJson: row.plan_json,
    boardState: new Uint8Array(row.board_state),
    boardSvg: row.board_svg,
    updatedAt: row.updated_at,
  }
}

/** Store a new proposal at revision 1; false when the conference has one already. */
export async function insertOpenProposal(db: Db, conferenceId: string, row: Omit<OpenProposalRow, 'revision'>): Promise<boolean> {
  const result = await db
    .insertInto('open_proposals')
    .values({
      conference_id: conferenceId,
      proposal_id: row.proposalId,
      revision: 1,
      proposal_json: row.proposalJson,
      plan_json: row.planJson,
      board_state: row.boardState,
      board_svg: row.boardSvg,
      updated_at: row.updatedAt,
    })
    .onConflict((oc) => oc.column('conference_id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Replace the proposal's state if the row is still at `revision`; false when someone changed it first. */
export async function updateOpenProposal(db: Db, conferenceId: string, revision: number, proposalJson: string, updatedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('open_proposals')
    .set({ proposal_json: proposalJson, revision: revision + 1, updated_at: updatedAt })
    .where('conference_id', '=', conferenceId)
    .where('revision', '=', revision)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Delete the proposal if the row is still at `revision` (any revision when null); false when it was not. */
export async function deleteOpenProposal(db: Db, conferenceId: string, revision: number | null): Promise<boolean> {
  let query = db.deleteFrom('open_proposals').where('conference_id', '=', conferenceId)
  if (revision !== null) query = query.where('revision', '=', revision)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}
