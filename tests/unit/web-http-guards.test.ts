import { describe, expect, it } from 'vitest'
import { BodyTooLargeError, readLimitedText } from '../../lib/server/http/read-limited'
import { isSameOriginRequest } from '../../lib/server/http/same-origin'

const PUBLIC_URL = 'https://kring.example.org'

describe('isSameOriginRequest', () => {
  it('accepts requests whose Origin is Kring itself', () => {
    expect(isSameOriginRequest({ origin: 'https://kring.example.org', secFetchSite: null }, PUBLIC_URL)).toBe(true)
  })

  it('refuses another site, another scheme or another port, whatever Sec-Fetch-Site claims', () => {
    expect(isSameOriginRequest({ origin: 'https://evil.example', secFetchSite: 'same-origin' }, PUBLIC_URL)).toBe(false)
    expect(isSameOriginRequest({ origin: 'http://kring.example.org', secFetchSite: null }, PUBLIC_URL)).toBe(false)
    expect(isSameOriginRequest({ origin: 'https://kring.example.org:8443', secFetchSite: null }, PUBLIC_URL)).toBe(false)
  })

  it('accepts an HTML form post (Origin: null under no-referrer) only with Sec-Fetch-Site: same-origin', () => {
    expect(isSameOriginRequest({ origin: 'null', secFetchSite: 'same-origin' }, PUBLIC_URL)).toBe(true)
    expect(isSameOriginRequest({ origin: 'null', secFetchSite: 'cross-site' }, PUBLIC_URL)).toBe(false)
    expect(isSameOriginRequest({ origin: 'null', secFetchSite: 'same-site' }, PUBLIC_URL)).toBe(false)
    expect(isSameOriginRequest({ origin: 'null', secFetchSite: null }, PUBLIC_URL)).toBe(false)
  })

  it('refuses a request with neither signal', () => {
    expect(isSameOriginRequest({ origin: null, secFetchSite: null }, PUBLIC_URL)).toBe(false)
  })
})

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

describe('readLimitedText', () => {
  it('reads a body within the limit', async () => {
    await expect(readLimitedText(streamOf('{"a":', '1}'), null, 16)).resolves.toBe('{"a":1}')
    await expect(readLimitedText(null, null, 16)).resolves.toBe('')
  })

  it('refuses by the declared length before reading anything', async () => {
    await expect(readLimitedText(streamOf('x'), '17', 16)).rejects.toBeInstanceOf(BodyTooLargeError)
  })

  it('stops a body without a declared length as soon as it passes the limit', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1024))
      },
    })
    await expect(readLimitedText(endless, null, 16 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError)
    expect(pulled).toBeLessThan(40)
  })
})
