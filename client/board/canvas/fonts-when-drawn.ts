import { allDefaultFontFaces, type Editor, type TLFontFace } from 'tldraw'

/**
 * tldraw fetches all 16 of its font files when the editor mounts, "so switching fonts is quick"
 * (1.3 MB, on a phone's data plan). Kring's items are drawn in Kring's own fonts; tldraw's are
 * used only by a tldraw text, note or arrow label, and tldraw asks for those as it draws each
 * shape. So, right after mount (tldraw queues its preload for the next microtask): take its
 * default faces out of the queue, except those the shapes on this page use.
 *
 * The queue is tldraw's FontManager's own `fontsToLoad` set (not public). Should a tldraw update
 * rename it, nothing breaks: tldraw just preloads every font again.
 */
export function loadTldrawFontsWhenDrawn(editor: Pick<Editor, 'fonts' | 'getCurrentPageShapeIds'>): void {
  const queued = (editor.fonts as unknown as { fontsToLoad?: unknown }).fontsToLoad
  if (!(queued instanceof Set)) return
  const used = new Set<TLFontFace>()
  for (const id of editor.getCurrentPageShapeIds()) for (const face of editor.fonts.getShapeFontFaces(id)) used.add(face)
  for (const face of allDefaultFontFaces) if (!used.has(face)) queued.delete(face)
}
