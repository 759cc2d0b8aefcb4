import { createServer } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseConfig } from '../../lib/server/config/env'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { createLogger } from '../../lib/server/log/logger'
import { createSyncServer, type SyncServerOptions } from '../../server/sync/sync-server'
import type { SyncServer } from '../../server/types'
import { TEST_SECRET } from './test-server'

/**
 * Only the sync endpoint on a real HTTP server on port 0, built with options the composition
 * root does not expose (a write policy, a fast keep-alive), for the tests of those options.
 */
export async function startSyncOnlyServer(options: SyncServerOptions): Promise<{ db: Db; sync: SyncServer; syncUrl: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-sync-only-'))
  const config = parseConfig({ NODE_ENV: 'test', AUTH_SECRET: TEST_SECRET, DATA_DIR: dir, LOG_LEVEL: process.env.KRING_TEST_LOG_LEVEL ?? 'silent' })
  const db = await openDatabase(config.database)
  const sync = createSyncServer({ config, db, logger: createLogger(config.logLevel) }, options)
  const http = createServer((_req, res) => res.writeHead(404).end())
  http.on('upgrade', (req, socket, head) => {
    const match = /^\/sync\/([A-Za-z0-9_-]+)/.exec(req.url ?? '')
    if (match) sync.handleUpgrade(req, socket, head, match[1]!)
    else socket.destroy()
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    db,
    sync,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    async stop() {
      await sync.close()
      await new Promise<void>((resolve) => {
        http.close(() => resolve())
        http.closeAllConnections()
      })
      await db.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
