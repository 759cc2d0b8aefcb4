#!/usr/bin/env node
// Copies tldraw's static assets (fonts, icon sprite, UI translations, embed icons) from the
// installed @tldraw/assets into public/tldraw-assets, so the board loads them from Kring itself:
// tldraw's default CDN is unreachable for many users (and for offline phones) and would tell a
// third party who opens which board. The board points tldraw at them with
// `getAssetUrls({ baseUrl: '/tldraw-assets' })` (client/board/canvas/tldraw-asset-urls.ts).
//
// Run after upgrading tldraw: `node scripts/copy-tldraw-assets.mjs`. It does nothing when the
// copy already matches the installed version (public/tldraw-assets/VERSION); `--force` recopies.
// tests/unit/tldraw-assets.test.ts fails when the copy is missing a file or is out of date.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const source = join(root, 'node_modules', '@tldraw', 'assets')
const target = join(root, 'public', 'tldraw-assets')
const folders = ['fonts', 'icons', 'translations', 'embed-icons']

const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'))
const versionFile = join(target, 'VERSION')
const copied = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : null

if (copied === version && !process.argv.includes('--force')) {
  console.log(`tldraw assets ${version} already in public/tldraw-assets`)
} else {
  mkdirSync(target, { recursive: true })
  for (const folder of folders) {
    rmSync(join(target, folder), { recursive: true, force: true })
    cpSync(join(source, folder), join(target, folder), { recursive: true })
  }
  writeFileSync(versionFile, `${version}\n`)
  console.log(`copied tldraw assets ${version} to public/tldraw-assets`)
}
