import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTicket } from '../../lib/server/auth/tickets'
import { restoreFromCheckpoint } from '../../lib/server/conference/board-history'
import { getLiveEvents } from '../../lib/server/conference/live-events'
import { listAudit } from '../../lib/server/db/repositories/audit'
import { listCheckpoints } from '../../lib/server/db/repositories/board-checkpoints'
import { setConferencePhase } from '../../lib/server/db/repositories/conferences'
import { note } from '../helpers/board-records'
import { connectBoard, snapshotOf, type BoardClient } from '../helpers/sync-clients'
import { seedMeeting, startTestServer, TEST_SECRET, waitFor, type TestServer } from '../helpers/test-server'

const run = promisify(execFile)

/**
 * The board's history on a real server with stock y-websocket clients: checkpoints are taken before
 * a big delete and at a phase change, and a restore (from the web app's use case in this process,
 * or from the CLI in another) reaches every open board without reconnecting.
 */

let server: TestServer
let seed: Awaited<ReturnType<typeof seedMeeting>>
const clients: BoardClient[] = []

// Valid records only: the server validates every record (server/sync/record-validation.ts).
const card = (n: number) => note(`shape:card${n}`, `Afspraak ${n}`)

function itemsOf(client: BoardClient): string[] {
  return [...client.records.keys()].filter((k) => k.startsWith('shape:')).sort()
}

async function sit(token: string): Promise<BoardClient> {
  const client = connectBoard(server.syncUrl, seed.conference.id, token)
  clients.push(client)
  await waitFor(() => client.provider.synced, { message: 'synced' })
  return client
}

/** Facilitator (desktop) and mother (phone), with eight cards on the board. */
async function boardWithCards() {
  const facilitator = await sit(createTicket(TEST_SECRET, seed.facilitator.id, seed.conference.id, 600))
  const mother = await sit(seed.mother.token)
  facilitator.doc.transact(() => {
    for (let n = 1; n <= 8; n++) facilitator.records.set(`shape:card${n}`, card(n))
  })
  await waitFor(() => itemsOf(mother).length === 8, { message: 'cards on the phone' })
  return { facilitator, mother }
}

/** The facilitator's select-all delete: every item in one transaction. */
function wipe(client: BoardClient): void {
  client.doc.transact(() => {
    for (const key of [...client.records.keys()]) if (key.startsWith('shape:')) client.records.delete(key)
  })
}

async function checkpointWith(reason: string) {
  let found: Awaited<ReturnType<typeof listCheckpoints>>[number] | undefined
  await waitFor(async () => {
    found = (await listCheckpoints(server.db, seed.conference.id)).find((c) => c.reason === reason)
    return found !== undefined
  }, { message: `a ${reason} checkpoint` })
  return found!
}

beforeEach(async () => {
  server = await startTestServer()
  seed = await seedMeeting(server.db)
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.stop()
})

describe('board history on a live server', () => {
  it('a wipe is preceded by a checkpoint; restoring it brings the board back on every open board without reconnecting', async () => {
    const { facilitator, mother } = await boardWithCards()
    const eight = itemsOf(mother)
    wipe(facilitator)
    await waitFor(() => itemsOf(mother).length === 0, { message: 'wipe on the phone' })

    const before = await checkpointWith('before-delete')
    expect(before.itemCount).toBe(8)
    expect(before.editors).toContain(seed.facilitator.id)

    const result = await restoreFromCheckpoint(server.db, { conferenceId: seed.conference.id, checkpointId: before.id, actor: seed.facilitator.id })
    expect(result).toMatchObject({ mode: 'board', changed: true, set: 8, removed: 0, itemCount: 8 })
    expect(result.undoCheckpointId).not.toBeNull()

    await waitFor(() => itemsOf(mother).length === 8 && itemsOf(facilitator).length === 8, { message: 'board back everywhere' })
    expect(itemsOf(mother)).toEqual(eight)
    expect(snapshotOf(mother.records)).toEqual(snapshotOf(facilitator.records))
    // No reconnect: the same sockets, never closed.
    expect(mother.closeCodes).toEqual([])
    expect(facilitator.closeCodes).toEqual([])

    // The undo point holds the wiped board; the audit log has ids and counts only.
    const undo = (await listCheckpoints(server.db, seed.conference.id)).find((c) => c.id === result.undoCheckpointId)
    expect(undo).toMatchObject({ reason: 'before-restore', itemCount: 0, editors: [seed.facilitator.id] })
    const audit = (await listAudit(server.db, seed.conference.id)).find((e) => e.action === 'board.restored')
    expect(audit?.detail).toBe(`checkpoint=${before.id} mode=board set=8 removed=0 items=8`)

    // A client that connects afterwards loads the restored board from storage.
    const late = await sit(seed.aunt.token)
    expect(itemsOf(late)).toEqual(eight)
  })

  it('a restore merges with an edit made meanwhile: the new item stays and everyone converges', async () => {
    const { facilitator, mother } = await boardWithCards()
    wipe(facilitator)
    await waitFor(() => itemsOf(mother).length === 0, { message: 'wipe on the phone' })
    const before = await checkpointWith('before-delete')

    // The mother adds a card on the wiped board while the restore is made (her edit has not reached the server).
    mother.provider.disconnect()
    mother.records.set('shape:new', note('shape:new', 'Net toegevoegd'))
    await restoreFromCheckpoint(server.db, { conferenceId: seed.conference.id, checkpointId: before.id, actor: seed.facilitator.id })
    await waitFor(() => itemsOf(facilitator).length === 8, { message: 'restore on the desktop' })
    mother.provider.connect()

    const expected = [...Array.from({ length: 8 }, (_, i) => `shape:card${i + 1}`), 'shape:new'].sort()
    await waitFor(() => itemsOf(mother).join() === expected.join() && itemsOf(facilitator).join() === expected.join(), { message: 'convergence' })
    expect(snapshotOf(mother.records)).toEqual(snapshotOf(facilitator.records))
  })

  it('brings back single deleted items only', async () => {
    const { facilitator, mother } = await boardWithCards()
    wipe(facilitator)
    await waitFor(() => itemsOf(mother).length === 0, { message: 'wipe on the phone' })
    const before = await checkpointWith('before-delete')

    const result = await restoreFromCheckpoint(server.db, {
      conferenceId: seed.conference.id,
      checkpointId: before.id,
      items: ['shape:card2', 'shape:card5'],
      actor: seed.facilitator.id,
    })
    expect(result).toMatchObject({ mode: 'items', changed: true, set: 2, itemCount: 2 })
    await waitFor(() => itemsOf(mother).join() === 'shape:card2,shape:card5', { message: 'two items back on the phone' })
    expect(mother.records.get('shape:card5')).toEqual(card(5))
    expect(itemsOf(facilitator)).toEqual(['shape:card2', 'shape:card5'])
  })

  it('takes a checkpoint at a phase change, and none before a small delete', async () => {
    const { facilitator, mother } = await boardWithCards()
    facilitator.doc.transact(() => {
      for (const n of [1, 2, 3]) facilitator.records.delete(`shape:card${n}`)
    })
    await waitFor(() => itemsOf(mother).length === 5, { message: 'small delete on the phone' })

    await setConferencePhase(server.db, { conferenceId: seed.conference.id, phase: 'informatie' })
    getLiveEvents().emit('conference.phase-changed', { conferenceId: seed.conference.id, phase: 'informatie' })
    const atPhase = await checkpointWith('phase-change')
    expect(atPhase.itemCount).toBe(5)
    expect(atPhase.editors).toContain(seed.facilitator.id)
    expect((await listCheckpoints(server.db, seed.conference.id)).map((c) => c.reason)).toEqual(['phase-change'])
  })

  it('a restore from the CLI (another process) reaches the open boards', async () => {
    const { facilitator, mother } = await boardWithCards()
    wipe(facilitator)
    await waitFor(() => itemsOf(mother).length === 0, { message: 'wipe on the phone' })
    const before = await checkpointWith('before-delete')

    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' }
    const history = JSON.parse((await run(tsx, ['server/cli/kring.ts', 'board-history', '--conference', seed.conference.id], { env })).stdout) as {
      checkpoints: { id: string; reason: string; itemCount: number; editors: string[] }[]
    }
    expect(history.checkpoints).toContainEqual(expect.objectContaining({ id: before.id, reason: 'before-delete', itemCount: 8 }))
    const { stdout } = await run(tsx, ['server/cli/kring.ts', 'board-restore', '--conference', seed.conference.id, '--checkpoint', before.id, '--items', 'shape:card1,shape:card8'], { env })
    expect(JSON.parse(stdout)).toMatchObject({ restored: { mode: 'items', changed: true, set: 2 } })

    await waitFor(() => itemsOf(mother).join() === 'shape:card1,shape:card8', { message: 'CLI restore on the phone', timeoutMs: 15_000 })
    expect(itemsOf(facilitator)).toEqual(['shape:card1', 'shape:card8'])
    expect(mother.closeCodes).toEqual([])
  }, 30_000)
})
