import { stubbedRequest } from '../helpers/route-harness'
import { mkdtempSync, rmSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../lib/protocol/close-codes'
import { DeleteConferenceResponse } from '../../lib/protocol/retention'
import { parseConfig } from '../../lib/server/config/env'
import { openDatabase } from '../../lib/server/db/connect'
import { createLogger } from '../../lib/server/log/logger'
import { createKringServer } from '../../server/app'
import { startScaleOut } from '../../server/scale-out/scale-out'
import { note } from '../helpers/board-records'
import { scaleOutUnavailable, useScaleOutCluster, type ClusterInstance } from '../helpers/scale-out-cluster'
import { connectBoard, type BoardClient } from '../helpers/sync-clients'
import { TEST_SECRET, waitFor, type TestServer } from '../helpers/test-server'
import { auditRows, connectControl, type ControlClient } from './meeting-control-support'

/**
 * The web app's routes on one instance act on every instance (REDIS_URL): instance A runs here,
 * in this process, as `server/index.ts` runs one (the Kring server and the route handlers in one
 * process, on one port), with its HTTP requests handed to the route modules as Next would; only
 * who is signed in is stubbed (next-auth's session, the cookies: tests/helpers/route-harness.ts,
 * here on the instance's own database). Instance B is a child process.
 */
const unavailable = scaleOutUnavailable()
if (unavailable) console.warn(`scale-out route tests skipped: ${unavailable}`)

const PUBLIC_URL = 'http://kring.test'

type RouteHandler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>

/** What Next does for the one route this test calls: the request in, the route's response out. */
async function routeRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = /^\/api\/conferences\/([^/?]+)$/.exec(req.url ?? '')
  if (!match || req.method !== 'DELETE') {
    res.writeHead(404).end()
    return
  }
  const { DELETE } = (await import('../../app/api/conferences/[id]/route')) as { DELETE: RouteHandler }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
  const response = await DELETE(new Request(`${PUBLIC_URL}${req.url}`, { method: 'DELETE', headers }), {
    params: Promise.resolve({ id: decodeURIComponent(match[1]!) }),
  })
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()))
}

describe.skipIf(unavailable !== null)('web routes across instances', () => {
  const fixture = useScaleOutCluster({ env: { REVOCATION_POLL_MS: '600000' } })

  /** Instance A in this process, on the cluster's database and Redis, with the web routes. */
  async function inProcessInstance(url: string, redisUrl: string): Promise<{ httpUrl: string; syncUrl: string }> {
    // The route handlers read the process's config (lib/server/config/env.ts getConfig), once.
    process.env.AUTH_SECRET = TEST_SECRET
    process.env.PUBLIC_URL = PUBLIC_URL
    const dataDir = mkdtempSync(join(tmpdir(), 'kring-scale-routes-'))
    const config = parseConfig({
      NODE_ENV: 'test',
      AUTH_SECRET: TEST_SECRET,
      PUBLIC_URL,
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'silent',
      REVOCATION_POLL_MS: '600000',
    })
    const db = await openDatabase(config.database)
    const logger = createLogger(config.logLevel)
    const scaleOut = await startScaleOut(config, db, logger)
    const server = createKringServer({ config, db, logger, scaleOut }, { handle: routeRequest })
    const port = await server.listen(0, '127.0.0.1')
    stubbedRequest.db = db
    fixture.defer(async () => {
      await server.close()
      await scaleOut?.close()
      await db.destroy()
      rmSync(dataDir, { recursive: true, force: true })
      stubbedRequest.db = null
      stubbedRequest.signedIn = null
    })
    return { httpUrl: `http://127.0.0.1:${port}`, syncUrl: `ws://127.0.0.1:${port}/sync` }
  }

  function board(syncUrl: string, conferenceId: string, token: string): BoardClient {
    const client = connectBoard(syncUrl, conferenceId, token)
    fixture.defer(() => client.destroy())
    return client
  }

  async function meeting(instance: ClusterInstance, conferenceId: string, token: string): Promise<ControlClient> {
    const client = await connectControl({ httpUrl: instance.httpUrl } as TestServer, conferenceId, token)
    fixture.defer(() => client.close())
    return client
  }

  const deleteOn = (httpUrl: string, conferenceId: string) =>
    fetch(`${httpUrl}/api/conferences/${conferenceId}`, { method: 'DELETE', headers: { Origin: PUBLIC_URL } })

  it('the facilitator deletes the conference on A (DELETE /api/conferences/[id]): its board and meeting sockets on B close with 4404', async () => {
    const { db, url, redisUrl, instances, conference, facilitatorUser, mother, aunt } = await fixture.cluster(1)
    const b = instances[0]!
    const a = await inProcessInstance(url, redisUrl)
    const onB = board(b.syncUrl, conference.id, mother.token)
    const onA = board(a.syncUrl, conference.id, aunt.token)
    await waitFor(() => onB.provider.synced && onA.provider.synced, { message: 'both synced' })
    onB.records.set('shape:before', note('shape:before', 'Oma haalt Noor op'))
    await waitFor(() => onA.records.has('shape:before'), { message: 'the edit crossed' })
    const auntsMeeting = await meeting(b, conference.id, aunt.token)

    // Nobody signed in: refused, and nothing closes anywhere.
    expect((await deleteOn(a.httpUrl, conference.id)).status).toBe(401)
    expect(await auditRows(db, conference.id, ['conference.deleted'])).toEqual([])

    stubbedRequest.signedIn = facilitatorUser
    const response = await deleteOn(a.httpUrl, conference.id)
    expect(response.status).toBe(200)
    expect(DeleteConferenceResponse.parse(await response.json())).toMatchObject({ deleted: true, participants: 4 })

    await waitFor(() => onB.closeCodes.includes(CloseCode.NotFound) && onA.closeCodes.includes(CloseCode.NotFound), { message: '4404 on both instances' })
    await waitFor(() => auntsMeeting.closings.some((c) => c.code === CloseCode.NotFound), { message: 'the meeting socket on B told too' })
    // Nothing of the board was written back by the instances that held it, and it is gone for good.
    expect(onB.closeCodes.every((code) => code === CloseCode.NotFound)).toBe(true)
    expect(await db.selectFrom('yjs_updates').select('id').where('conference_id', '=', conference.id).execute()).toEqual([])
    expect((await auditRows(db, conference.id, ['conference.deleted'])).map((row) => row.detail)).toEqual([expect.stringContaining('by=facilitator')])
    // Asked again: refused (the facilitator is no longer a participant of it), nothing deleted twice.
    expect((await deleteOn(a.httpUrl, conference.id)).ok).toBe(false)
    expect(await auditRows(db, conference.id, ['conference.deleted'])).toHaveLength(1)
    // A board opened on B now finds no conference.
    const late = board(b.syncUrl, conference.id, mother.token)
    await waitFor(() => late.closeCodes.length > 0, { message: 'a late board on B refused' })
    expect(late.records.has('shape:before')).toBe(false)
  }, 60_000)
})
