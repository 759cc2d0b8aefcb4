import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TLDRAW_ASSETS_PATH, tldrawAssetUrls } from '../../client/board/canvas/tldraw-asset-urls'

/** The board must not depend on tldraw's CDN: every asset it asks for is served from public/. */
describe('self-hosted tldraw assets', () => {
  const urls = Object.values(tldrawAssetUrls).flatMap((group) => Object.values(group as Record<string, string>))

  it('points every font, icon, translation and embed icon at Kring itself', () => {
    expect(urls.length).toBeGreaterThan(50)
    for (const url of urls) expect(url.startsWith(`${TLDRAW_ASSETS_PATH}/`), url).toBe(true)
  })

  it('has every one of those files in public/, copied from the installed @tldraw/assets', () => {
    const publicDir = join(process.cwd(), 'public')
    for (const url of new Set(urls.map((u) => u.split('#')[0]!))) {
      expect(existsSync(join(publicDir, url)), `${url} is missing: run node scripts/copy-tldraw-assets.mjs`).toBe(true)
    }
    const installed = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@tldraw/assets/package.json'), 'utf8')) as { version: string }
    expect(readFileSync(join(publicDir, TLDRAW_ASSETS_PATH, 'VERSION'), 'utf8').trim()).toBe(installed.version)
  })
})
