import { limitKeyOfAddress } from '../http/client-address'
import { createLimiter, defaultRateLimitStore, secondsUntil, type Limiter, type RateLimitStore } from '../rate-limit/limiter'
import { RateLimiterRes } from 'rate-limiter-flexible'

/**
 * Slows password guessing down without letting an attacker lock the rightful user out.
 *
 * Wrong passwords are counted three ways, each with waits that double after a few free failures:
 * - per account and address (strict): the guesser is slowed down, and a success from there
 *   starts afresh. Nobody elsewhere notices.
 * - per address, over all accounts: one machine trying many accounts.
 * - per account, over all addresses (loose): many machines trying one account. This one and the
 *   per-address one never refuse an address that already signed in to this account successfully
 *   (remembered for two weeks), so someone who knows the password keeps getting in from where they
 *   usually work, even while the account is under attack from elsewhere.
 * On top, attempts per address are capped per minute whatever their outcome, so a burst of
 * parallel guesses (all checked before any failure is counted) is cut off too.
 *
 * The counters live in a rate-limit store (memory now; see lib/server/rate-limit/limiter.ts).
 */
export interface SignInAttempt {
  /** The normalised email (lib/server/auth/sign-in.ts CredentialsInput). */
  email: string
  /** The client address (lib/server/http/client-address.ts). */
  address: string
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export interface LoginThrottle {
  /** Before a password is checked: may this attempt go ahead? Counts it against the per-minute cap. */
  admit(attempt: SignInAttempt): Promise<ThrottleVerdict>
  /** Like admit, without counting: is this attempt refused right now? */
  check(attempt: SignInAttempt): Promise<ThrottleVerdict>
  /** Only the per-minute cap, for attempts that name no usable account. */
  admitAddress(address: string): Promise<ThrottleVerdict>
  recordFailure(attempt: SignInAttempt): Promise<void>
  recordSuccess(attempt: SignInAttempt): Promise<void>
}

export interface EscalationRule {
  /** Failures within the window that cost nothing. */
  freeFailures: number
  windowSeconds: number
  /** The wait after the first failure beyond the free ones; each further failure doubles it… */
  firstBlockSeconds: number
  /** …up to this. */
  maxBlockSeconds: number
}

export interface LoginRules {
  perAccountAndAddress: EscalationRule
  perAddress: EscalationRule
  perAccount: EscalationRule
  /** Attempts (any outcome) per address per minute. */
  attemptsPerAddressPerMinute: number
  /**
   * How long a successful sign-in makes its address known for that account. At most 24 days:
   * the memory store expires keys with setTimeout, which cannot wait longer than 2^31 ms.
   */
  knownAddressSeconds: number
}

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export const DEFAULT_LOGIN_RULES: LoginRules = {
  perAccountAndAddress: { freeFailures: 5, windowSeconds: DAY, firstBlockSeconds: MINUTE, maxBlockSeconds: HOUR },
  // An office behind one address: a few colleagues mistyping now and then stays far below this.
  perAddress: { freeFailures: 30, windowSeconds: HOUR, firstBlockSeconds: MINUTE, maxBlockSeconds: HOUR },
  perAccount: { freeFailures: 50, windowSeconds: DAY, firstBlockSeconds: MINUTE, maxBlockSeconds: 15 * MINUTE },
  attemptsPerAddressPerMinute: 20,
  knownAddressSeconds: 14 * DAY,
}

/** A failure counter that, past its free failures, blocks the key for waits that double each time. */
class EscalatingLimit {
  private readonly failures: Limiter
  private readonly blocks: Limiter

  constructor(
    store: RateLimitStore,
    name: string,
    private readonly rule: EscalationRule,
  ) {
    this.failures = createLimiter(store, { name: `${name}-failures`, points: rule.freeFailures, durationSeconds: rule.windowSeconds })
    this.blocks = createLimiter(store, { name: `${name}-blocked`, points: 1, durationSeconds: rule.maxBlockSeconds })
  }

  /** Seconds the key must still wait, or 0. */
  async waitSeconds(key: string): Promise<number> {
    const block = await this.blocks.get(key)
    if (block === null || block.consumedPoints <= this.blocks.points) return 0
    return secondsUntil(block.msBeforeNext)
  }

  async fail(key: string): Promise<void> {
    const counted = await this.failures.penalty(key)
    const beyondFree = counted.consumedPoints - this.rule.freeFailures
    if (beyondFree <= 0) return
    const seconds = Math.min(this.rule.maxBlockSeconds, this.rule.firstBlockSeconds * 2 ** Math.min(beyondFree - 1, 30))
    await this.blocks.block(key, seconds)
  }

  async reset(key: string): Promise<void> {
    await Promise.all([this.failures.delete(key), this.blocks.delete(key)])
  }
}

export function createLoginThrottle(store: RateLimitStore = defaultRateLimitStore(), rules: LoginRules = DEFAULT_LOGIN_RULES): LoginThrottle {
  const pair = new EscalatingLimit(store, 'login-pair', rules.perAccountAndAddress)
  const byAddress = new EscalatingLimit(store, 'login-address', rules.perAddress)
  const byAccount = new EscalatingLimit(store, 'login-account', rules.perAccount)
  const attempts = createLimiter(store, { name: 'login-attempts', points: rules.attemptsPerAddressPerMinute, durationSeconds: MINUTE })
  const known = createLimiter(store, { name: 'login-known', points: 1, durationSeconds: rules.knownAddressSeconds })

  const addressKey = (address: string) => limitKeyOfAddress(address)
  const pairKey = ({ email, address }: SignInAttempt) => `${email} ${addressKey(address)}`
  const isKnown = async (attempt: SignInAttempt) => (await known.get(pairKey(attempt))) !== null

  async function check(attempt: SignInAttempt): Promise<ThrottleVerdict> {
    const waits = [pair.waitSeconds(pairKey(attempt))]
    if (!(await isKnown(attempt))) waits.push(byAddress.waitSeconds(addressKey(attempt.address)), byAccount.waitSeconds(attempt.email))
    return verdict(Math.max(...(await Promise.all(waits))))
  }

  async function admitAddress(address: string): Promise<ThrottleVerdict> {
    try {
      await attempts.consume(addressKey(address))
      return { allowed: true }
    } catch (err) {
      if (err instanceof RateLimiterRes) return verdict(secondsUntil(err.msBeforeNext))
      throw err
    }
  }

  return {
    check,
    admitAddress,
    async admit(attempt) {
      const now = await check(attempt)
      if (!now.allowed || (await isKnown(attempt))) return now
      return admitAddress(attempt.address)
    },
    async recordFailure(attempt) {
      await Promise.all([pair.fail(pairKey(attempt)), byAddress.fail(addressKey(attempt.address)), byAccount.fail(attempt.email)])
    },
    async recordSuccess(attempt) {
      await pair.reset(pairKey(attempt))
      await known.set(pairKey(attempt), 1, rules.knownAddressSeconds)
    },
  }
}

function verdict(waitSeconds: number): ThrottleVerdict {
  return waitSeconds > 0 ? { allowed: false, retryAfterSeconds: waitSeconds } : { allowed: true }
}

const THROTTLE_KEY = Symbol.for('kring.login-throttle')

/**
 * The process's throttle. The sign-in route refuses with it before next-auth runs and next-auth's
 * `authorize` records outcomes with it; kept on globalThis so both see the same counters even
 * when bundled separately.
 */
export function getLoginThrottle(): LoginThrottle {
  const holder = globalThis as unknown as Record<symbol, LoginThrottle | undefined>
  return (holder[THROTTLE_KEY] ??= createLoginThrottle())
}
