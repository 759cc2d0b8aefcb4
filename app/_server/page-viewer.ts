import { cookies } from 'next/headers'
import { notFound } from 'next/navigation'
import { resolveBoardAccess, type BoardAccess } from '@/lib/conference/access'
import { invitationCookieName } from '@/lib/conference/join-link'
import { ConferenceId } from '@/lib/conference/model'
import type { Db } from '@/lib/db/connect'
import type { User } from '@/lib/db/schema'
import { getDb } from './db'
import { getSignedInUser } from './session'

/**
 * Who is looking at a page about one conference: the signed-in user (if any) and their access to
 * it (a participant row of theirs, else this conference's invitation cookie). A malformed id is
 * "not found". Each page then decides with the policy what this person may see.
 */
export async function resolvePageViewer(conferenceId: string): Promise<{ user: User | null; access: BoardAccess; db: Db }> {
  if (!ConferenceId.safeParse(conferenceId).success) notFound()
  const user = await getSignedInUser()
  const invitationToken = (await cookies()).get(invitationCookieName(conferenceId))?.value
  const db = await getDb()
  const access = await resolveBoardAccess(db, conferenceId, { userId: user?.id, invitationToken })
  return { user, access, db }
}
