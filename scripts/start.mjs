#!/usr/bin/env node
// `npm start`: the one command that takes a fresh clone to a running Kring on the embedded
// default (SQLite under ./data). It checks Node, installs dependencies when they are missing or
// stale, creates a local secret on first run, builds the app and compiles the server when sources
// changed, and starts the server. `npm run dev` does the same without the production build.
// Only Node built-ins here: this runs before dependencies are installed.
import { spawnSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dev = process.argv.includes('--dev')

function fail(message) {
  console.error(`\nKring kan niet starten / Kring cannot start:\n  ${message}\n`)
  process.exit(1)
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } })
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`)
}

// 1. Node ≥ 22.12 (tldraw 5, vitest 5 and better-sqlite3 need it).
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  fail(`Node ${process.versions.node} is too old; Kring needs Node 22.12 or newer (see README, "Requirements").`)
}

// 2. Dependencies: install when node_modules is missing or older than the lock file.
const lockFile = join(root, 'package-lock.json')
const installedMarker = join(root, 'node_modules', '.package-lock.json')
if (!existsSync(installedMarker) || statSync(installedMarker).mtimeMs < statSync(lockFile).mtimeMs) {
  console.log('Kring: installing dependencies (npm install)…')
  run('npm', ['install', '--no-audit', '--no-fund'])
}

// 3. A secret for sessions and tickets. In a real deployment it comes from the environment;
// for the local default we create one once and keep it in ./data (never committed).
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
if (!env.AUTH_SECRET) {
  const publicUrl = env.PUBLIC_URL ?? ''
  const isLocal = publicUrl === '' || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(publicUrl)
  if (!isLocal) fail('AUTH_SECRET is not set. Set it in the environment (at least 32 random characters).')
  const dataDir = join(root, env.DATA_DIR ?? 'data')
  const secretFile = join(dataDir, '.auth-secret')
  if (!existsSync(secretFile)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 })
    console.log(`Kring: created a local secret in ${secretFile} (local use only).`)
  }
  env.AUTH_SECRET = readFileSync(secretFile, 'utf8').trim()
}

// 4. Production build when any source is newer than the last build.
const newestSeen = new Map()
function newestMtime(path) {
  if (newestSeen.has(path)) return newestSeen.get(path)
  const stat = statSync(path)
  let newest = stat.mtimeMs
  if (stat.isDirectory()) for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  newestSeen.set(path, newest)
  return newest
}
/** Whether `output` is missing or older than any of `sources` (paths relative to the checkout). */
function stale(output, sources) {
  const paths = sources.map((p) => join(root, p)).filter((p) => existsSync(p))
  return !existsSync(output) || statSync(output).mtimeMs < Math.max(...paths.map(newestMtime))
}
// The build folder next.config.js uses (KRING_NEXT_DIST_DIR lets several servers share a checkout).
const distDir = join(root, env.KRING_NEXT_DIST_DIR || '.next')
// The compiled server (scripts/build-server.mjs), which production runs.
const serverBundle = join(distDir, 'kring-server', 'index.mjs')
if (!dev) {
  const nextSources = ['app', 'client', 'lib', 'public', 'proxy.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json', 'scripts/build-light.mjs']
  if (stale(join(distDir, 'BUILD_ID'), nextSources)) {
    console.log('Kring: building the app (next build)…')
    run('npx', ['next', 'build'], { NEXT_TELEMETRY_DISABLED: '1' })
    // The light documents' own files (the phone view's client), as `npm run build` does.
    run(process.execPath, ['scripts/build-light.mjs'])
  }
  // Next's pages never import server/, so a change there only recompiles the server (a second or two).
  // `next build` empties the build folder, so this comes after it.
  if (stale(serverBundle, ['server', 'lib', 'package-lock.json', 'tsconfig.json', 'scripts/build-server.mjs'])) {
    console.log('Kring: compiling the server…')
    run(process.execPath, ['scripts/build-server.mjs'])
  }
} else {
  // The development server serves the light documents too: their files are built once here, then
  // rebuilt on every change to client/light, client/phone or what they import (esbuild's watch).
  run(process.execPath, ['scripts/build-light.mjs'])
  const lightWatch = spawn(process.execPath, ['scripts/build-light.mjs', '--watch'], { cwd: root, stdio: 'inherit', env })
  process.on('exit', () => lightWatch.kill())
}

// 5. Start the one server process (Next + sync + socket.io on one port).
env.NODE_ENV = dev ? 'development' : 'production'
// Production runs the compiled server with plain Node (its entry maps stack traces back to the
// TypeScript); development compiles server/index.ts as it loads (tsx), so a change needs no build.
const serverArgs = dev ? ['--import', 'tsx', 'server/index.ts'] : [serverBundle]
// Where Node can, this process becomes the server (same pid, signals and exit code go straight to
// it) instead of waiting beside it: an idle Node process is 50–60 MB of memory for nothing.
if (typeof process.execve === 'function' && process.platform !== 'win32') {
  process.chdir(root)
  process.execve(process.execPath, [process.execPath, ...serverArgs], env)
}
const child = spawn(process.execPath, serverArgs, { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
