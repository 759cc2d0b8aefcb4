import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../lib/server/config/env'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { CLIENT_ADDRESS_HEADER } from '../../lib/server/http/client-address'
import { createLogger } from '../../lib/server/log/logger'
import { createKringServer, type KringServer } from '../../server/app'
import { TEST_SECRET } from '../helpers/test-server'

/**
 * What the server hands to Next for every request: the client's address in a header it sets
 * itself (whatever the client sent in it), and HSTS when Kring is reached over HTTPS. Next is
 * stood in for by a handler that echoes the header it was given.
 */
describe('the headers the server adds before Next sees a request', () => {
  let server: KringServer | undefined
  let db: Db | undefined
  let dir: string | undefined

  afterEach(async () => {
    await server?.close()
    await db?.destroy()
    if (dir) rmSync(dir, { recursive: true, force: true })
    server = db = dir = undefined
  })

  async function start(env: Record<string, string>): Promise<string> {
    dir = mkdtempSync(join(tmpdir(), 'kring-headers-'))
    const config = parseConfig({ NODE_ENV: 'test', AUTH_SECRET: TEST_SECRET, DATA_DIR: dir, LOG_LEVEL: 'silent', ...env })
    db = await openDatabase(config.database)
    server = createKringServer(
      { config, db, logger: createLogger('silent') },
      { handle: (req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(String(req.headers[CLIENT_ADDRESS_HEADER])) },
    )
    const port = await server.listen(0, '127.0.0.1')
    return `http://127.0.0.1:${port}`
  }

  it('overwrites a client address the client made up', async () => {
    const url = await start({})
    const response = await fetch(`${url}/login`, { headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.1', 'x-forwarded-for': '203.0.113.2' } })
    expect(await response.text()).toBe('127.0.0.1')
  })

  it('takes the address from X-Forwarded-For when TRUST_PROXY trusts the proxy', async () => {
    const url = await start({ TRUST_PROXY: '127.0.0.1' })
    const response = await fetch(`${url}/login`, { headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.1', 'x-forwarded-for': '1.2.3.4, 203.0.113.2' } })
    expect(await response.text()).toBe('203.0.113.2')
  })

  it('sends Strict-Transport-Security only when PUBLIC_URL is https', async () => {
    const plain = await start({ PUBLIC_URL: 'http://localhost:3000' })
    expect((await fetch(`${plain}/login`)).headers.get('strict-transport-security')).toBeNull()
    await server?.close()
    await db?.destroy()
    rmSync(dir!, { recursive: true, force: true })

    const secure = await start({ PUBLIC_URL: 'https://kring.example.org' })
    for (const path of ['/login', '/healthz', '/api/conferences']) {
      expect((await fetch(`${secure}${path}`)).headers.get('strict-transport-security')).toMatch(/^max-age=31536000/)
    }
  })
})
