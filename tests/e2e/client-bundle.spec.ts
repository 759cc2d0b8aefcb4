import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * No client bundle carries a Node polyfill. Before the layout split, lib/protocol/api.ts pulled
 * node:crypto (through the invitation-token module) into the board, plan, home and conference
 * pages: about 339 KB of crypto-browserify. Lint forbids the import; this reads what the build
 * actually produced (the e2e server has just built it), so a new path in can't slip by.
 */
const distDir = process.env.KRING_NEXT_DIST_DIR || '.next'
/** Strings only the Node crypto polyfill (crypto-browserify and its elliptic/hash helpers) contains. */
const POLYFILL_MARKERS = ['secp256k1', 'ripemd160', 'DiffieHellmanGroup']

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : []
  })
}

test('the browser chunks carry no Node crypto polyfill', () => {
  const files = jsFiles(join(process.cwd(), distDir, 'static', 'chunks'))
  expect(files.length).toBeGreaterThan(0)
  const offenders = files.flatMap((file) => {
    const text = readFileSync(file, 'latin1')
    return POLYFILL_MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`)
  })
  expect(offenders).toEqual([])
})
