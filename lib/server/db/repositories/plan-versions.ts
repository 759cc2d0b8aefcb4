import { createId } from '../../auth/tokens'
import { AcceptedWarnings, AgreedBy, PlanVersion, type PlanVersionSummary } from '../../../plan/version'
import { Plan } from '../../../plan/schema'
import { z } from 'zod'
import { FrozenCaseFacts } from '../../../conference/facts'
import type { Device } from '../../../conference/model'
import type { Db } from '../connect'
import { conferenceFactsOf } from './conferences'

/**
 * Frozen plan versions. Insert-only: a version is never updated; agreeing again adds the next one.
 * JSON columns are parsed with their zod schemas on the way out, so a bad row is an error, not data.
 */
export async function insertPlanVersion(
  db: Db,
  input: {
    conferenceId: string
    plan: Plan
    boardState: Uint8Array
    boardSvg: string
    agreedBy: AgreedBy[]
    frozenBy: string
    frozenAt?: Date
    /** The warnings the facilitator confirmed when proposing; null when not recorded. */
    acceptedWarnings?: AcceptedWarnings | null
    /** Per participant id, the devices of their live connections when the plan was agreed. */
    devices?: Record<string, Device[]>
  },
): Promise<PlanVersion> {
  const plan = Plan.parse(input.plan)
  const agreedBy = z.array(AgreedBy).parse(input.agreedBy)
  const acceptedWarnings = input.acceptedWarnings ? AcceptedWarnings.parse(input.acceptedWarnings) : null
  const frozenAt = (input.frozenAt ?? new Date()).toISOString()
  return db.transaction().execute(async (tx) => {
    const last = await tx
      .selectFrom('plan_versions')
      .select((eb) => eb.fn.max<number | null>('version').as('v'))
      .where('conference_id', '=', input.conferenceId)
      .executeTakeFirst()
    const version = Number(last?.v ?? 0) + 1
    // The case-file facts are frozen with the version, read in the same transaction.
    const conference = await tx.selectFrom('conferences').select('facts_json').where('id', '=', input.conferenceId).executeTakeFirst()
    const caseFacts = conference ? FrozenCaseFacts.parse({ facts: conferenceFactsOf(conference), devices: input.devices ?? {} }) : null
    const id = createId()
    await tx
      .insertInto('plan_versions')
      .values({
        id,
        conference_id: input.conferenceId,
        version,
        plan_json: JSON.stringify(plan),
        board_state: input.boardState,
        board_svg: input.boardSvg,
        agreed_by_json: JSON.stringify(agreedBy),
        frozen_by: input.frozenBy,
        frozen_at: frozenAt,
        accepted_warnings_json: acceptedWarnings ? JSON.stringify(acceptedWarnings) : null,
        case_facts_json: caseFacts === null ? null : JSON.stringify(caseFacts),
      })
      .execute()
    return { id, conferenceId: input.conferenceId, version, plan, agreedBy, frozenBy: input.frozenBy, frozenAt, acceptedWarnings }
  })
}

/** Versions of a conference, newest first, without plan data. */
export async function listPlanVersions(db: Db, conferenceId: string): Promise<PlanVersionSummary[]> {
  const rows = await db
    .selectFrom('plan_versions')
    .select(['id', 'conference_id', 'version', 'agreed_by_json', 'frozen_by', 'frozen_at', 'accepted_warnings_json'])
    .where('conference_id', '=', conferenceId)
    .orderBy('version', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    conferenceId: r.conference_id,
    version: Number(r.version),
    agreedBy: z.array(AgreedBy).parse(JSON.parse(r.agreed_by_json)),
    frozenBy: r.frozen_by,
    frozenAt: r.frozen_at,
    acceptedWarnings: acceptedWarningsOf(r.accepted_warnings_json),
  }))
}

export interface StoredPlanVersion extends PlanVersion {
  boardState: Uint8Array
  boardSvg: string
  /** The facts and devices frozen with it; null for a version frozen before they were kept. */
  caseFacts: FrozenCaseFacts | null
}

/** One version with everything needed to export it; `version` omitted = the latest. */
export async function getPlanVersion(db: Db, conferenceId: string, version?: number): Promise<StoredPlanVersion | undefined> {
  let query = db.selectFrom('plan_versions').selectAll().where('conference_id', '=', conferenceId)
  query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version)
  const row = await query.executeTakeFirst()
  if (!row) return undefined
  const parsed = PlanVersion.parse({
    id: row.id,
    conferenceId: row.conference_id,
    version: Number(row.version),
    plan: JSON.parse(row.plan_json),
    agreedBy: JSON.parse(row.agreed_by_json),
    frozenBy: row.frozen_by,
    frozenAt: row.frozen_at,
    acceptedWarnings: row.accepted_warnings_json === null ? null : JSON.parse(row.accepted_warnings_json),
  })
  const caseFacts = row.case_facts_json === null ? null : FrozenCaseFacts.parse(JSON.parse(row.case_facts_json))
  return { ...parsed, boardState: new Uint8Array(row.board_state), boardSvg: row.board_svg, caseFacts }
}

function acceptedWarningsOf(json: string | null): AcceptedWarnings | null {
  return json === null ? null : AcceptedWarnings.parse(JSON.parse(json))
}
