import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET } from '../../app/light/[file]/route'

/** GET /light/<file>: the light build's own files, and nothing else from the disk. */
let folder: string
const saved = process.env.KRING_NEXT_DIST_DIR

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'kring-light-'))
  mkdirSync(join(folder, 'light'))
  writeFileSync(join(folder, 'light', 'phone-ABC123.js'), 'console.log(1)')
  writeFileSync(join(folder, 'light', 'phone-ABC123.css'), 'body{}')
  writeFileSync(join(folder, 'light-manifest.json'), '{}')
  process.env.KRING_NEXT_DIST_DIR = folder
})

afterAll(() => {
  if (saved === undefined) delete process.env.KRING_NEXT_DIST_DIR
  else process.env.KRING_NEXT_DIST_DIR = saved
  rmSync(folder, { recursive: true, force: true })
})

const get = (file: string) => GET(new Request(`https://kring.example.org/light/${encodeURIComponent(file)}`), { params: Promise.resolve({ file }) })

describe('the light build files', () => {
  it('serves a script and a stylesheet with their type, cached for a year and immutable', async () => {
    const script = await get('phone-ABC123.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toContain('text/javascript')
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await script.text()).toBe('console.log(1)')
    expect((await get('phone-ABC123.css')).headers.get('content-type')).toContain('text/css')
  })

  it('answers 404 for a file that is not there, and reads nothing outside its folder', async () => {
    expect((await get('phone-NOPE.js')).status).toBe(404)
    for (const name of ['../light-manifest.json', '..%2Flight-manifest.json', 'light-manifest.json', '.env', 'phone-ABC123.js.map']) expect((await get(name)).status, name).toBe(404)
  })
})
