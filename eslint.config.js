import tseslint from 'typescript-eslint'

/**
 * Lint keeps the architecture honest (ARCHITECTURE.md draws the same arrows):
 *   app/         routes only; may import client/, lib/ and lib/server/, never server/
 *   client/      the browser UI; imports browser-safe lib/ only
 *   lib/         browser-safe and framework-free: no lib/server/, no Node built-ins, no React or Next
 *   lib/server/  server-only library code (db, auth, export, use cases); lib/server/web/ is the Next glue
 *   server/      the Node process; never imports app/ or client/
 * A client bundle that pulled the database layer or a Node polyfill would fail here first,
 * and tests/e2e/client-bundle.spec.ts checks the built chunks as well.
 */
const noServerProcess = { group: ['**/server/**', '@/server/**', '!**/lib/server/**', '!@/lib/server/**'], message: 'Only the Node process (server/) may import server/.' }
const noApp = { group: ['**/app/**', '@/app/**'], message: 'app/ holds routes only; nothing imports it.' }
const noClient = { group: ['**/client/**', '@/client/**'], message: 'Only routes (app/) and the Next glue (lib/server/web/) render the client UI.' }
const noServerLib = { group: ['**/lib/server/**', '@/lib/server/**', '../server/**', '../../server/**', './server/**'], message: 'Browser code must not import server-only code (lib/server/).' }
const noNodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'crypto', 'os', 'events', 'stream', 'http', 'https', 'net', 'tls', 'zlib', 'child_process', 'worker_threads', 'url', 'buffer', 'util'],
  message: 'Browser-safe code must not import Node built-ins (they pull polyfills into the client bundle).',
}
const noServerPackages = {
  group: ['better-sqlite3', 'pg', 'ioredis', '@socket.io/redis-adapter', 'kysely', 'kysely/*', 'pino', 'pdfmake', 'pdfmake/*', '@resvg/*', 'rate-limiter-flexible', 'ws', 'socket.io', 'next/headers', 'server-only'],
  message: 'Server-only package: use it from lib/server/ or server/.',
}
/** next-auth's server side; its React client (`next-auth/react`) is browser code. */
const noNextAuthServer = { regex: '^next-auth(?!/react$)', message: 'Server-only package: use it from lib/server/web/.' }
const noAllCatalogs = { group: ['**/i18n/catalogs', '@/lib/i18n/catalogs'], message: 'Every language at once is for the server: client code gets its reader\'s catalogue from I18nProvider.' }
const noFramework = { group: ['next', 'next/*', 'react', 'react-dom', 'react/*'], message: 'lib/ is framework-free.' }

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', '.next-*/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerProcess, noApp, noClient, noServerLib, noNodeBuiltins, noServerPackages, noNextAuthServer, noFramework] }] },
  },
  {
    files: ['lib/server/**/*.{ts,tsx}'],
    ignores: ['lib/server/web/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerProcess, noApp, noClient, noFramework] }] },
  },
  {
    files: ['lib/server/web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerProcess, noApp] }] },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerProcess, noApp, noServerLib, noNodeBuiltins, noServerPackages, noNextAuthServer, noAllCatalogs] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerProcess] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApp, noClient] }] },
  },
  {
    files: ['server/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
)
