import type { AuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import type { OAuthConfig } from 'next-auth/providers/oauth'
import { findOrCreateOidcUser, OidcProfile, verifyCredentials } from '@/lib/server/auth/sign-in'
import { getConfig, type KringConfig } from '@/lib/server/config/env'
import { findUserByEmail } from '@/lib/server/db/repositories/users'
import { clientAddressFromHeaders } from '@/lib/server/http/client-address'
import { safeRedirectUrl } from '@/lib/server/http/safe-redirect'
import { getDb } from './db'
import { getWebLogger } from './logger'

/** Sessions last a working day; after that, sign in again (the data is about children). */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60

/** The provider id of the organisation's sign-in; the login page uses it for its button. */
export const OIDC_PROVIDER_ID = 'oidc'

let cached: AuthOptions | undefined

/**
 * next-auth (v4) options, built on first use from the validated config: never at import time,
 * so `next build` does not need the runtime secret. JWT sessions carry only the user id;
 * pages look the user up on every request (lib/server/web/session.ts), so a deleted account or a
 * changed role takes effect at once.
 */
export function getAuthOptions(): AuthOptions {
  if (cached) return cached
  const config = getConfig()
  const log = getWebLogger()
  cached = {
    secret: config.authSecret,
    useSecureCookies: config.secureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'E-mail',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Wachtwoord', type: 'password' } },
        async authorize(credentials, req) {
          const address = clientAddressFromHeaders(req.headers)
          const user = await verifyCredentials(await getDb(), credentials, { address })
          if (!user) return null
          return { id: user.id, name: user.name, email: user.email }
        },
      }),
      ...(config.oidc ? [oidcProvider(config.oidc)] : []),
    ],
    callbacks: {
      // Where to go after signing in or out: only Kring itself. next-auth's default throws on
      // a malformed callbackUrl (a 500); this answers with the start page instead.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true
        const user = await findOrCreateOidcUser(await getDb(), profile, config.oidc?.defaultRole ?? 'professional')
        if (!user) log.warn({ provider: OIDC_PROVIDER_ID }, 'OIDC sign-in refused: no verified email in the profile')
        return user !== null
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === OIDC_PROVIDER_ID) {
          // The token's subject is the provider's id; ours is found by the (verified) email.
          const email = OidcProfile.shape.email.safeParse(profile?.email)
          const own = email.success ? await findUserByEmail(await getDb(), email.data) : undefined
          if (own) token.uid = own.id
        } else if (user) {
          token.uid = user.id
        }
        return token
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: typeof token.uid === 'string' ? token.uid : undefined } }
      },
    },
    logger: {
      // next-auth's metadata can hold emails and tokens: log the error code only.
      error: (code) => log.warn({ code }, 'next-auth error'),
      warn: (code) => log.debug({ code }, 'next-auth warning'),
      debug: () => undefined,
    },
  }
  return cached
}

function oidcProvider(oidc: NonNullable<KringConfig['oidc']>): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: oidc.name,
    type: 'oauth',
    wellKnown: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(profile) {
      const sub = typeof profile.sub === 'string' ? profile.sub : ''
      return {
        id: sub,
        email: typeof profile.email === 'string' ? profile.email : null,
        name: typeof profile.name === 'string' ? profile.name : null,
      }
    },
  }
}
