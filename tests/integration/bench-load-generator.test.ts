import { afterEach, describe, expect, it } from 'vitest'
import { LoadPool, type WindowResult } from '../../bench/lib/load-generator'
import type { ClientSpec } from '../../bench/lib/load-protocol'
import { seedRooms } from '../../bench/lib/production-kring'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * The capacity and fan-out benchmarks time what Kring's server relays: if it refused the load
 * generator's edits or presence, they would time nothing and look fast. This checks, on a real
 * server, that the generator's edits reach every receiver and its presence is relayed.
 */
describe('the benchmarks’ load generator against Kring’s server', () => {
  let server: TestServer | null = null
  let pool: LoadPool | null = null
  afterEach(async () => {
    await pool?.stop()
    await server?.stop()
  })

  it('edits reach every receiver in the room, timed, and presence states are relayed', async () => {
    server = await startTestServer()
    const [room] = await seedRooms(server.db, 1, 3)
    pool = await LoadPool.start(1)
    const specs = room!.people.map(
      (person, index): ClientSpec => ({ id: `r-${index}`, room: 'r', serverUrl: server!.syncUrl, docName: room!.conferenceId, token: person.token, participantId: person.participantId, index }),
    )
    await pool.setAutonomous({ editHz: 5, presenceHz: 10 })
    expect(await pool.open(new Map([[0, specs]]))).toEqual([])

    const measured: WindowResult[] = []
    // Edits timed to the last receiver (a window's late ones are counted with their age instead).
    const arrived = () => measured.reduce((n, w) => n + w.latencies.length - w.late, 0)
    await pool.windowStart()
    await waitFor(
      async () => {
        measured.push(await pool!.windowEnd(500))
        const enough = arrived() >= 10 && measured.some((w) => w.presenceStatesPerClientPerSecond > 0)
        if (!enough) await pool!.windowStart()
        return enough
      },
      { timeoutMs: 20_000, intervalMs: 300, message: 'timed edits and relayed presence' },
    )
    expect(arrived()).toBeGreaterThanOrEqual(10)
    expect(measured.flatMap((w) => w.latencies).every((ms) => ms >= 0)).toBe(true)
    // Kring relays the others' presence states (10 a second from each of the 2 others, paced).
    expect(Math.max(...measured.map((w) => w.presenceStatesPerClientPerSecond))).toBeGreaterThan(0)
    expect(measured.at(-1)!.health[0]!.cpu).toBeGreaterThan(0)
  })
})
