import { z } from 'zod'

/** The kinds of conference Kring lays out a board for (see DOMAIN.md). */
export const conferenceKinds = ['familiegroepsplan', 'veiligheidsplan', 'netwerkkaart', 'evaluatie'] as const
export const ConferenceKind = z.enum(conferenceKinds)
export type ConferenceKind = z.infer<typeof ConferenceKind>

/** Phases of a family group conference, in order. */
export const conferencePhases = ['voorbereiding', 'informatie', 'besloten_deel', 'plan_en_afspraken', 'afgesloten'] as const
export const ConferencePhase = z.enum(conferencePhases)
export type ConferencePhase = z.infer<typeof ConferencePhase>

/** Roles at the table. The facilitator is created with the conference; the others are invited. */
/** An observer (e.g. a trainee or a second coordinator) only reads. */
export const participantRoles = ['facilitator', 'family', 'child', 'network', 'professional', 'observer'] as const
export const ParticipantRole = z.enum(participantRoles)
export type ParticipantRole = z.infer<typeof ParticipantRole>

/** Roles a facilitator can hand out with an invitation. */
export const invitableRoles = ['family', 'child', 'network', 'professional', 'observer'] as const
export const InvitableRole = z.enum(invitableRoles)
export type InvitableRole = z.infer<typeof InvitableRole>

/** Accounts: people who sign in (next-auth). Everyone else joins by invitation link. */
export const userRoles = ['facilitator', 'professional'] as const
export const UserRole = z.enum(userRoles)
export type UserRole = z.infer<typeof UserRole>

export const ConferenceId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a conference id')

export const DisplayName = z.string().trim().min(1).max(80)
export const ConferenceTitle = z.string().trim().min(1).max(120)

export const Device = z.enum(['phone', 'desktop'])
export type Device = z.infer<typeof Device>

/** Where someone whose invitation needs admission stands at the lobby (stored on the participant). */
export type AdmissionState = 'waiting' | 'admitted' | 'declined'
