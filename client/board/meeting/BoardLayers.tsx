'use client'

import type { ParticipantRole } from '@/lib/conference/model'
import type { PolicyContext } from '@/lib/conference/policy'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import type { RosterMessage } from '@/lib/protocol/meeting'
import { FacilitationLayer } from '../facilitation/FacilitationLayer'
import type { KnownPhase } from '../facilitation/shared'
import { ReadOnlyMode } from './ReadOnlyMode'

export interface BoardLayersProps {
  readOnly: boolean
  facilitation: FacilitationClient | null
  me: { participantId: string; role: ParticipantRole }
  phase: KnownPhase
  context: PolicyContext
  roster: RosterMessage | null
}

/**
 * What the meeting puts inside <Tldraw> (they need the editor): read-only mode, and the
 * facilitation tools (hands, follow me, timer, spotlight). The header shows the phase countdown;
 * the tools' bar has only the facilitator's controls to set it.
 */
export function BoardLayers({ readOnly, facilitation, me, phase, context, roster }: BoardLayersProps) {
  return (
    <>
      <ReadOnlyMode readOnly={readOnly} />
      <FacilitationLayer facilitation={facilitation} me={me} phase={phase} context={context} roster={roster} />
    </>
  )
}
