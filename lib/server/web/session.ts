import { getServerSession } from 'next-auth'
import { z } from 'zod'
import { findUserById } from '@/lib/server/db/repositories/users'
import type { User } from '@/lib/server/db/schema'
import { ApiError } from '@/lib/protocol/api-error'
import { getAuthOptions } from './auth-options'
import { getDb } from './db'

const SessionShape = z.object({ user: z.object({ id: z.string().min(1).max(64) }) })

/** The signed-in account, fresh from the database; null when nobody is signed in. */
export async function getSignedInUser(): Promise<User | null> {
  const session = SessionShape.safeParse(await getServerSession(getAuthOptions()))
  if (!session.success) return null
  return (await findUserById(await getDb(), session.data.user.id)) ?? null
}

/** For route handlers: the signed-in account, or a 401. */
export async function requireSignedInUser(): Promise<User> {
  const user = await getSignedInUser()
  if (!user) throw new ApiError('unauthenticated', 'sign in first')
  return user
}
