import type { AccessConference, AccessSubject } from '@/lib/conference/access-state'
import { permits } from '@/lib/conference/gate'

/** What the conference page shows to one person, each part decided by the gate. */
export interface ConferencePageSections {
  /** The frozen versions (who agreed when): `versions.read`. */
  versions: boolean
  /** The download buttons of each version: `plan.export`. */
  exports: boolean
  /** Inviting people, the list of invitations: `invitations.manage`. */
  invitations: boolean
  /** The link to the audit log: `audit.read`. */
  audit: boolean
}

/**
 * The conference page's parts for this person, or null when the gate does not let them see the
 * conference at all (`conference.read`: not let in from the lobby, declined, removed): then the
 * page shows a neutral notice and nothing of the conference.
 */
export function conferencePageSections(person: AccessSubject, conference: AccessConference): ConferencePageSections | null {
  if (!permits(person, conference, 'conference.read')) return null
  return {
    versions: permits(person, conference, 'versions.read'),
    exports: permits(person, conference, 'plan.export'),
    invitations: permits(person, conference, 'invitations.manage'),
    audit: permits(person, conference, 'audit.read'),
  }
}
