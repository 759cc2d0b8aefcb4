import { z } from 'zod'
import type { Db } from '../db/connect'
import { createUser, findUserByEmail } from '../db/repositories/users'
import type { User } from '../db/schema'
import type { UserRole } from '../../conference/model'
import { UNKNOWN_ADDRESS } from '../http/client-address'
import { getLoginThrottle, type LoginThrottle } from './login-throttle'
import { hashPassword, verifyPassword } from './password'

/**
 * The two ways a facilitator or professional signs in, without next-auth in sight so they can
 * be tested on their own. next-auth (app/_auth) calls these.
 */

export const CredentialsInput = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
})

let dummyHash: Promise<string> | undefined

export interface VerifyOptions {
  /** Where the attempt comes from (lib/server/http/client-address.ts); failures are counted per address too. */
  address?: string
  throttle?: LoginThrottle
}

/**
 * The user whose email and password match, else null. When the email is unknown we still run
 * one scrypt, so the answer takes as long as for a wrong password and does not reveal which
 * email addresses have an account. Every outcome is told to the throttle (login-throttle.ts);
 * an attempt it refuses is not checked at all. The sign-in route refuses those with a 429 before
 * they get here; this check only covers a caller that skipped it.
 */
export async function verifyCredentials(db: Db, raw: unknown, { address = UNKNOWN_ADDRESS, throttle = getLoginThrottle() }: VerifyOptions = {}): Promise<User | null> {
  const parsed = CredentialsInput.safeParse(raw)
  if (!parsed.success) return null
  const { email, password } = parsed.data
  const attempt = { email, address }
  if (!(await throttle.check(attempt)).allowed) return null
  const user = await findUserByEmail(db, email)
  let ok = false
  if (user?.password_hash) {
    ok = await verifyPassword(password, user.password_hash)
  } else {
    dummyHash ??= hashPassword('kring-timing-equaliser')
    await verifyPassword(password, await dummyHash)
  }
  if (!ok) {
    await throttle.recordFailure(attempt)
    return null
  }
  await throttle.recordSuccess(attempt)
  return user ?? null
}

/** The claims we need from an organisation's ID token. */
export const OidcProfile = z.object({
  sub: z.string().min(1),
  email: z.email().max(254),
  /** Only refuse when the provider says explicitly that the address is unverified. */
  email_verified: z.union([z.boolean(), z.literal('true'), z.literal('false')]).optional(),
  name: z.string().max(200).optional(),
  preferred_username: z.string().max(200).optional(),
})
export type OidcProfile = z.infer<typeof OidcProfile>

/**
 * First sign-in through the organisation's OIDC provider creates the account with the
 * configured default role; later sign-ins find it by email (so an account made with the CLI
 * is linked too). Returns null when the profile lacks a usable, verified email.
 */
export async function findOrCreateOidcUser(db: Db, rawProfile: unknown, defaultRole: UserRole): Promise<User | null> {
  const parsed = OidcProfile.safeParse(rawProfile)
  if (!parsed.success) return null
  const profile = parsed.data
  if (profile.email_verified === false || profile.email_verified === 'false') return null
  const existing = await findUserByEmail(db, profile.email)
  if (existing) return existing
  const name = (profile.name ?? profile.preferred_username ?? profile.email.split('@')[0] ?? profile.email).slice(0, 80)
  try {
    return await createUser(db, { email: profile.email, name, role: defaultRole, passwordHash: null })
  } catch {
    // Two first sign-ins at once: the other one created the row (email is unique).
    return (await findUserByEmail(db, profile.email)) ?? null
  }
}
