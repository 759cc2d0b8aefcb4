import type { PolicyAction } from '../../lib/conference/policy'
import type { ClientToServerEvents } from '../../lib/protocol/meeting'

/**
 * The policy action every client request needs: the one table the meeting plane authorizes by
 * (server/meeting/requests.ts asks the gate with it before any handler runs). Typed as a record
 * over every client event, so a new event does not compile until it names its action.
 */
export const REQUEST_ACTIONS = {
  // Which layout one's own device shows: anyone in the meeting.
  'device:set': 'meeting.read',

  'plan:propose': 'plan.propose',
  // Taking the proposal back and recording a spoken yes belong to whoever may propose.
  'plan:withdraw': 'plan.propose',
  'plan:confirm-for': 'plan.propose',
  'plan:confirm': 'plan.confirm',

  'phase:set': 'phase.change',
  'private-time:end': 'privateTime.end',
  'settings:set': 'settings.write',
  'lobby:admit': 'participants.manage',
  'lobby:decline': 'participants.manage',
  'participant:remove': 'participants.manage',
  'participant:set-role': 'participants.manage',

  // Lowering one's own hand is the other half of raising it.
  'hand:raise': 'hand.raise',
  'hand:lower': 'hand.raise',
  'hand:clear': 'hand.clear',
  'follow:start': 'facilitation.lead',
  'follow:viewport': 'facilitation.lead',
  'follow:stop': 'facilitation.lead',
  'timer:set': 'facilitation.lead',
  'spotlight:set': 'facilitation.lead',
} as const satisfies Record<keyof ClientToServerEvents, PolicyAction>

export type RequestName = keyof typeof REQUEST_ACTIONS
