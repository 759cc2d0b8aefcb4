import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..')
// Inside the checkout, as every build folder is: the bundle finds node_modules from there.
const DIST = `.next-test-server-bundle-${process.pid}`
const OUT = join(ROOT, DIST, 'kring-server')

/** The modules a bundle file imports statically (`import … from "x"`, not `import("x")`). */
function staticImports(file: string): string[] {
  const text = readFileSync(join(OUT, file), 'utf8')
  return [...text.matchAll(/(?:^|\n)(?:import|export)\s+(?:[^"';]*?\s+from\s+)?"([^"]+)"/g)].map((m) => m[1]!)
}

/** Every package the server loads before it runs a line of its own (the static import closure). */
function packagesLoadedByStart(): Set<string> {
  const packages = new Set<string>()
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const target of staticImports(file)) {
      if (target.startsWith('./')) visit(target.slice(2))
      else if (!target.startsWith('node:')) packages.add(target.split('/').slice(0, target.startsWith('@') ? 2 : 1).join('/'))
    }
  }
  visit('server.mjs')
  return packages
}

/**
 * The production server is the esbuild bundle scripts/build-server.mjs makes (scripts/start.mjs
 * runs it). The e2e suite serves through it; this checks in a few seconds that it loads at all
 * and that bundling kept the clients a single SQLite instance never uses out of its start.
 */
describe('the compiled server', () => {
  beforeAll(() => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, env: { ...process.env, KRING_NEXT_DIST_DIR: DIST }, encoding: 'utf8' })
    expect(built.status, built.stderr).toBe(0)
  }, 60_000)
  afterAll(() => rmSync(join(ROOT, DIST), { recursive: true, force: true }))

  it('loads every module it imports and runs: a bad setting ends it with the configuration error', async () => {
    const child = spawn(process.execPath, [join(OUT, 'index.mjs')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', KRING_NEXT_DIST_DIR: DIST, AUTH_SECRET: 'too-short' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((done) => child.once('exit', done))
    expect(stderr).toContain('AUTH_SECRET')
    expect(code).toBe(78)
  }, 60_000)

  it('keeps PostgreSQL, Redis and SMTP clients out of the start, loaded only when configured', () => {
    const loaded = packagesLoadedByStart()
    // What it does load is seen, so the list is real.
    for (const used of ['next', 'better-sqlite3', 'socket.io', 'yjs']) expect(loaded, used).toContain(used)
    for (const unused of ['pg', 'ioredis', '@socket.io/redis-adapter', 'nodemailer']) expect(loaded, unused).not.toContain(unused)
    const everything = readdirSync(OUT)
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => readFileSync(join(OUT, file), 'utf8'))
      .join('\n')
    for (const lazy of ['pg', 'nodemailer', '@socket.io/redis-adapter']) expect(everything, lazy).toContain(`import("${lazy}")`)
  })
})
