import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TLDRAW_ASSETS_PATH, tldrawAssetUrls } from '../../client/board/canvas/tldraw-asset-urls'

/** The board must not depend on tldraw's CDN: every asset it asks for is served from public/. */
describe('self-hosted tldraw assets', () => {
  const all = Object.values(tldrawAssetUrls).flatMap((group) => Object.values(group as Record<string, string>))
  // An empty address is one tldraw never fetches (the embed icons, see tldraw-asset-urls.ts).
  const urls = all.filter((url) => url !== '')

  it('points every font, icon and translation at Kring itself', () => {
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

  it('asks for no embed icon: a Kring board has no embeds, and tldraw would fetch all of them on mount', () => {
    const embedIcons = Object.entries(tldrawAssetUrls.embedIcons)
    expect(embedIcons.length).toBeGreaterThan(10)
    for (const [type, url] of embedIcons) expect(url, type).toBe('')
    expect(all.filter((url) => url === '')).toHaveLength(embedIcons.length)
  })

  it("gives tldraw's sans fonts the very files Kring's headings use (app/fonts.css), so they load once", () => {
    const css = readFileSync(join(process.cwd(), 'app/fonts.css'), 'utf8')
    expect(css).toContain(`url('${tldrawAssetUrls.fonts.tldraw_sans}')`)
    expect(css).toContain(`url('${tldrawAssetUrls.fonts.tldraw_sans_bold}')`)
  })
})
