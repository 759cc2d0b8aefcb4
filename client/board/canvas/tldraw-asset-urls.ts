import { getAssetUrls } from '@tldraw/assets/selfHosted'

/**
 * tldraw's fonts, icons and UI translations, served by Kring itself from public/tldraw-assets
 * (copied from @tldraw/assets by scripts/copy-tldraw-assets.mjs). tldraw's default is its CDN,
 * which offline phones and locked-down networks cannot reach, and which would learn who opens
 * which board.
 */
export const TLDRAW_ASSETS_PATH = '/tldraw-assets'

export const tldrawAssetUrls = getAssetUrls({ baseUrl: TLDRAW_ASSETS_PATH })
