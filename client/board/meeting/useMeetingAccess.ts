'use client'

import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import { isPresent, type PolicyContext } from '@/lib/conference/policy'
import type { AccessLoss } from '../session/ticket-source'
import type { MeetingState, MeetingView } from '../session/useMeeting'
import { accessReducer, accessStateOutcome, boardOpen, forbiddenOutcome, initialAccessView, probeDelayMs, type AccessView } from './access-place'

// How long the board waits for the meeting to say where this person stands before opening anyway
// (the sync server decides on its own too, and sends nothing of the board to someone who must wait).
const WAIT_FOR_MEETING_MS = 2_500

export interface MeetingAccess {
  view: AccessView
  /** The sync connection and the canvas may be open now. */
  boardOpen: boolean
  /** Hand every 4403 (sync or meeting) here, with its close reason. */
  onForbidden(reason: string): void
  dismissNotice(): void
}

/**
 * Where this person stands (on the board, in the waiting room, in the lobby) from everything the
 * two servers say: `access:state`, the phase and settings with my current role (the policy, only to
 * move the screen early: the servers enforce), the end of private time, and 4403 close reasons.
 * "Out" reasons go to `onAccessLost`.
 */
export function useMeetingAccess(options: {
  meeting: Pick<MeetingView, 'access' | 'privateTimeEnded'> & { state: MeetingState }
  /** My role now (a role change counts at once). */
  role: ParticipantRole
  /** The phase now, or null until the meeting says. */
  phase: ConferencePhase | null
  context: PolicyContext
  onAccessLost(loss: AccessLoss): void
}): MeetingAccess {
  const { meeting, role, phase, context, onAccessLost } = options
  const [view, dispatch] = useReducer(accessReducer, initialAccessView)

  const present = phase ? isPresent(role, phase, context) : null

  // Stable, so handing it to the sockets never reconnects them; it reads the latest presence.
  const presentNow = useRef(present)
  useEffect(() => {
    presentNow.current = present
  }, [present])
  const onForbidden = useCallback(
    (reason: string) => {
      const outcome = forbiddenOutcome(reason)
      if (outcome.kind === 'out') onAccessLost(outcome.loss)
      else dispatch({ type: 'refused', place: outcome.place, present: presentNow.current })
    },
    [onAccessLost],
  )

  useEffect(() => {
    if (!meeting.access) return
    const outcome = accessStateOutcome(meeting.access.state)
    if (outcome.kind === 'out') onAccessLost(outcome.loss)
    else dispatch({ type: 'access', place: outcome.place })
  }, [meeting.access, onAccessLost])

  useEffect(() => {
    if (present !== null) dispatch({ type: 'presence', present })
  }, [present])

  // Only a new end of private time counts, not a later change of role: the role is read, not watched.
  const roleNow = useRef(role)
  useEffect(() => {
    roleNow.current = role
  }, [role])
  const ended = meeting.privateTimeEnded
  useEffect(() => {
    // Private time ends in plan en afspraken: whether I belong on the board then.
    if (ended) dispatch({ type: 'private-time-ended', present: isPresent(roleNow.current, 'plan_en_afspraken') })
  }, [ended])

  // The meeting cannot tell us (down, refused): do not keep the board closed because of it.
  const meetingDown = meeting.state === 'unavailable'
  useEffect(() => {
    if (view.decided) return
    const timer = setTimeout(() => dispatch({ type: 'stop-waiting' }), meetingDown ? 0 : WAIT_FOR_MEETING_MS)
    return () => clearTimeout(timer)
  }, [view.decided, meetingDown])

  // The sync server said "private time" while the phase says I belong on the board: try again, backing off.
  useEffect(() => {
    if (view.place !== 'waiting-room' || view.probes === 0 || present !== true) return
    const timer = setTimeout(() => dispatch({ type: 'probe' }), probeDelayMs(view.probes))
    return () => clearTimeout(timer)
  }, [view.place, view.probes, present])

  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss-notice' }), [])
  return { view, boardOpen: boardOpen(view), onForbidden, dismissNotice }
}
