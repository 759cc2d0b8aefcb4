import type { AckResult, MeetingError } from '../protocol/meeting'
import { isUnanswered } from './socket-messages'

/**
 * What a control remembers of a meeting request that did not go through: which of its requests,
 * the server's refusal code, and whether it went unanswered (not connected, no answer in time),
 * which people read as "you are offline" rather than as a refusal.
 */
export interface RequestFailure<A extends string> {
  action: A
  code: MeetingError['code']
  unanswered: boolean
  /** What the server said about a refusal, when it said more than a code (e.g. why a plan is not proposable). */
  details?: MeetingError['details']
}

/** The failure to show after a request's answer; null when the server said yes. */
export function requestFailure<A extends string>(action: A, result: AckResult): RequestFailure<A> | null {
  if (result.ok) return null
  const { code, details } = result.error
  return { action, code, unanswered: isUnanswered(result.error), ...(details ? { details } : {}) }
}
