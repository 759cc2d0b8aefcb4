import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { getConfig } from '../../lib/server/config/env'
import { invitationCookieName } from '../../lib/conference/join-link'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import type { User } from '../../lib/server/db/schema'
import { LOCALE_COOKIE } from '../../lib/i18n'
import { buildGateWorld, credentialsOf, type Asker, type GateWorld } from '../unit/gate-fixtures'

/**
 * Route handlers called as Next calls them, with what the request brings stubbed: the database
 * (lib/server/web/db), who is signed in (lib/server/web/session), the cookies and the CSP nonce
 * (next/headers). Import this before anything that imports a route, and import the routes
 * themselves in a beforeAll after routeHarness(): the environment is set by then.
 */
export const ROUTE_NONCE = 'test-nonce-AbC123=='

/** A cookie a route set on its response (next/headers' cookies().set). */
export interface SetCookie {
  name: string
  value: string
  options: Record<string, unknown>
}

const request = vi.hoisted(() => ({ db: null as Db | null, signedIn: null as User | null, cookies: {} as Record<string, string>, set: [] as SetCookie[] }))
vi.mock('@/lib/server/web/db', () => ({ getDb: async () => request.db }))
vi.mock('@/lib/server/web/session', () => ({
  getSignedInUser: async () => request.signedIn,
  requireSignedInUser: async () => {
    const { ApiError } = await import('../../lib/protocol/api-error')
    if (!request.signedIn) throw new ApiError('unauthenticated', 'sign in first')
    return request.signedIn
  },
}))
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name in request.cookies ? { name, value: request.cookies[name] } : undefined),
    set: (name: string, value: string, options: Record<string, unknown> = {}) => {
      request.set.push({ name, value, options })
      request.cookies[name] = value
    },
  }),
  headers: async () => new Headers({ 'x-nonce': ROUTE_NONCE }),
}))

export interface RouteHarness {
  /** This test's database (a fresh one in memory). */
  readonly db: Db
  /** This test's conference with everyone in it (tests/unit/gate-fixtures.ts). */
  readonly world: GateWorld
  /** The request's cookies (a test may add one); what a route sets lands here too. */
  readonly cookies: Record<string, string>
  /** The cookies routes set since the last as(), in order. */
  readonly setCookies: readonly SetCookie[]
  /** The next requests come from this person (signed in, or holding their invitation cookie), in this language if given. */
  as(asker: Asker, locale?: string): void
}

/**
 * Sets the secret and the public URL for the file (restored after it), and gives every test a
 * fresh database with the gate's world in it.
 */
export function routeHarness(env: { secret: string; publicUrl: string }): RouteHarness {
  const saved = { AUTH_SECRET: process.env.AUTH_SECRET, PUBLIC_URL: process.env.PUBLIC_URL }
  let world: GateWorld | null = null

  beforeAll(() => {
    process.env.AUTH_SECRET = env.secret
    process.env.PUBLIC_URL = env.publicUrl
    getConfig()
  })

  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })

  beforeEach(async () => {
    request.db = await openDatabase(':memory:')
    world = await buildGateWorld(request.db)
  })

  afterEach(async () => {
    await request.db?.destroy()
  })

  const theWorld = (): GateWorld => {
    if (!world) throw new Error('the world is built per test (beforeEach)')
    return world
  }
  return {
    get db() {
      if (!request.db) throw new Error('the database is opened per test (beforeEach)')
      return request.db
    },
    get world() {
      return theWorld()
    },
    get cookies() {
      return request.cookies
    },
    get setCookies() {
      return request.set
    },
    as(asker, locale) {
      const { user, cookies } = credentialsOf(theWorld(), asker, invitationCookieName(theWorld().conference.id))
      request.signedIn = user
      request.cookies = locale ? { ...cookies, [LOCALE_COOKIE]: locale } : cookies
      request.set = []
    },
  }
}
