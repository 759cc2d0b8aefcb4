import { readFile } from 'node:fs/promises'
import { lightFilePath } from '@/lib/server/web/light/manifest'

export const dynamic = 'force-dynamic'

const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const

/**
 * GET /light/<name>-<hash>.(js|css): the light documents' own build files (scripts/build-light.mjs),
 * in production and in development alike (the development server keeps no files of ours in its
 * static folder). Named by their content, so cached for a year and never asked again; the
 * offline shell (public/sw.js) keeps them. Compressed like every response (Next's server).
 */
export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params
  const path = lightFilePath(file)
  if (!path) return new Response(null, { status: 404 })
  let body: Buffer
  try {
    body = await readFile(path)
  } catch {
    return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } })
  }
  const type = file.endsWith('.css') ? TYPES.css : TYPES.js
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=31536000, immutable' },
  })
}
