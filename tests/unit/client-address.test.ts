import { describe, expect, it } from 'vitest'
import type { TrustProxy } from '../../lib/server/config/env'
import { CLIENT_ADDRESS_HEADER, clientAddressFromHeaders, limitKeyOfAddress, resolveClientAddress } from '../../lib/server/http/client-address'

const none = { kind: 'none' } as const
const oneHop = { kind: 'hops', hops: 1 } as const

describe('the client address', () => {
  it('is the connecting address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(resolveClientAddress('198.51.100.4', '203.0.113.9', none)).toBe('198.51.100.4')
    expect(resolveClientAddress('::ffff:198.51.100.4', undefined, none)).toBe('198.51.100.4')
  })

  it('behind one trusted proxy, is what that proxy appended, not what the client made up before it', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(resolveClientAddress('10.0.0.2', '1.2.3.4, 203.0.113.9', oneHop)).toBe('203.0.113.9')
    expect(resolveClientAddress('10.0.0.2', ['1.2.3.4', '203.0.113.9'], oneHop)).toBe('203.0.113.9')
    // Reached directly, without the proxy: the connecting address.
    expect(resolveClientAddress('203.0.113.9', undefined, oneHop)).toBe('203.0.113.9')
  })

  it('with a list of proxies, skips only hops from those proxies', () => {
    const trust: TrustProxy = { kind: 'addresses', addresses: ['10.0.0.0/8', 'fd00::/8'] }
    expect(resolveClientAddress('10.0.0.2', '203.0.113.9, 10.1.1.1', trust)).toBe('203.0.113.9')
    expect(resolveClientAddress('fd00::2', '2001:db8::7', trust)).toBe('2001:db8::7')
    // Not from a trusted proxy: its X-Forwarded-For is ignored.
    expect(resolveClientAddress('198.51.100.4', '203.0.113.9', trust)).toBe('198.51.100.4')
  })

  it('stops at a malformed entry and strips ports and brackets', () => {
    expect(resolveClientAddress('10.0.0.2', 'not-an-ip', oneHop)).toBe('10.0.0.2')
    expect(resolveClientAddress('10.0.0.2', '203.0.113.9:5555', oneHop)).toBe('203.0.113.9')
    expect(resolveClientAddress('10.0.0.2', '[2001:db8::7]:443', oneHop)).toBe('2001:db8::7')
    expect(resolveClientAddress(undefined, undefined, none)).toBe('unknown')
  })

  it('reaches route handlers only through the header the server sets', () => {
    expect(clientAddressFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientAddressFromHeaders({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' })).toBe('203.0.113.9')
    expect(clientAddressFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: 'evil' }))).toBe('unknown')
    expect(clientAddressFromHeaders(undefined)).toBe('unknown')
  })

  it('is limited per IPv4 address, and per /64 for IPv6', () => {
    expect(limitKeyOfAddress('203.0.113.9')).toBe('203.0.113.9')
    expect(limitKeyOfAddress('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64')
    expect(limitKeyOfAddress('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64')
    expect(limitKeyOfAddress('::1')).toBe('0:0:0:0::/64')
  })
})
