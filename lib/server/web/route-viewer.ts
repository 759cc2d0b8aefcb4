import { decide } from '@/lib/conference/gate'
import type { PolicyAction } from '@/lib/conference/policy'
import { ApiError } from '@/lib/protocol/api-error'
import { resolveViewer, type Viewer } from './viewer'

/**
 * For route handlers: who is asking (./viewer.ts). No credential is 401; a credential that opens
 * nothing here (no participant row, an unknown, revoked or foreign invitation, an unknown
 * conference) is 403, so a conference id alone reveals nothing.
 */
export async function requireViewer(conferenceId: string): Promise<Viewer> {
  const resolution = await resolveViewer(conferenceId)
  if (resolution.ok) return resolution.viewer
  if (resolution.reason === 'unauthenticated') throw new ApiError('unauthenticated', 'open your invitation link or sign in')
  throw new ApiError('forbidden', 'no access to this conference')
}

/**
 * For route handlers: who is asking, and the gate's yes to `action` now. Someone not let in (lobby,
 * declined, removed) or whom the policy refuses in this phase gets 403, the same answer as a
 * stranger's apart from the message.
 */
export async function requireViewerAllowedTo(conferenceId: string, action: PolicyAction): Promise<Viewer> {
  const viewer = await requireViewer(conferenceId)
  refuseUnlessAllowed(viewer, action)
  return viewer
}

function refuseUnlessAllowed(viewer: Pick<Viewer, 'participant' | 'conference'>, action: PolicyAction): void {
  const decision = decide(viewer.participant, viewer.conference, action)
  if (decision.ok) return
  throw new ApiError('forbidden', decision.because === 'not-admitted' ? 'you have not been let in' : 'not allowed now')
}
