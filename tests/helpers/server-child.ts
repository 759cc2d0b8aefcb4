/**
 * A Kring server (without Next) in its own process, for tests that kill -9 it and for the
 * benchmark. Reads DATA_DIR etc. from the environment and prints `PORT <n>` when listening.
 */
import { parseConfig } from '../../lib/server/config/env'
import { openDatabase } from '../../lib/server/db/connect'
import { startSqliteWorkers } from '../../lib/server/db/sqlite-workers'
import { createLogger } from '../../lib/server/log/logger'
import { createKringServer } from '../../server/app'
import { startScaleOut } from '../../server/scale-out/scale-out'

const config = parseConfig({ LOG_LEVEL: 'silent', ...process.env, NODE_ENV: 'test' })
const db = await openDatabase(config.database)
const logger = createLogger(config.logLevel)
// As server/index.ts: appends and checkpoints off the event loop (kill -9 tests run with them).
const sqliteWorkers = startSqliteWorkers(db, logger)
const scaleOut = await startScaleOut(config, db, logger)
const server = createKringServer({ config, db, logger, scaleOut })
const port = await server.listen(config.port, '127.0.0.1')
process.stdout.write(`PORT ${port}\n`)
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => scaleOut?.close())
    .then(() => sqliteWorkers?.stop())
    .then(() => process.exit(0))
})
