/**
 * Starts the Kring server (without Next) as server/index.ts does, from the environment, and prints
 * one JSON line: the packages under node_modules that were loaded by then (CommonJS packages are in
 * require's cache, also when imported from ES modules). For tests of what a fresh server loads.
 */
import { createRequire } from 'node:module'
import { parseConfig } from '../../lib/server/config/env'
import { getSharedDatabase } from '../../lib/server/db/connect'
import { createLogger } from '../../lib/server/log/logger'
import { createKringServer } from '../../server/app'
import { startScaleOut } from '../../server/scale-out/scale-out'

const config = parseConfig({ LOG_LEVEL: 'silent', ...process.env, NODE_ENV: 'test' })
const db = await getSharedDatabase(config.database)
const logger = createLogger(config.logLevel)
const scaleOut = await startScaleOut(config, db, logger)
const server = createKringServer({ config, db, logger, scaleOut })
await server.listen(0, '127.0.0.1')
const packages = new Set<string>()
for (const file of Object.keys(createRequire(import.meta.url).cache)) {
  const at = file.lastIndexOf('/node_modules/')
  if (at < 0) continue
  const [scope, name] = file.slice(at + '/node_modules/'.length).split('/')
  packages.add(scope!.startsWith('@') ? `${scope}/${name}` : scope!)
}
process.stdout.write(`${JSON.stringify([...packages].sort())}\n`)
await server.close()
await scaleOut?.close()
await db.destroy()
process.exit(0)
