import { parseConfig, type KringConfig } from '../../lib/server/config/env'

/**
 * The CLI reads the server's configuration (same DATA_DIR, DATABASE_URL, PUBLIC_URL, PORT), so
 * it finds the same database and prints links that work. It needs no AUTH_SECRET: it signs no
 * sessions and no tickets, and a person invited here joins with the raw invitation token. So
 * when AUTH_SECRET is absent we fill in a placeholder that never leaves this process; every
 * other variable is validated exactly as the server does. A set but invalid AUTH_SECRET still
 * fails, since the server would refuse it too.
 */
const PLACEHOLDER_SECRET = 'kring-cli-signs-nothing-placeholder-secret'

export function loadCliConfig(env: Record<string, string | undefined>): KringConfig {
  return parseConfig({ ...env, AUTH_SECRET: env.AUTH_SECRET || PLACEHOLDER_SECRET })
}
