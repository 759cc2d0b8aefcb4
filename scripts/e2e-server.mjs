#!/usr/bin/env node
// Starts Kring for the Playwright tests: a clean data dir under ./data/e2e, a fixed test secret,
// then the normal `npm start` path (which builds the app when sources changed).
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const port = process.env.KRING_E2E_PORT ?? process.env.PORT ?? '3217'
const dataDir = join(root, 'data', 'e2e')
rmSync(dataDir, { recursive: true, force: true })

const child = spawn(process.execPath, ['scripts/start.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    AUTH_SECRET: 'e2e-secret-not-for-production-0123456789abcdef',
    LOG_LEVEL: 'warn',
    REVOCATION_POLL_MS: '500',
  },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 1))
