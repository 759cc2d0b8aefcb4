import { allDefaultFontFaces, DefaultFontFaces, type TLFontFace, type TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { loadTldrawFontsWhenDrawn } from '../../client/board/canvas/fonts-when-drawn'

/**
 * tldraw queues all 16 of its fonts when the editor mounts; the board takes them out of the
 * queue again, except those the shapes on the page use. Here the editor is a stand-in with
 * tldraw's queue (the FontManager's `fontsToLoad`) as it is right after mount.
 */
function editorWith(pageShapes: Record<string, TLFontFace[]>, queue = new Set<TLFontFace>(allDefaultFontFaces)) {
  const editor = {
    fonts: { fontsToLoad: queue, getShapeFontFaces: (id: TLShapeId) => pageShapes[id] ?? [] },
    getCurrentPageShapeIds: () => new Set(Object.keys(pageShapes) as TLShapeId[]),
  }
  return { editor: editor as unknown as Parameters<typeof loadTldrawFontsWhenDrawn>[0], queue }
}

describe("tldraw's fonts only when drawn", () => {
  it('a board of Kring items only queues no tldraw font at all', () => {
    const { editor, queue } = editorWith({ 'shape:card': [], 'shape:person': [] })
    expect(queue.size).toBe(16)
    loadTldrawFontsWhenDrawn(editor)
    expect(queue.size).toBe(0)
  })

  it("also takes out the default theme's copies of the same faces (the same files)", () => {
    const copies = allDefaultFontFaces.map((face) => ({ ...face, src: { ...face.src } }))
    const { editor, queue } = editorWith({}, new Set([...allDefaultFontFaces, ...copies]))
    expect(queue.size).toBe(32)
    loadTldrawFontsWhenDrawn(editor)
    expect(queue.size).toBe(0)
  })

  it('keeps the faces a shape on the page draws with (an arrow label in the hand-drawn font)', () => {
    const label = [DefaultFontFaces.tldraw_draw.normal.normal, DefaultFontFaces.tldraw_draw.normal.bold]
    const { editor, queue } = editorWith({ 'shape:arrow': label })
    loadTldrawFontsWhenDrawn(editor)
    expect([...queue]).toEqual(label)
  })

  it('leaves a font someone else queued (not one of tldraw’s defaults) alone', () => {
    const custom: TLFontFace = { family: 'Custom', src: { url: '/custom.woff2' } }
    const { editor, queue } = editorWith({}, new Set([...allDefaultFontFaces, custom]))
    loadTldrawFontsWhenDrawn(editor)
    expect([...queue]).toEqual([custom])
  })

  it('changes nothing when tldraw no longer has the queue it knows', () => {
    const editor = { fonts: { getShapeFontFaces: () => [] }, getCurrentPageShapeIds: () => new Set() } as unknown as Parameters<typeof loadTldrawFontsWhenDrawn>[0]
    expect(() => loadTldrawFontsWhenDrawn(editor)).not.toThrow()
  })
})
