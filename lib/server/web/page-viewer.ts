import { notFound, redirect } from 'next/navigation'
import { ConferenceId } from '@/lib/conference/model'
import { resolveViewer, type Viewer } from './viewer'

/**
 * For pages about one conference: who is looking (./viewer.ts). A malformed id is "not found";
 * without any credential the person is sent to sign in and brought back to `returnTo`; with a
 * credential that opens nothing here the answer is null, and the page shows a neutral notice
 * (lib/server/web/views/NoAccessNotice.tsx) with nothing of the conference. Each page then asks the gate
 * (lib/conference/gate.ts) what this person may see.
 */
export async function resolvePageViewer(conferenceId: string, returnTo: string): Promise<Viewer | null> {
  if (!ConferenceId.safeParse(conferenceId).success) notFound()
  const resolution = await resolveViewer(conferenceId)
  if (resolution.ok) return resolution.viewer
  if (resolution.reason === 'unauthenticated') redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`)
  return null
}
