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
}

/** The failure to show after a request's answer; null when the server said yes. */
export function requestFailure<A extends string>(action: A, result: AckResult): RequestFailure<A> | null {
  if (result.ok) return null
  return { action, code: result.error.code, unanswered: isUnanswered(result.error) }
}
