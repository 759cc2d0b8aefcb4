import NextAuth from 'next-auth'
import { NextRequest } from 'next/server'
import { getAuthOptions } from '@/lib/server/web/auth-options'
import { getConfig } from '@/lib/server/config/env'
import { isKringUrl } from '@/lib/server/http/safe-redirect'
import { isCredentialsSignIn, refuseThrottledSignIn } from '../../../../lib/server/web/credentials-throttle'

type Context = { params: Promise<{ nextauth: string[] }> }

/**
 * next-auth's own endpoints (sign-in, callback, session, CSRF, sign-out); it checks its own CSRF
 * token. Email-and-password sign-ins pass the sign-in throttle first (429 when refused).
 */
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  if (isCredentialsSignIn(req.method, (await ctx.params).nextauth)) {
    const refusal = await refuseThrottledSignIn(req)
    if (refusal) return refusal
  }
  return NextAuth(withoutForeignCallbackUrl(req), ctx, getAuthOptions())
}

/**
 * next-auth answers a `?callbackUrl=` it cannot parse (`javascript:…`, `//host`) with a 500 on
 * most of its endpoints. Such a value, or one for another site, is dropped here: next-auth then
 * goes to its default, Kring's start page (lib/server/web/auth-options.ts checks the rest).
 */
function withoutForeignCallbackUrl(req: NextRequest): NextRequest {
  const callbackUrl = req.nextUrl.searchParams.get('callbackUrl')
  if (callbackUrl === null || isKringUrl(callbackUrl, getConfig().publicUrl)) return req
  const url = new URL(req.url)
  url.searchParams.delete('callbackUrl')
  return new NextRequest(new Request(url, req))
}

export { handler as GET, handler as POST }
