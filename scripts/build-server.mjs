// The production server compiled ahead of time: server/index.ts and what it imports from server/
// and lib/, bundled by esbuild into the build folder's kring-server/ (not server/: that is Next's),
// whose index.mjs scripts/start.mjs runs with plain `node`. Before, every start compiled the
// TypeScript again (tsx): most of the cold start, and a compiler process beside the server.
//
// `npm run build` and scripts/start.mjs run this beside `next build` (`npm run dev` and the CLI
// stay on tsx). Packages from node_modules are not bundled: they load from node_modules as
// before, so the lazy `import('pg')`, `import('ioredis')` (through server/scale-out's own lazy
// chunk) and `import('nodemailer')` still load only when configured, and Next's route handlers
// share the same yjs, kysely and better-sqlite3 instances. Kring's own lazily imported modules
// become chunks of their own (splitting), loaded when first imported, as before.
// Paths the server reads at run time (fonts, the light manifest, Next's build folder) are relative
// to the working directory, which scripts/start.mjs sets to the checkout, not to the bundle. The
// bundle finds node_modules from where it lies: the build folder stays inside the checkout.
import { rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
const distDir = resolve(root, process.env.KRING_NEXT_DIST_DIR || '.next')
const outdir = join(distDir, 'kring-server')
rmSync(outdir, { recursive: true, force: true })

await build({
  absWorkingDir: root,
  entryPoints: { server: 'server/index.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // package.json's engines: Node 22.12 or newer.
  target: 'node22.12',
  packages: 'external',
  // Stack traces point at the TypeScript sources (the entry below turns source maps on).
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
})

// The entry start.mjs runs, before the server's modules load:
// - source maps on (Node 22.14 and newer; Node reads a module's map only when it loads it), for
//   Kring's code only: `--enable-source-maps` also read Next's and the packages' maps, 30 MB more;
// - V8's compile cache for every module the server loads (Next's above all), kept beside the
//   bundle: from the second start on, modules load without being compiled again (about a third of
//   the cold start). Refreshed per file when a file changes; emptied with the bundle when rebuilt.
//   Without a writable folder Node just compiles as before.
writeFileSync(
  join(outdir, 'index.mjs'),
  `import module from 'node:module'
module.setSourceMapsSupport?.(true, { nodeModules: false })
module.enableCompileCache?.(\`\${import.meta.dirname}/compile-cache\`)
await import('./server.mjs')
`,
)
console.log(`server: ${join(outdir, 'index.mjs')}`)
