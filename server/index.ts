import { flushCompileCache } from 'node:module'
import next from 'next'
import { ConfigError, getConfig } from '../lib/server/config/env'
import { getSharedDatabase } from '../lib/server/db/connect'
import { startSqliteWorkers } from '../lib/server/db/sqlite-workers'
import { createLogger } from '../lib/server/log/logger'
import { createKringServer } from './app'
import { startScaleOut } from './scale-out/scale-out'

/**
 * Start Kring: validate the environment, open and migrate the database, prepare Next and
 * serve everything on one port. `npm start` (production build) and `npm run dev` both land here.
 */
async function main() {
  let config
  try {
    config = getConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(78) // EX_CONFIG
    }
    throw err
  }
  const logger = createLogger(config.logLevel)
  // next-auth reads these; derive them from our validated config so there is one source.
  process.env.NEXTAUTH_URL = config.publicUrl
  process.env.NEXTAUTH_SECRET = config.authSecret

  const db = await getSharedDatabase(config.database)
  // SQLite: appends and WAL checkpoints run off the event loop the edits are relayed on.
  const sqliteWorkers = startSqliteWorkers(db, logger)
  const scaleOut = await startScaleOut(config, db, logger)
  const dev = config.nodeEnv !== 'production'
  const nextApp = next({ dev, hostname: 'localhost', port: config.port })
  await nextApp.prepare()
  const kring = createKringServer(
    { config, db, logger, scaleOut },
    { handle: nextApp.getRequestHandler(), upgrade: nextApp.getUpgradeHandler() },
  )
  const port = await kring.listen(config.port, config.host)
  logger.info({ port, publicUrl: config.publicUrl, dev }, 'Kring is listening')
  // The compiled server keeps V8's compile cache (scripts/build-server.mjs). Node writes it at
  // exit; write what the start compiled now, so the next start finds it even when this process is
  // killed rather than stopped. A no-op without the cache (`npm run dev`, tests).
  flushCompileCache()

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    kring
      .close()
      .then(() => scaleOut?.close())
      .then(() => sqliteWorkers?.stop())
      .then(() => db.destroy())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
  console.error('Kring failed to start:', err)
  process.exit(1)
})
