import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { resolve } from 'node:path'

/** One light entry's files, as /light/… URLs (scripts/build-light.mjs, served by app/light/[file]/route.ts). */
export interface LightEntry {
  js?: string
  css?: string
  /** Scripts the entry needs before it is usable, to fetch beside it (`<link rel="modulepreload">`). */
  preload?: string[]
}

export interface LightManifest {
  phone: LightEntry
  site: LightEntry
}

let cached: LightManifest | null = null

/** The build folder next.config.js uses (KRING_NEXT_DIST_DIR), where scripts/build-light.mjs writes. */
function buildFolder(): string {
  return resolve(process.cwd(), process.env.KRING_NEXT_DIST_DIR || '.next')
}

/** The light build's files: content-hashed names only, nothing else is ever read from there. */
export const LIGHT_FILE_NAME = /^[A-Za-z0-9_-]{1,80}\.(js|css)$/

export function lightFilePath(name: string): string | null {
  return LIGHT_FILE_NAME.test(name) ? resolve(buildFolder(), 'light', name) : null
}

/**
 * Which files this build's light documents load: scripts/build-light.mjs writes their
 * content-hashed names into the build folder (the one next.config.js uses) after `next build`.
 * Read once per process in production; a build without it is a broken build, and says so.
 */
export function lightManifest(): LightManifest {
  // `npm run dev` rebuilds the light files on every change (scripts/build-light.mjs --watch): there
  // the manifest is read again each time, so a reload gets the new files.
  if (cached && process.env.NODE_ENV === 'production') return cached
  const file = resolve(buildFolder(), 'light-manifest.json')
  let parsed: Partial<LightManifest>
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LightManifest>
  } catch {
    throw new Error(`${file} is missing: run \`npm run build\` (it builds the light documents after next build)`)
  }
  if (!parsed.phone?.js || !parsed.phone.css || !parsed.site?.css) throw new Error(`${file} is incomplete: run \`npm run build\` again`)
  cached = { phone: parsed.phone, site: parsed.site }
  return cached
}

const inlined = new Map<string, string>()

/**
 * A light stylesheet's text, to put into a page instead of linking it: the join page is opened
 * once, and a separate request costs her a round trip (400 ms and more) before she can tap.
 */
export function lightStylesheetText(url: string): string {
  const known = inlined.get(url)
  if (known !== undefined) return known
  const path = lightFilePath(basename(url))
  if (!path) throw new Error(`not a light stylesheet: ${url}`)
  const text = readFileSync(path, 'utf8')
  inlined.set(url, text)
  return text
}
