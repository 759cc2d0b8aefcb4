import NextAuth from 'next-auth'
import type { NextRequest } from 'next/server'
import { getAuthOptions } from '@/app/_auth/options'

/** next-auth's own endpoints (sign-in, callback, session, CSRF, sign-out); it checks its own CSRF token. */
function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(req, ctx, getAuthOptions())
}

export { handler as GET, handler as POST }
