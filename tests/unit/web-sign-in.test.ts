import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../lib/server/auth/password'
import { findOrCreateOidcUser, verifyCredentials } from '../../lib/server/auth/sign-in'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { createUser, findUserByEmail } from '../../lib/server/db/repositories/users'

let db: Db

beforeEach(async () => {
  db = await openDatabase(':memory:')
})

afterEach(async () => {
  await db.destroy()
})

describe('signing in with email and password', () => {
  it('finds the user for the right password, whatever the email case, and nobody otherwise', async () => {
    await createUser(db, { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', passwordHash: await hashPassword('juist-wachtwoord-1') })
    await expect(verifyCredentials(db, { email: ' Fenna@Example.org', password: 'juist-wachtwoord-1' })).resolves.toMatchObject({ name: 'Fenna' })
    await expect(verifyCredentials(db, { email: 'fenna@example.org', password: 'fout-wachtwoord' })).resolves.toBeNull()
    await expect(verifyCredentials(db, { email: 'niemand@example.org', password: 'juist-wachtwoord-1' })).resolves.toBeNull()
    await expect(verifyCredentials(db, { email: 'not-an-email', password: 'x' })).resolves.toBeNull()
    await expect(verifyCredentials(db, undefined)).resolves.toBeNull()
  })

  it('does not let an OIDC-only account (no password) sign in with a password', async () => {
    await createUser(db, { email: 'oidc@example.org', name: 'O', role: 'professional', passwordHash: null })
    await expect(verifyCredentials(db, { email: 'oidc@example.org', password: 'anything-at-all' })).resolves.toBeNull()
  })
})

describe('signing in through the organisation (OIDC)', () => {
  it('creates the account on first sign-in with the default role, and finds it the next time', async () => {
    const profile = { sub: 'abc', email: 'Jan@Jeugdzorg.nl', email_verified: true, name: 'Jan de Jong' }
    const first = await findOrCreateOidcUser(db, profile, 'professional')
    expect(first).toMatchObject({ email: 'jan@jeugdzorg.nl', name: 'Jan de Jong', role: 'professional', password_hash: null })
    const again = await findOrCreateOidcUser(db, profile, 'facilitator')
    expect(again?.id).toBe(first?.id)
  })

  it('links to an account made with the CLI by email', async () => {
    const existing = await createUser(db, { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', passwordHash: null })
    const user = await findOrCreateOidcUser(db, { sub: 'x', email: 'fenna@example.org' }, 'professional')
    expect(user).toMatchObject({ id: existing.id, role: 'facilitator' })
  })

  it('refuses a profile without an email or with an explicitly unverified one', async () => {
    await expect(findOrCreateOidcUser(db, { sub: 'x' }, 'professional')).resolves.toBeNull()
    await expect(findOrCreateOidcUser(db, { sub: 'x', email: 'a@b.nl', email_verified: false }, 'professional')).resolves.toBeNull()
    expect(await findUserByEmail(db, 'a@b.nl')).toBeUndefined()
  })
})
