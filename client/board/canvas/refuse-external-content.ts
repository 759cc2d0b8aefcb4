import { defaultHandleExternalTldrawContent, type Editor, type TLContent } from 'tldraw'

/** Content tldraw would turn into images, files, bookmarks or embeds: none of it goes on the board. */
const REFUSED_CONTENT = ['files', 'url', 'embed', 'svg-text', 'excalidraw', 'file-replace'] as const

// Shape types that carry media or another site (asset-backed or fetched).
const MEDIA_SHAPES = new Set(['image', 'video', 'bookmark', 'embed'])

function carriesMedia(content: TLContent): boolean {
  return content.assets.length > 0 || content.shapes.some((shape) => MEDIA_SHAPES.has(shape.type))
}

/**
 * Images are not allowed on the board in this version (README, "Toolset"): a pasted or dropped
 * file, image, SVG, link or embed adds nothing, and `onRefused` tells the person why. Pasted text
 * and shapes copied on a Kring board still work; shapes copied from elsewhere only without media.
 * Registered after tldraw's defaults (onMount), so these handlers replace them.
 */
export function refuseExternalContent(editor: Editor, onRefused: () => void): void {
  for (const type of REFUSED_CONTENT) editor.registerExternalContentHandler(type, () => onRefused())
  editor.registerExternalContentHandler('tldraw', async ({ content, point }) => {
    if (carriesMedia(content)) return onRefused()
    await defaultHandleExternalTldrawContent(editor, { content, point })
  })
}
