import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { getConfig } from '../../lib/server/config/env'
import { invitationCookieName } from '../../lib/conference/join-link'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import type { User } from '../../lib/server/db/schema'
import { LOCALE_COOKIE } from '../../lib/i18n'
import { buildGateWorld, credentialsOf, type Asker, type GateWorld } from '../unit/gate-fixtures'

/**
 * Route handlers (and pages) called as Next calls them, with what the request brings stubbed: the
 * database (lib/server/web/db), who is signed in (lib/server/web/session), the cookies and the CSP
 * nonce (next/headers). Import this before anything that imports a route, and import the routes
 * themselves in a beforeAll after routeRequest()/routeHarness(): the environment is set by then.
 *
 * - routeRequest({ world? }): the stubs, the environment, and a fresh database per test with the
 *   world the file seeds itself; credentials set with as({ user, cookies, locale }).
 * - routeHarness(): the same with the gate's world (tests/unit/gate-fixtures.ts); as('family').
 * - stubbedRequest: the stubs' state itself, for a test that runs routes on a database of its own.
 */
export const ROUTE_NONCE = 'test-nonce-AbC123=='

/** A cookie a route set on its response (next/headers' cookies().set). */
export interface SetCookie {
  name: string
  value: string
  options: Record<string, unknown>
}

const request = vi.hoisted(() => ({ db: null as Db | null, signedIn: null as User | null, cookies: {} as Record<string, string>, set: [] as SetCookie[] }))
/**
 * What the stubbed request brings. routeRequest() fills it per test; a test that runs the routes
 * on a database of its own (a real instance) sets `db` and `signedIn` itself instead.
 */
export const stubbedRequest = request
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

/** Who the next requests come from: the account signed in (none if left out), the cookies they carry, their language. */
export interface Credentials {
  user?: User | null
  cookies?: Record<string, string>
  /** Sent as the locale cookie (lib/i18n LOCALE_COOKIE). */
  locale?: string
}

export interface RouteEnv {
  /** AUTH_SECRET for the file; a fixed test secret if left out. */
  secret?: string
  /** PUBLIC_URL for the file; https://kring.example.org if left out. */
  publicUrl?: string
}

export interface RouteRequest<W> {
  /** This test's database (a fresh one in memory). */
  readonly db: Db
  /** What `world` seeded in this test's database. */
  readonly world: W
  /** Kring's own origin (from the public URL): a same-origin request sends it as its Origin. */
  readonly origin: string
  /** The request's cookies (a test may add one); what a route sets lands here too. */
  readonly cookies: Record<string, string>
  /** The cookies routes set since the last as(), in order. */
  readonly setCookies: readonly SetCookie[]
  /** The next requests come with these credentials (each test starts with none). */
  as(credentials: Credentials): void
}

/**
 * Sets the secret and the public URL for the file (restored after it), and gives every test a
 * fresh database, seeded by `world` if given, and no credentials.
 */
export function routeRequest<W = undefined>(options: RouteEnv & { world?: (db: Db) => Promise<W> } = {}): RouteRequest<W> {
  const publicUrl = options.publicUrl ?? 'https://kring.example.org'
  const saved = { AUTH_SECRET: process.env.AUTH_SECRET, PUBLIC_URL: process.env.PUBLIC_URL }
  let world: { seeded: W } | null = null

  beforeAll(() => {
    process.env.AUTH_SECRET = options.secret ?? 'route-secret-0123456789-0123456789-abcdef'
    process.env.PUBLIC_URL = publicUrl
    getConfig()
  })

  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })

  beforeEach(async () => {
    Object.assign(request, { signedIn: null, cookies: {}, set: [] })
    request.db = await openDatabase(':memory:')
    world = { seeded: options.world ? await options.world(request.db) : (undefined as W) }
  })

  afterEach(async () => {
    await request.db?.destroy()
    request.db = null
    world = null
  })

  return {
    get db() {
      if (!request.db) throw new Error('the database is opened per test (beforeEach)')
      return request.db
    },
    get world() {
      if (!world) throw new Error('the world is seeded per test (beforeEach)')
      return world.seeded
    },
    origin: new URL(publicUrl).origin,
    get cookies() {
      return request.cookies
    },
    get setCookies() {
      return request.set
    },
    as({ user = null, cookies = {}, locale }) {
      request.signedIn = user
      request.cookies = locale ? { ...cookies, [LOCALE_COOKIE]: locale } : { ...cookies }
      request.set = []
    },
  }
}

export interface RouteHarness extends Omit<RouteRequest<GateWorld>, 'as'> {
  /**
   * The next requests come from this person (signed in, or holding their invitation cookie), in
   * this language if given; or with these credentials (e.g. an invitation cookie named for another
   * conference).
   */
  as(who: Asker | Credentials, locale?: string): void
}

/** routeRequest() with the gate's world: the conference with everyone in it (tests/unit/gate-fixtures.ts). */
export function routeHarness(env: RouteEnv = {}): RouteHarness {
  const harness = routeRequest({ ...env, world: buildGateWorld })
  // Everything of routeRequest's (its getters read per test), with as() also taking a person of the world.
  return Object.assign(Object.create(harness) as RouteRequest<GateWorld>, {
    as(who: Asker | Credentials, locale?: string) {
      const world = harness.world
      const credentials: Credentials = typeof who === 'string' ? credentialsOf(world, who, invitationCookieName(world.conference.id)) : who
      harness.as({ ...credentials, locale: locale ?? credentials.locale })
    },
  })
}
