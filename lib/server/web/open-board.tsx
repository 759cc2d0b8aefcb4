import { resolvePageViewer } from '@/lib/server/web/page-viewer'
import { getConfig, type KringConfig } from '@/lib/server/config/env'
import { issueBoardTicket } from '@/lib/server/conference/find-viewer'
import { mayKnock } from '@/lib/conference/gate'
import { decide } from '@/lib/conference/gate'
import type { ParticipantRole } from '@/lib/conference/model'
import type { Conference, Participant } from '@/lib/server/db/schema'

/** What a page about one board (the board, its plan view) shows to whoever is looking. */
export type BoardOpening =
  /** Let in (on the board, or in the waiting room during private family time): the page itself, with a socket ticket. */
  | { kind: 'open'; conference: Conference; participant: Participant; ticket: string; config: KringConfig }
  /**
   * Waiting to be let in (or back after being removed with the invitation kept): a ticket to knock
   * with on the meeting socket, and nothing of the conference, not even its title.
   */
  | { kind: 'knocking'; conferenceId: string; me: { role: ParticipantRole }; ticket: string; config: KringConfig }
  /** Nothing here: a credential that opens nothing (`board`), or declined at the lobby (`declined`). */
  | { kind: 'refused'; reason: 'board' | 'declined' }

/**
 * The server side of every page about one board: who is looking (lib/server/web/page-viewer.ts: the
 * one resolution; no credential at all is sent to sign in and brought back to `returnTo`) and the
 * gate's answer. Whoever is admitted may see the conference (`conference.read`); whoever may only
 * knock gets a ticket for the lobby; everyone else a neutral notice.
 */
export async function openBoard(conferenceId: string, returnTo: string): Promise<BoardOpening> {
  const viewer = await resolvePageViewer(conferenceId, returnTo)
  if (!viewer) return { kind: 'refused', reason: 'board' }
  const { conference, participant } = viewer
  const config = getConfig()
  const ticketFor = () => issueBoardTicket(config.authSecret, participant, config.ticketTtlSeconds).ticket
  const decision = decide(participant, conference, 'conference.read')
  if (decision.ok) return { kind: 'open', conference, participant, ticket: ticketFor(), config }
  if (mayKnock(participant, conference)) return { kind: 'knocking', conferenceId: conference.id, me: { role: participant.role }, ticket: ticketFor(), config }
  return { kind: 'refused', reason: decision.state === 'declined' ? 'declined' : 'board' }
}
