import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../lib/server/auth/password'
import { createTicket, verifyTicket } from '../../lib/server/auth/tickets'
import { createId, createInviteToken, hashInviteToken, INVITE_TOKEN_PATTERN } from '../../lib/server/auth/tokens'

const secret = 'x'.repeat(40)

describe('invitation tokens', () => {
  it('are random, URL-safe and stored only as a hash', () => {
    const a = createInviteToken()
    const b = createInviteToken()
    expect(a).not.toBe(b)
    expect(a).toMatch(INVITE_TOKEN_PATTERN)
    expect(hashInviteToken(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashInviteToken(a)).not.toContain(a)
  })
})

describe('row ids', () => {
  it('never start with a dash, so they can be passed to the CLI as option values', () => {
    for (let i = 0; i < 2000; i++) expect(createId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/)
  })
})

describe('tickets', () => {
  it('carry a participant and conference until they expire', () => {
    const now = Date.now()
    const ticket = createTicket(secret, 'p1', 'c1', 60, now)
    expect(verifyTicket(secret, ticket, now)).toMatchObject({ p: 'p1', c: 'c1' })
    expect(verifyTicket(secret, ticket, now + 61_000)).toBeNull()
  })

  it('are refused when tampered with or signed with another secret', () => {
    const ticket = createTicket(secret, 'p1', 'c1', 60)
    const [prefix, , mac] = ticket.split('.')
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ p: 'p2', c: 'c1', exp: 9e9 })).toString('base64url')}.${mac}`
    expect(verifyTicket(secret, forged)).toBeNull()
    expect(verifyTicket('y'.repeat(40), ticket)).toBeNull()
    expect(verifyTicket(secret, 'garbage')).toBeNull()
    expect(verifyTicket(secret, 't1.%%%.%%%')).toBeNull()
  })
})

describe('passwords', () => {
  it('verify only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple')
    expect(stored.startsWith('scrypt$')).toBe(true)
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
    expect(await verifyPassword('wrong horse', stored)).toBe(false)
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false)
  })
})
