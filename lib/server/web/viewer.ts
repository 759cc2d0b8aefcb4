import { cookies } from 'next/headers'
import { findViewer } from '@/lib/server/conference/find-viewer'
import { invitationCookieName } from '@/lib/conference/join-link'
import type { Db } from '@/lib/server/db/connect'
import type { Conference, Participant, User } from '@/lib/server/db/schema'
import { getDb } from './db'
import { getSignedInUser } from './session'

/** Who is looking at one conference: their participant row and the conference, as they are now. */
export interface Viewer {
  /** The signed-in account, if any (someone with only an invitation has none). */
  user: User | null
  participant: Participant
  conference: Conference
  db: Db
}

export type ViewerResolution =
  | { ok: true; viewer: Viewer }
  /** See lib/server/conference/viewer-access.ts `ViewerLookup` for what each reason covers. */
  | { ok: false; reason: 'unauthenticated' | 'forbidden'; user: User | null }

/**
 * The one place a request's credentials for a conference are read, for every route handler and
 * every page that shows anything of a conference: the session's account, else this conference's
 * invitation cookie. It says who is looking, nothing more; what they may see or do is then asked
 * of the gate (lib/conference/gate.ts `decide`), by ./route-viewer.ts for routes and
 * ./page-viewer.ts for pages. `conferenceId` must already be a well-formed id.
 */
export async function resolveViewer(conferenceId: string): Promise<ViewerResolution> {
  const user = await getSignedInUser()
  const invitationToken = (await cookies()).get(invitationCookieName(conferenceId))?.value
  const db = await getDb()
  const found = await findViewer(db, conferenceId, { userId: user?.id, invitationToken })
  if (!found.ok) return { ok: false, reason: found.reason, user }
  return { ok: true, viewer: { user, participant: found.participant, conference: found.conference, db } }
}
