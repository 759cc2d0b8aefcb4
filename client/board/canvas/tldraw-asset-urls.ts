import { getAssetUrls } from '@tldraw/assets/selfHosted'

/**
 * tldraw's fonts, icons and UI translations, served by Kring itself from public/tldraw-assets
 * (copied from @tldraw/assets by scripts/copy-tldraw-assets.mjs). tldraw's default is its CDN,
 * which offline phones and locked-down networks cannot reach, and which would learn who opens
 * which board.
 *
 * No embed icons: a Kring board has no embeds (toolset.ts), yet tldraw fetches every embed's icon
 * when it mounts (19 images, on a phone's data plan). An empty address is one it skips; tldraw
 * fills in its CDN for a key that is missing, so every key is there, empty.
 *
 * The fonts: tldraw_sans (IBM Plex Sans Medium and Bold) are the very files Kring's own headings
 * use (app/fonts.css), at the same address, so a board that draws them loads them once.
 */
export const TLDRAW_ASSETS_PATH = '/tldraw-assets'

const selfHosted = getAssetUrls({ baseUrl: TLDRAW_ASSETS_PATH })

export const tldrawAssetUrls = {
  ...selfHosted,
  embedIcons: Object.fromEntries(Object.keys(selfHosted.embedIcons).map((type) => [type, ''])),
}
