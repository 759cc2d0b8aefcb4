import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig, type KringConfig } from '../../lib/server/config/env'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { ApiError } from '../../lib/protocol/api-error'
import { CliUsageError, parseCliArgs, type CliCommand } from '../../server/cli/args'
import { runCommand } from '../../server/cli/commands'
import { listHomeConferences } from '../../lib/server/db/repositories/home-conferences'
import { buildGateWorld, type GateWorld } from './gate-fixtures'

let db: Db
let world: GateWorld
const config: KringConfig = parseConfig({ AUTH_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://kring.example.org', RETENTION_DAYS: '400' })

beforeEach(async () => {
  db = await openDatabase(':memory:')
  world = await buildGateWorld(db)
})

afterEach(async () => {
  await db.destroy()
})

function kring(argv: string[]): Promise<unknown> {
  return runCommand(db, config, parseCliArgs(argv) as CliCommand)
}

describe('CLI: delete-conference and retention-sweep', () => {
  it('deletes a conference, says what went, audits it as the CLI; a second time is not found', async () => {
    const result = (await kring(['delete-conference', '--conference', world.conference.id])) as { deleted: Record<string, unknown> }
    expect(result.deleted).toMatchObject({ conferenceId: world.conference.id, versions: 1, participants: 8 })
    const { conferences } = (await kring(['list-conferences'])) as { conferences: { id: string }[] }
    expect(conferences.map((c) => c.id)).not.toContain(world.conference.id)
    // Nor on the facilitator's home page (the emptied row stays only for the audit log).
    expect((await listHomeConferences(db, world.facilitator.id)).map((row) => row.conference.id)).not.toContain(world.conference.id)
    const audit = await db.selectFrom('audit_log').select(['actor', 'detail']).where('conference_id', '=', world.conference.id).where('action', '=', 'conference.deleted').execute()
    // The template's one card counts as an item; its areas do not.
    expect(audit).toEqual([{ actor: 'cli', detail: 'by=cli items=1 versions=1 participants=8 checkpoints=0' }])
    await expect(kring(['delete-conference', '--conference', world.conference.id])).rejects.toMatchObject({ code: 'not_found' } satisfies Partial<ApiError>)
  })

  it('needs a well-formed --conference', () => {
    expect(() => parseCliArgs(['delete-conference'])).toThrow(CliUsageError)
    expect(() => parseCliArgs(['delete-conference', '--conference', 'x'])).toThrow(CliUsageError)
  })

  it('create-conference keeps a new conference RETENTION_DAYS after its last activity', async () => {
    await kring(['create-user', '--email', 'fien@example.org', '--name', 'Fien', '--password', 'geheim-wachtwoord-1'])
    const { conference } = (await kring(['create-conference', '--title', 'Familie Jansen', '--facilitator-email', 'fien@example.org'])) as { conference: { id: string } }
    const row = await db.selectFrom('conferences').select(['retention_days', 'retain_until', 'last_activity_at']).where('id', '=', conference.id).executeTakeFirstOrThrow()
    expect(row.retention_days).toBe(400)
    expect(Date.parse(row.retain_until) - Date.parse(row.last_activity_at!)).toBe(400 * 86_400_000)
  })

  it('retention-sweep deletes what has expired now', async () => {
    await db.updateTable('conferences').set({ retain_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', world.conference.id).execute()
    const { sweep } = (await kring(['retention-sweep'])) as { sweep: { deleted: string[] } }
    expect(sweep.deleted).toEqual([world.conference.id])
  })
})
