import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) }
const shared = {
  environment: 'node',
  // Tests poll for what they wait on; the limit only ends a hung one. On a busy CI machine a test
  // that spawns a server process (kill -9) or hashes passwords can take well past 30 s.
  testTimeout: process.env.CI ? 120_000 : 30_000,
  hookTimeout: process.env.CI ? 120_000 : 30_000,
} as const

/**
 * The tests that store something run a second time on PostgreSQL (project `postgres`) when
 * KRING_TEST_DATABASE_URL names a server (`.ci/run` starts one); every database they open is a
 * fresh one there (tests/helpers/postgres-setup.ts).
 */
const ON_POSTGRES = [
  'tests/unit/agreement-exports.test.ts',
  'tests/unit/board-history-cli.test.ts',
  'tests/unit/conference-facts.test.ts',
  'tests/unit/export-redact-participants.test.ts',
  'tests/unit/history-routes.test.ts',
  'tests/unit/link-account.test.ts',
  'tests/unit/login-throttle.test.ts',
  'tests/unit/route-gate.test.ts',
  'tests/unit/templates-route.test.ts',
  'tests/unit/templates-start.test.ts',
  'tests/unit/web-cli-commands.test.ts',
  'tests/unit/web-conference-use-cases.test.ts',
  'tests/unit/web-sign-in.test.ts',
  'tests/unit/page-gate.test.tsx',
  'tests/unit/proposal-store.test.ts',
  'tests/unit/person-links-route.test.ts',
  'tests/unit/yjs-log.test.ts',
  'tests/integration/board-history.test.ts',
  'tests/integration/meeting-auth.test.ts',
  'tests/integration/meeting-control.test.ts',
  'tests/integration/meeting-roster.test.ts',
  'tests/integration/private-time-bytes.test.ts',
  'tests/integration/sync-auth.test.ts',
  'tests/integration/sync-convergence.test.ts',
  'tests/integration/sync-delete-rules.test.ts',
  'tests/integration/sync-board-load.test.ts',
  'tests/integration/sync-persistence.test.ts',
  'tests/integration/sync-policy.test.ts',
  'tests/integration/templates-board.test.ts',
]

const postgres = process.env.KRING_TEST_DATABASE_URL
if (!postgres) {
  console.warn('PostgreSQL repository tests skipped: set KRING_TEST_DATABASE_URL=postgres://user@host:port/db to run them there too (.ci/run does).')
}

export default defineConfig({
  resolve: { alias },
  test: {
    // Integration tests start real servers; keep the 2-core CI machine from oversubscribing.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'sqlite',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          ...shared,
        },
      },
      ...(postgres
        ? [
            {
              resolve: { alias },
              test: { name: 'postgres', include: ON_POSTGRES, setupFiles: ['tests/helpers/postgres-setup.ts'], ...shared },
            },
          ]
        : []),
    ],
  },
})
