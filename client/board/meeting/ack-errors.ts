import type { MessageKey } from '@/lib/i18n'
import type { AckResult } from '@/lib/protocol/meeting'

/** The sentence for a refused meeting request, or null when it went through. */
export function ackErrorKey(result: AckResult): MessageKey | null {
  if (result.ok) return null
  switch (result.error.code) {
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
