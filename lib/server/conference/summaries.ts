import type { Db } from '../db/connect'
import { isLocale } from '../../i18n/locales'
import { listHomeConferences, type HomeConferenceRow } from '../db/repositories/home-conferences'
import type { Conference, Participant } from '../db/schema'
import type { ConferenceSummary, ParticipantSummary } from '../../protocol/api'

/** Database rows → the shapes the API and the pages show (no token hashes, no user ids). */
export function toConferenceSummary(conference: Conference): ConferenceSummary {
  return {
    id: conference.id,
    title: conference.title,
    kind: conference.kind,
    phase: conference.phase,
    createdAt: conference.created_at,
  }
}

export function toParticipantSummary(participant: Participant): ParticipantSummary {
  return {
    id: participant.id,
    displayName: participant.display_name,
    role: participant.role,
    status: participant.revoked_at ? 'revoked' : 'active',
    createdAt: participant.created_at,
    openedAt: participant.opened_at ?? null,
    joinedAt: participant.joined_at ?? null,
    lastSeenAt: participant.last_seen_at ?? null,
    locale: isLocale(participant.locale) ? participant.locale : null,
  }
}

/** One conference on an account's home page: what it is, where it stands, and how the account is connected to it. */
export interface HomeConference {
  id: string
  title: string
  kind: Conference['kind']
  phase: Conference['phase']
  /** The date to show: the meeting's (when a conference has one), else the day it was created. */
  date: { kind: 'created'; at: string }
  latestVersion: number | null
  /** Why it is on the home page, most telling first: created it, takes part, exported from it. */
  relation: 'created' | 'invited' | 'exported'
}

export function toHomeConference(row: HomeConferenceRow): HomeConference {
  const { conference } = row
  return {
    id: conference.id,
    title: conference.title,
    kind: conference.kind,
    phase: conference.phase,
    date: { kind: 'created', at: conference.created_at },
    latestVersion: row.latestVersion,
    relation: row.created ? 'created' : row.invited ? 'invited' : 'exported',
  }
}

/** The home page's list for a signed-in account (see listHomeConferences), newest first. */
export async function homeConferencesOf(db: Db, userId: string): Promise<HomeConference[]> {
  return (await listHomeConferences(db, userId)).map(toHomeConference)
}
