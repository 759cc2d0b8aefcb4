import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, createNonce } from '../../lib/server/http/content-security-policy'

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
}

describe('the pages’ Content-Security-Policy', () => {
  it('runs only scripts with the nonce, talks only to Kring and its websockets, and cannot be framed', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc123', publicUrl: 'https://kring.example.org', dev: false }))
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"])
    expect(csp.get('connect-src')).toEqual(["'self'", 'wss://kring.example.org'])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(csp.get('font-src')).toEqual(["'self'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.has('upgrade-insecure-requests')).toBe(true)
  })

  it('uses ws: for a plain-http PUBLIC_URL, does not upgrade requests there, and allows eval only in development', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'n', publicUrl: 'http://localhost:3000', dev: true }))
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:3000'])
    expect(csp.get('script-src')).toContain("'unsafe-eval'")
    expect(csp.has('upgrade-insecure-requests')).toBe(false)
  })

  it('gets a fresh nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce))
    expect(nonces.size).toBe(50)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  })
})
