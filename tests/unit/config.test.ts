import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../lib/server/config/env'

const secret = 'a'.repeat(32)

describe('configuration from the environment', () => {
  it('starts on the embedded default with only a secret', () => {
    const config = parseConfig({ AUTH_SECRET: secret })
    expect(config.port).toBe(3000)
    expect(config.publicUrl).toBe('http://localhost:3000')
    expect(config.sqlitePath).toBe('./data/kring.sqlite')
    expect(config.secureCookies).toBe(false)
    expect(config.oidc).toBeUndefined()
  })

  it('names the missing secret', () => {
    expect(() => parseConfig({})).toThrow(/AUTH_SECRET/)
  })

  it('refuses a short secret and says how long it must be', () => {
    expect(() => parseConfig({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32 characters/)
  })

  it('names every bad variable at once', () => {
    try {
      parseConfig({ AUTH_SECRET: secret, PORT: 'abc', PUBLIC_URL: 'not a url' })
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      const problems = (err as ConfigError).problems.join('\n')
      expect(problems).toMatch(/PORT/)
      expect(problems).toMatch(/PUBLIC_URL/)
    }
  })

  it('uses Secure cookies when Kring is reached over HTTPS', () => {
    expect(parseConfig({ AUTH_SECRET: secret, PUBLIC_URL: 'https://kring.example.org/' }).secureCookies).toBe(true)
  })

  it('needs all three OIDC settings together', () => {
    expect(() => parseConfig({ AUTH_SECRET: secret, OIDC_ISSUER: 'https://id.example.org' })).toThrow(/OIDC_CLIENT_ID/)
    const config = parseConfig({
      AUTH_SECRET: secret,
      OIDC_ISSUER: 'https://id.example.org',
      OIDC_CLIENT_ID: 'kring',
      OIDC_CLIENT_SECRET: 's3cret',
    })
    expect(config.oidc?.issuer).toBe('https://id.example.org')
  })

  it('treats empty values as unset', () => {
    expect(parseConfig({ AUTH_SECRET: secret, PORT: '' }).port).toBe(3000)
  })

  it('takes a SQLite path or a PostgreSQL URL, and nothing else', () => {
    expect(() => parseConfig({ AUTH_SECRET: secret, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
    const sqlite = parseConfig({ AUTH_SECRET: secret, DATABASE_URL: 'sqlite:/tmp/k.sqlite' })
    expect(sqlite.sqlitePath).toBe('/tmp/k.sqlite')
    expect(sqlite.database).toBe('/tmp/k.sqlite')
    expect(parseConfig({ AUTH_SECRET: secret }).database).toBe('./data/kring.sqlite')
    expect(parseConfig({ AUTH_SECRET: secret, DATABASE_URL: 'postgres://kring:pw@db:5432/kring' }).database).toBe('postgres://kring:pw@db:5432/kring')
  })

  it('scales out over Redis only with PostgreSQL', () => {
    expect(() => parseConfig({ AUTH_SECRET: secret, REDIS_URL: 'redis://localhost:6379' })).toThrow(/REDIS_URL.*postgres/)
    expect(() => parseConfig({ AUTH_SECRET: secret, DATABASE_URL: 'postgres://db/kring', REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/)
    const config = parseConfig({ AUTH_SECRET: secret, DATABASE_URL: 'postgres://db/kring', REDIS_URL: 'redis://cache:6379' })
    expect(config.redisUrl).toBe('redis://cache:6379')
    expect(parseConfig({ AUTH_SECRET: secret }).redisUrl).toBeUndefined()
  })

  describe('TRUST_PROXY', () => {
    it('trusts nobody by default', () => {
      expect(parseConfig({ AUTH_SECRET: secret }).trustProxy).toEqual({ kind: 'none' })
      expect(parseConfig({ AUTH_SECRET: secret, TRUST_PROXY: '0' }).trustProxy).toEqual({ kind: 'none' })
    })

    it('takes a hop count or a list of proxy addresses and ranges', () => {
      expect(parseConfig({ AUTH_SECRET: secret, TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 })
      expect(parseConfig({ AUTH_SECRET: secret, TRUST_PROXY: '10.0.0.2, fd00::/8' }).trustProxy).toEqual({ kind: 'addresses', addresses: ['10.0.0.2', 'fd00::/8'] })
    })

    it('refuses anything else, naming the variable', () => {
      expect(() => parseConfig({ AUTH_SECRET: secret, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/)
      expect(() => parseConfig({ AUTH_SECRET: secret, TRUST_PROXY: '10.0.0.300' })).toThrow(/TRUST_PROXY/)
      expect(() => parseConfig({ AUTH_SECRET: secret, TRUST_PROXY: '99' })).toThrow(/TRUST_PROXY/)
    })
  })

  it('caps sockets per address and participant, leaving room for a family of twelve behind one NAT', () => {
    const config = parseConfig({ AUTH_SECRET: secret })
    expect(config.socketLimits).toEqual({ perAddress: 60, perParticipant: 8 })
    expect(config.socketLimits.perAddress).toBeGreaterThanOrEqual(12 * 2)
    expect(parseConfig({ AUTH_SECRET: secret, MAX_SOCKETS_PER_ADDRESS: '100', MAX_SOCKETS_PER_PARTICIPANT: '4' }).socketLimits).toEqual({ perAddress: 100, perParticipant: 4 })
    expect(() => parseConfig({ AUTH_SECRET: secret, MAX_SOCKETS_PER_ADDRESS: '0' })).toThrow(/MAX_SOCKETS_PER_ADDRESS/)
  })
})
