import type { MessageKey } from '@/lib/i18n'
import type { RequestFailure } from '@/lib/meeting/request-outcome'

/** The sentence for a refused meeting-control request (an unanswered one reads as unavailable). */
export function ackErrorKey(failure: RequestFailure<string>): MessageKey {
  switch (failure.code) {
    case 'forbidden':
      return 'meeting.error.forbidden'
    case 'conflict':
      return 'meeting.error.conflict'
    case 'not_found':
      return 'meeting.error.notFound'
    case 'bad_request':
      return 'meeting.error.badRequest'
    case 'server_error':
      return 'meeting.error.unavailable'
    // Only proposing the plan is refused this way; the agreement bar says more than this.
    case 'not_proposable':
    case 'warnings_changed':
      return 'meeting.error.conflict'
  }
}
