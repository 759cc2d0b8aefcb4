// The light documents' own files (issue 10): the phone view's client, built with esbuild on Preact
// (preact/compat stands in for React, so client/phone's components are the same ones), and the
// stylesheet the join page and the phone view share. Outside Next's client runtime: on a cheap
// phone over a slow line, React-DOM and Next's router cost more than the whole view.
//
// `npm run build` and scripts/start.mjs run this after `next build`; `npm run dev` runs it once
// before starting Next's development server and then with --watch beside it, which rebuilds on
// every change to what the entries import (and rewrites the manifest). The files land in the build folder's light/, served as
// /light/<name>-<hash>.* by app/light/[file]/route.ts (content-hashed, cached for a year,
// immutable; the offline shell, public/sw.js, keeps them), and light-manifest.json says which
// names this build made (lib/server/web/light/manifest.ts). Not under Next's static/: the
// development server keeps its own (build folder/dev) and clears it when it starts.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { build, context } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
const distDir = resolve(root, process.env.KRING_NEXT_DIST_DIR || '.next')
const outdir = join(distDir, 'light')
const watch = process.argv.includes('--watch')
// Watching starts after a one-off build (scripts/start.mjs) whose files the server may be
// serving already: it only adds files (new content, new names), so nothing is pulled from under it.
if (!watch) rmSync(outdir, { recursive: true, force: true })
mkdirSync(outdir, { recursive: true })

// phone: the phone view's client (its stylesheet comes with it); site: the join page's stylesheet.
const ENTRIES = { phone: 'client/light/phone-main.tsx', site: 'client/light/site.css' }
const entryNames = new Map(Object.entries(ENTRIES).map(([name, path]) => [path, name]))

const options = {
  absWorkingDir: root,
  entryPoints: ENTRIES,
  outdir,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: 'asset-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  // The browsers Next 16 builds for by default.
  target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
  minify: true,
  metafile: true,
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  alias: {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react/jsx-runtime': 'preact/jsx-runtime',
    'react-dom/client': 'preact/compat/client',
  },
  loader: { '.module.css': 'local-css', '.css': 'css' },
  // Fonts referenced by the stylesheets stay where Kring serves them (public/).
  external: ['/tldraw-assets/*'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
}

if (watch) {
  // After each rebuild that worked, the manifest names the new files; the development server
  // reads it on every request there (lib/server/web/light/manifest.ts), so a reload shows them.
  const rebuilt = {
    name: 'light-manifest',
    setup(builder) {
      builder.onEnd((result) => {
        if (result.errors.length > 0 || !result.metafile) return
        writeManifest(result.metafile.outputs)
        console.log('light: built')
      })
    },
  }
  const ctx = await context({ ...options, plugins: [rebuilt] })
  await ctx.watch()
  console.log('light: watching client/light, client/phone and what they import')
} else {
  const result = await build(options)
  writeManifest(result.metafile.outputs)
  for (const [file, output] of Object.entries(result.metafile.outputs)) console.log(`light: ${relative(distDir, join(root, file))} ${(output.bytes / 1024).toFixed(1)} KB`)
}

/** Which files each entry made, and what the phone view preloads: into light-manifest.json. */
function writeManifest(outputs) {
  const urlOf = (file) => `/light/${relative(outdir, join(root, file)).split('\\').join('/')}`

  // Which files each entry made: its script (if any) and its stylesheet.
  const manifest = {}
  for (const [file, output] of Object.entries(outputs)) {
    // Lazily imported modules are entry points of their own chunks too: only the named entries count.
    const name = entryNames.get(output.entryPoint ?? '')
    if (!name) continue
    manifest[name] = { ...manifest[name], [file.endsWith('.css') ? 'css' : 'js']: urlOf(file) }
    if (output.cssBundle) manifest[name].css = urlOf(output.cssBundle)
  }
  // What the phone view needs before it is usable, fetched at once beside its entry instead of one
  // import round trip after another (400 ms each on her line): the entry's static imports and the
  // sync libraries client/phone/phone-connection.ts imports on opening, with theirs. Not the meeting
  // plane (socket.io, zod) nor the plan: they load after the view is usable.
  const FIRST_PATH = /node_modules\/(yjs|y-websocket|y-protocols|y-indexeddb|lib0)\//
  const preload = new Set()
  const visit = (file) => {
    for (const next of outputs[file]?.imports ?? []) {
      if (next.external || preload.has(next.path)) continue
      const dynamicTarget = outputs[next.path]?.entryPoint ?? ''
      if (next.kind === 'dynamic-import' && !FIRST_PATH.test(dynamicTarget)) continue
      if (next.kind !== 'import-statement' && next.kind !== 'dynamic-import') continue
      preload.add(next.path)
      visit(next.path)
    }
  }
  const phoneFile = Object.keys(outputs).find((file) => outputs[file].entryPoint === ENTRIES.phone && file.endsWith('.js'))
  visit(phoneFile)
  manifest.phone.preload = [...preload].map(urlOf)

  // Written whole, then renamed: a development server reading it meanwhile never sees half of it.
  const file = join(distDir, 'light-manifest.json')
  writeFileSync(`${file}.tmp`, JSON.stringify(manifest, null, 2))
  renameSync(`${file}.tmp`, file)
}
