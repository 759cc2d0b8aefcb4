/** Thrown when a request body is larger than allowed; route handlers answer 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body exceeds ${limitBytes} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/**
 * Read a request body, but never more than `limitBytes`: the declared Content-Length is
 * checked first, and the stream is cancelled as soon as it passes the limit (a chunked body
 * has no Content-Length), so an oversized upload costs us at most the limit in memory.
 */
export async function readLimitedText(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: string | null,
  limitBytes: number,
): Promise<string> {
  if (declaredLength !== null && Number(declaredLength) > limitBytes) throw new BodyTooLargeError(limitBytes)
  if (!body) return ''
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined)
      throw new BodyTooLargeError(limitBytes)
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(concat(chunks, total))
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/** Kring's API never needs more than this per request; everything larger is refused. */
export const API_BODY_LIMIT_BYTES = 16 * 1024
