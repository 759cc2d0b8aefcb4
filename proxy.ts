import { NextResponse, type NextRequest } from 'next/server'
import { getConfig } from '@/lib/server/config/env'
import { contentSecurityPolicy, createNonce } from '@/lib/server/http/content-security-policy'

/**
 * Runs before every page: a fresh CSP nonce per request (lib/server/http/content-security-policy.ts).
 * Next reads the policy from the request headers and puts the nonce on its scripts; the browser
 * gets the same policy on the response. Pages are rendered per request anyway (the root layout
 * reads the language cookie), so every page can carry its own nonce.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce()
  const policy = contentSecurityPolicy({
    nonce,
    publicUrl: getConfig().publicUrl,
    // The development server's React rebuilds error stacks with eval.
    dev: process.env.NODE_ENV !== 'production',
  })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('Content-Security-Policy', policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', policy)
  return response
}

export const config = {
  matcher: [
    {
      // Pages only: not the API (JSON; exports carry their own sandboxing policy), not static files.
      source: '/((?!api/|_next/static|_next/image|tldraw-assets/|light/|favicon.ico).*)',
      // Prefetches are not rendered as pages.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
}
