import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'

/**
 * /readyz: what a load balancer checks to send people only to an instance that can serve a
 * meeting. /healthz only says the process runs.
 */
describe('readiness', () => {
  let server: TestServer | null = null
  afterEach(async () => {
    await server?.stop().catch(() => {})
    server = null
  })

  it('is ready while the database answers, and says which part failed once it does not', async () => {
    server = await startTestServer()
    const ready = await fetch(`${server.httpUrl}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ready: true, database: 'ok' })

    // The database gone (closed under the server): not ready, while /healthz still answers.
    await server.db.destroy()
    await waitFor(async () => (await fetch(`${server!.httpUrl}/readyz`)).status === 503, { message: '/readyz answering 503' })
    expect(await (await fetch(`${server.httpUrl}/readyz`)).json()).toEqual({ ready: false, database: 'failed' })
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200)
  })
})
