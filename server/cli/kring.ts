import { ConfigError } from '../../lib/server/config/env'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { ApiError } from '../../lib/protocol/api-error'
import { createLogger } from '../../lib/server/log/logger'
import { CliUsageError, HELP, parseCliArgs } from './args'
import { runCommand } from './commands'
import { loadCliConfig } from './config'

/**
 * `npm run kring -- <command>`: the admin CLI. Result as JSON on stdout; a failure as
 * `{"error":{"code","message"}}` on stderr with a non-zero exit code, so scripts can rely on both.
 */
const EXIT_FAILED = 1
const EXIT_USAGE = 64
const EXIT_CONFIG = 78

function fail(code: string, message: string, exitCode: number): void {
  console.error(JSON.stringify({ error: { code, message } }))
  process.exitCode = exitCode
}

async function main(): Promise<void> {
  let db: Db | undefined
  let live: { close(): Promise<void> } | undefined
  try {
    const cli = parseCliArgs(process.argv.slice(2), process.env)
    if (cli.command === 'help') {
      console.log(HELP)
      return
    }
    const config = loadCliConfig(process.env)
    db = await openDatabase(config.database)
    // Several instances: what this command changes (a revocation, a restore) reaches them at once.
    // (Loaded only then: a CLI call without Redis does not pay for the Redis client.)
    if (config.redisUrl) live = await (await import('../scale-out/scale-out')).publishLiveEventsOnly(config, createLogger('silent'))
    const result = await runCommand(db, config, cli)
    console.log(JSON.stringify(result, null, 2))
  } catch (err) {
    if (err instanceof CliUsageError) fail('usage', `${err.message} (see --help)`, EXIT_USAGE)
    else if (err instanceof ConfigError) fail('config', err.problems.join('; '), EXIT_CONFIG)
    else if (err instanceof ApiError) fail(err.code, err.message, EXIT_FAILED)
    else fail('internal', err instanceof Error ? err.message : String(err), EXIT_FAILED)
  } finally {
    await live?.close()
    await db?.destroy()
  }
}

void main()
