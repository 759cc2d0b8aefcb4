import { z } from 'zod'
import { INVITE_TOKEN_PATTERN } from './invite-token'
import { locales } from '../i18n/locales'
import {
  ConferenceId,
  ConferenceKind,
  ConferencePhase,
  ConferenceTitle,
  DisplayName,
  InvitableRole,
  ParticipantRole,
} from '../conference/model'
import { ConferenceFacts } from '../conference/facts'

/**
 * Requests and responses of every route handler under app/api (next-auth's own routes aside).
 * Requests are strict objects: an unknown field is a mistake, not something to ignore.
 * The browser code and the tests use the same schemas as the handlers.
 */

export const ParticipantId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a participant id')
export const InviteToken = z.string().regex(INVITE_TOKEN_PATTERN, 'not an invitation token')

/** A path inside Kring to return to: starts with one slash, never `//host` or `/\host`. */
export const SafeReturnPath = z
  .string()
  .max(512)
  .regex(/^\/(?![/\\])[^\s]*$/, 'not a local path')

// ---- shapes shared by responses -------------------------------------------------------

export const ConferenceSummary = z.object({
  id: ConferenceId,
  title: z.string(),
  kind: ConferenceKind,
  phase: ConferencePhase,
  createdAt: z.string(),
})
export type ConferenceSummary = z.infer<typeof ConferenceSummary>

export const InvitationStatus = z.enum(['active', 'revoked'])
export type InvitationStatus = z.infer<typeof InvitationStatus>

export const ParticipantSummary = z.object({
  id: ParticipantId,
  displayName: z.string(),
  role: ParticipantRole,
  status: InvitationStatus,
  createdAt: z.string(),
  /** Whether the invitation reached its person: first opened, first in the meeting, last seen (ISO; null = not yet). */
  openedAt: z.string().nullable(),
  joinedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  /** The language the invitation opens in; null: not chosen (Dutch). */
  locale: z.enum(locales).nullable().optional(),
})
export type ParticipantSummary = z.infer<typeof ParticipantSummary>

// ---- POST /api/conferences ------------------------------------------------------------

export const CreateConferenceRequest = z.strictObject({
  title: ConferenceTitle,
  kind: ConferenceKind,
  /** For an evaluatie: the earlier conference (of the same facilitator, with an agreed plan) it reviews. */
  reviewsConferenceId: ConferenceId.optional(),
  /** Date, time and place, the children, the facilitator's organisation, the review date (all optional). */
  facts: ConferenceFacts.optional(),
})
export type CreateConferenceRequest = z.infer<typeof CreateConferenceRequest>
export const CreateConferenceResponse = z.object({ conference: ConferenceSummary })
export type CreateConferenceResponse = z.infer<typeof CreateConferenceResponse>

// ---- GET and PATCH /api/conferences/[id] (the conference's case-file facts) ---------------

/** The facilitator replaces the facts as a whole (the form sends every field). */
export const UpdateConferenceFactsRequest = z.strictObject({ facts: ConferenceFacts })
export type UpdateConferenceFactsRequest = z.input<typeof UpdateConferenceFactsRequest>
export const ConferenceFactsResponse = z.object({ facts: ConferenceFacts })
export type ConferenceFactsResponse = z.output<typeof ConferenceFactsResponse>

// ---- POST /api/conferences/[id]/invitations --------------------------------------------
// ---- POST /api/conferences/[id]/invitations/[participantId]/reissue (a new link) --------

export const InviteRequest = z.strictObject({
  displayName: DisplayName,
  role: InvitableRole,
  /** The person waits in the lobby until the facilitator lets them in (default: straight in). */
  requiresAdmission: z.boolean().optional(),
  /** The language the join page, the board and the plan open in for this person (default Dutch). */
  locale: z.enum(locales).optional(),
})
export type InviteRequest = z.infer<typeof InviteRequest>
/** The raw token and the link are in this response only; the database keeps a hash. */
/** A fresh invitation as a message to send on and a calendar file, in the invitee's language. */
export const InvitationShare = z.object({
  locale: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The meeting as an .ics file; null while the meeting has no date. */
  calendar: z.string().nullable(),
})
export type InvitationShare = z.infer<typeof InvitationShare>

export const InviteResponse = z.object({
  participant: ParticipantSummary,
  joinUrl: z.url(),
  token: InviteToken,
  /**
   * The message and calendar file in every language Kring speaks (the facilitator picks the
   * invitee's), made by the web app, not the CLI: see lib/server/conference/invitation-share.
   */
  shares: z.array(InvitationShare).max(10).optional(),
})
export type InviteResponse = z.infer<typeof InviteResponse>

// ---- DELETE /api/conferences/[id]/invitations/[participantId] ---------------------------

export const RevokeResponse = z.object({ participant: ParticipantSummary })
export type RevokeResponse = z.infer<typeof RevokeResponse>

// ---- POST /api/conferences/[id]/ticket ------------------------------------------------

export const TicketResponse = z.object({ ticket: z.string().min(1), expiresAt: z.iso.datetime() })
export type TicketResponse = z.infer<typeof TicketResponse>

// ---- POST /api/join (HTML form) ------------------------------------------------------

export const JoinForm = z.strictObject({
  token: InviteToken,
  /** Where to go after the cookie is set: the board (default) or, after the plan is agreed, one's own agreements. */
  next: z.enum(['board', 'my-agreements']).optional(),
})
export type JoinForm = z.infer<typeof JoinForm>

// ---- POST /api/locale (HTML form or JSON) ----------------------------------------------

export const LocaleRequest = z.strictObject({
  locale: z.enum(locales),
  returnTo: SafeReturnPath.optional(),
})
export type LocaleRequest = z.infer<typeof LocaleRequest>
export const LocaleResponse = z.object({ locale: z.enum(locales) })

// ---- path parameters ------------------------------------------------------------------

export const ConferenceParams = z.object({ id: ConferenceId })
export const ParticipantParams = z.object({ id: ConferenceId, participantId: ParticipantId })
