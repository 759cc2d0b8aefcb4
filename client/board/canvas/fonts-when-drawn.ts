import { allDefaultFontFaces, type Editor, type TLFontFace } from 'tldraw'

/**
 * tldraw fetches all 16 of its font files when the editor mounts, "so switching fonts is quick"
 * (1.3 MB, on a phone's data plan): its default faces, and the same faces again as the default
 * theme lists them. Kring's items are drawn in Kring's own fonts; tldraw's are used only by a
 * tldraw text, note or arrow label, and tldraw asks for those as it draws each shape. So, right
 * after mount (tldraw queues its preload for the next microtask): take tldraw's own font files
 * out of the queue, except those the shapes on this page use. Faces are told apart by their file
 * (`src.url`, the asset key), since the theme's are copies of the defaults.
 *
 * The queue is tldraw's FontManager's own `fontsToLoad` set (not public). Should a tldraw update
 * rename it, nothing breaks: tldraw just preloads every font again.
 */
const TLDRAW_FONT_FILES = new Set(allDefaultFontFaces.map((face) => face.src.url))

export function loadTldrawFontsWhenDrawn(editor: Pick<Editor, 'fonts' | 'getCurrentPageShapeIds'>): void {
  const queued = (editor.fonts as unknown as { fontsToLoad?: unknown }).fontsToLoad
  if (!(queued instanceof Set)) return
  const used = new Set<string>()
  for (const id of editor.getCurrentPageShapeIds()) for (const face of editor.fonts.getShapeFontFaces(id)) used.add(face.src.url)
  for (const face of [...(queued as Set<TLFontFace>)]) {
    if (TLDRAW_FONT_FILES.has(face.src.url) && !used.has(face.src.url)) queued.delete(face)
  }
}
