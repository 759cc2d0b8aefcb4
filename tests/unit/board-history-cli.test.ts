import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig, type KringConfig } from '../../lib/server/config/env'
import { takeCheckpoint } from '../../lib/server/conference/board-history'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { seedConference, seedUser } from '../../lib/server/db/seed'
import { CliUsageError, parseCliArgs, type CliCommand } from '../../server/cli/args'
import { runCommand } from '../../server/cli/commands'

let db: Db
const config: KringConfig = parseConfig({ AUTH_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://kring.example.org' })

beforeEach(async () => {
  db = await openDatabase(':memory:')
})
afterEach(async () => {
  await db.destroy()
})

const kring = (argv: string[]) => runCommand(db, config, parseCliArgs(argv) as CliCommand)

describe('CLI: board-history and board-restore', () => {
  it('parse the item list and refuse what is not an item id', () => {
    expect(parseCliArgs(['board-restore', '--conference', 'conf-12345678', '--checkpoint', 'chk-12345678', '--items', 'shape:a, shape:b'])).toMatchObject({
      options: { items: ['shape:a', 'shape:b'] },
    })
    const whole = parseCliArgs(['board-restore', '--conference', 'conf-12345678', '--checkpoint', 'chk-12345678']) as Extract<CliCommand, { command: 'board-restore' }>
    expect(whole.options.items).toBeUndefined()
    expect(() => parseCliArgs(['board-restore', '--conference', 'conf-12345678', '--checkpoint', 'chk-12345678', '--items', 'page:page'])).toThrow(CliUsageError)
    expect(() => parseCliArgs(['board-restore', '--conference', 'conf-12345678'])).toThrow(/--checkpoint: is required/)
  })

  it('list checkpoints with participant ids (no names), restore one into the stored board, and refuse an unknown one', async () => {
    const user = await seedUser(db, { email: 'fenna@example.org', name: 'Fenna' })
    const { conference, facilitator } = await seedConference(db, { facilitator: user })
    const records = { 'shape:a': { id: 'shape:a', typeName: 'shape', type: 'kring-card', parentId: 'page:page', props: { text: 'Oma' } } }
    const checkpoint = await takeCheckpoint(db, { conferenceId: conference.id, reason: 'phase-change', editors: [facilitator.id], records })

    const listed = (await kring(['board-history', '--conference', conference.id])) as { checkpoints: unknown[] }
    expect(listed.checkpoints).toEqual([{ id: checkpoint!.id, createdAt: checkpoint!.createdAt, reason: 'phase-change', editors: [facilitator.id], itemCount: 1 }])
    expect(JSON.stringify(listed)).not.toContain('Fenna')

    const restored = await kring(['board-restore', '--conference', conference.id, '--checkpoint', checkpoint!.id])
    expect(restored).toMatchObject({ restored: { mode: 'board', changed: true, set: 1, removed: 0, itemCount: 1 } })
    // Again: the board already is the checkpoint, nothing is stored.
    expect(await kring(['board-restore', '--conference', conference.id, '--checkpoint', checkpoint!.id])).toMatchObject({ restored: { changed: false, undoCheckpointId: null } })
    await expect(kring(['board-restore', '--conference', conference.id, '--checkpoint', 'nope-12345678'])).rejects.toMatchObject({ code: 'not_found' })
  })
})
