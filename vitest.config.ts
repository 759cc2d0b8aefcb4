import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('.', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    environment: 'node',
    // Tests poll for what they wait on; the limit only ends a hung one. On a busy CI machine a test
    // that spawns a server process (kill -9) or hashes passwords can take well past 30 s.
    testTimeout: process.env.CI ? 120_000 : 30_000,
    hookTimeout: process.env.CI ? 120_000 : 30_000,
    // Integration tests start real servers; keep the 2-core CI machine from oversubscribing.
    maxWorkers: 2,
  },
})
