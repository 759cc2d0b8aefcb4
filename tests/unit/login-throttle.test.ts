import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLoginThrottle, DEFAULT_LOGIN_RULES, type LoginRules } from '../../lib/server/auth/login-throttle'
import { hashPassword } from '../../lib/server/auth/password'
import { verifyCredentials } from '../../lib/server/auth/sign-in'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { createUser } from '../../lib/server/db/repositories/users'

const FENNA = 'fenna@example.org'
const PASSWORD = 'juist-wachtwoord-1'
const ATTACKER = '203.0.113.66'
const OFFICE = '198.51.100.10'

let db: Db

beforeEach(async () => {
  db = await openDatabase(':memory:')
  await createUser(db, { email: FENNA, name: 'Fenna', role: 'facilitator', passwordHash: await hashPassword(PASSWORD) })
})

afterEach(async () => {
  vi.useRealTimers()
  await db.destroy()
})

describe('password guessing does not lock out the rightful user', () => {
  it('lets Fenna in from her office however often someone elsewhere guesses her password', async () => {
    const throttle = createLoginThrottle()
    for (let i = 0; i < 40; i++) {
      await verifyCredentials(db, { email: FENNA, password: `fout-${i}` }, { address: ATTACKER, throttle })
    }
    expect(await throttle.check({ email: FENNA, address: ATTACKER })).toMatchObject({ allowed: false })
    expect(await throttle.admit({ email: FENNA, address: OFFICE })).toEqual({ allowed: true })
    await expect(verifyCredentials(db, { email: FENNA, password: PASSWORD }, { address: OFFICE, throttle })).resolves.toMatchObject({ email: FENNA })
  })

  it('refuses the guesser before the password is even checked, with the right password too', async () => {
    const throttle = createLoginThrottle()
    for (let i = 0; i < 6; i++) await verifyCredentials(db, { email: FENNA, password: `fout-${i}` }, { address: ATTACKER, throttle })
    await expect(verifyCredentials(db, { email: FENNA, password: PASSWORD }, { address: ATTACKER, throttle })).resolves.toBeNull()
  })

  it('keeps letting Fenna in from where she signed in before while many addresses attack her account', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const rules: LoginRules = { ...DEFAULT_LOGIN_RULES, perAccount: { ...DEFAULT_LOGIN_RULES.perAccount, freeFailures: 10 } }
    const throttle = createLoginThrottle({ kind: 'memory' }, rules)
    await throttle.recordSuccess({ email: FENNA, address: OFFICE })
    // The attack comes days later: the office is still remembered.
    vi.advanceTimersByTime(10 * 24 * 60 * 60 * 1000)
    for (let bot = 0; bot < 12; bot++) await throttle.recordFailure({ email: FENNA, address: `192.0.2.${bot}` })
    // A new address must wait now: the account is under attack…
    expect(await throttle.check({ email: FENNA, address: '192.0.2.200' })).toMatchObject({ allowed: false })
    // …but the office, where Fenna signed in before, is not.
    expect(await throttle.admit({ email: FENNA, address: OFFICE })).toEqual({ allowed: true })
  })
})

describe('waits grow with every failure and a success starts afresh', () => {
  it('lets five failures pass, then makes the same address and account wait 1, 2, 4 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const throttle = createLoginThrottle()
    const attempt = { email: FENNA, address: ATTACKER }
    for (let i = 0; i < 5; i++) await throttle.recordFailure(attempt)
    expect(await throttle.check(attempt)).toEqual({ allowed: true })

    const waits: number[] = []
    for (let round = 0; round < 3; round++) {
      await throttle.recordFailure(attempt)
      const verdict = await throttle.check(attempt)
      if (verdict.allowed) throw new Error('expected a wait')
      waits.push(verdict.retryAfterSeconds)
      vi.advanceTimersByTime(verdict.retryAfterSeconds * 1000 + 1)
      expect(await throttle.check(attempt)).toEqual({ allowed: true })
    }
    expect(waits).toEqual([60, 120, 240])
  })

  it('forgets the failures of an address and account after a successful sign-in there', async () => {
    const throttle = createLoginThrottle()
    await verifyCredentials(db, { email: FENNA, password: 'fout' }, { address: OFFICE, throttle })
    await verifyCredentials(db, { email: FENNA, password: 'fout' }, { address: OFFICE, throttle })
    await verifyCredentials(db, { email: FENNA, password: 'fout' }, { address: OFFICE, throttle })
    await verifyCredentials(db, { email: FENNA, password: 'fout' }, { address: OFFICE, throttle })
    await expect(verifyCredentials(db, { email: FENNA, password: PASSWORD }, { address: OFFICE, throttle })).resolves.not.toBeNull()
    for (let i = 0; i < 5; i++) await throttle.recordFailure({ email: FENNA, address: OFFICE })
    expect(await throttle.check({ email: FENNA, address: OFFICE })).toEqual({ allowed: true })
  })
})

describe('one address trying many accounts, or many attempts at once', () => {
  it('slows down an address that fails on many accounts, not other addresses', async () => {
    const throttle = createLoginThrottle()
    for (let i = 0; i < 31; i++) await throttle.recordFailure({ email: `persoon${i}@example.org`, address: ATTACKER })
    expect(await throttle.check({ email: 'nog-iemand@example.org', address: ATTACKER })).toMatchObject({ allowed: false })
    expect(await throttle.check({ email: 'nog-iemand@example.org', address: OFFICE })).toEqual({ allowed: true })
  })

  it('cuts off a burst of parallel attempts from one address before they are counted as failures', async () => {
    const throttle = createLoginThrottle()
    const verdicts = await Promise.all(Array.from({ length: 200 }, (_, i) => throttle.admit({ email: `p${i}@example.org`, address: ATTACKER })))
    const refused = verdicts.filter((v) => !v.allowed)
    expect(verdicts.length - refused.length).toBe(DEFAULT_LOGIN_RULES.attemptsPerAddressPerMinute)
    expect(refused[0]).toMatchObject({ allowed: false, retryAfterSeconds: expect.any(Number) })
    expect(await throttle.admit({ email: FENNA, address: OFFICE })).toEqual({ allowed: true })
  })

  it('counts an IPv6 client by its /64, so it cannot dodge by hopping addresses', async () => {
    const throttle = createLoginThrottle()
    for (let i = 0; i < 6; i++) await throttle.recordFailure({ email: FENNA, address: `2001:db8:1:2::${(i + 1).toString(16)}` })
    expect(await throttle.check({ email: FENNA, address: '2001:db8:1:2:ffff::1' })).toMatchObject({ allowed: false })
    expect(await throttle.check({ email: FENNA, address: '2001:db8:1:3::1' })).toEqual({ allowed: true })
  })
})
