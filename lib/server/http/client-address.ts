import type { IncomingMessage } from 'node:http'
import { BlockList, isIP } from 'node:net'
import type { TrustProxy } from '../config/env'

/**
 * The one place that decides who is knocking: the address of the client, for rate limits and
 * socket caps. It is the connecting address, unless TRUST_PROXY says the proxy in front of Kring
 * is trusted: then the address that proxy put in `X-Forwarded-For`. A client can write anything
 * in that header, so only hops added by trusted proxies count.
 *
 * Next's route handlers only see headers, not the socket: the server (server/app.ts) decides the
 * address once per request and hands it over in CLIENT_ADDRESS_HEADER, having overwritten
 * whatever a client sent in it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-kring-client-ip'

/** When the address cannot be known (no socket address, a route handler run outside Kring's server). */
export const UNKNOWN_ADDRESS = 'unknown'

/** The client of a raw HTTP request or upgrade (the server, the sync and meeting sockets). */
export function clientAddressOf(req: Pick<IncomingMessage, 'headers' | 'socket'>, trust: TrustProxy): string {
  return resolveClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust)
}

/**
 * The client of a request as a route handler sees it: the header the server set. Takes a
 * Fetch `Headers` or a plain object of them (what next-auth hands to `authorize`).
 */
export function clientAddressFromHeaders(headers: Headers | Record<string, unknown> | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER]
  return (typeof value === 'string' ? normalizeAddress(value) : null) ?? UNKNOWN_ADDRESS
}

/**
 * Walk from the connecting address back through `X-Forwarded-For` (right to left: each proxy
 * appends the address it was reached from) while the hop is trusted. A malformed entry stops the
 * walk: the last proxy we trust is then the best we know.
 */
export function resolveClientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): string {
  const connecting = normalizeAddress(remoteAddress ?? '')
  if (connecting === null) return UNKNOWN_ADDRESS
  if (trust.kind === 'none') return connecting
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .reverse()
  const isTrustedHop = trust.kind === 'hops' ? (_: string, index: number) => index < trust.hops : trustedList(trust.addresses)
  let client = connecting
  for (let index = 0; isTrustedHop(client, index) && index < forwarded.length; index++) {
    const previous = normalizeAddress(forwarded[index]!)
    if (previous === null) break
    client = previous
  }
  return client
}

/**
 * The key an address is limited by. An IPv6 client usually holds a whole /64 and can pick any
 * address in it, so IPv6 addresses count per /64; IPv4 addresses count one by one.
 */
export function limitKeyOfAddress(address: string): string {
  if (isIP(address) !== 6) return address
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`
}

function trustedList(addresses: string[]): (address: string) => boolean {
  const list = new BlockList()
  for (const entry of addresses) {
    const [network, prefix] = entry.split('/')
    const family = isIP(network!) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(network!, family)
    else list.addSubnet(network!, Number(prefix), family)
  }
  return (address) => list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')
}

/** An IP address without port, brackets or the IPv4-mapped IPv6 prefix; null when it is none. */
function normalizeAddress(raw: string): string | null {
  let value = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]!
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value)
  if (mapped) value = mapped[1]!
  if (isIP(value) === 0) return null
  return value.toLowerCase()
}

/** The eight hextets of an IPv6 address (`::` expanded; an embedded IPv4 tail kept as two hextets). */
function expandIpv6(address: string): string[] {
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  let text = address
  if (v4Tail) {
    const [a, b, c, d] = v4Tail[1]!.split('.').map(Number) as [number, number, number, number]
    text = `${address.slice(0, -v4Tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::') as [string, string | undefined]
  const headParts = head === '' ? [] : head.split(':')
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':')
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - headParts.length - tailParts.length }, () => '0')
  return [...headParts, ...zeros, ...tailParts].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''))
}
