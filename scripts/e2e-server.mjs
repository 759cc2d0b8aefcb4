#!/usr/bin/env node
// Starts Kring for the Playwright tests: a clean data dir (./data/e2e unless KRING_E2E_DATA_DIR says), a fixed test secret,
// then the normal `npm start` path (which builds the app when sources changed).
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const port = process.env.KRING_E2E_PORT ?? process.env.PORT ?? '3217'
// KRING_E2E_DATA_DIR (relative to the checkout) lets a second e2e server run beside the first (see tests/e2e/support/env.ts).
const dataDir = resolve(root, process.env.KRING_E2E_DATA_DIR || join('data', 'e2e'))
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
