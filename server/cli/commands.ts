import { hashPassword } from '../../lib/server/auth/password'
import type { KringConfig } from '../../lib/server/config/env'
import { inviteToConference, revokeInvitation } from '../../lib/server/conference/invitations'
import { accountMay } from '../../lib/conference/policy'
import { restoreFromCheckpoint } from '../../lib/server/conference/board-history'
import { listCheckpoints } from '../../lib/server/db/repositories/board-checkpoints'
import { startConference } from '../../lib/server/conference/start-conference'
import { toConferenceSummary, toParticipantSummary } from '../../lib/server/conference/summaries'
import type { Db } from '../../lib/server/db/connect'
import { listAllConferences } from '../../lib/server/db/repositories/conference-admin'
import { conferenceFactsOf, findConference } from '../../lib/server/db/repositories/conferences'
import { listParticipants } from '../../lib/server/db/repositories/participants'
import { createUser, findUserByEmail } from '../../lib/server/db/repositories/users'
import { ApiError } from '../../lib/protocol/api-error'
import { deleteConference } from '../../lib/server/conference/retention/deletion'
import { sweepRetention } from '../../lib/server/conference/retention/sweep'
import type { CliCommand } from './args'

/** The audit log's actor for everything done from a shell. */
const CLI_ACTOR = 'cli'

/** Run one admin command and return what to print. Uses the same use-cases as the web app. */
export async function runCommand(db: Db, config: KringConfig, cli: CliCommand): Promise<unknown> {
  switch (cli.command) {
    case 'create-user': {
      const { email, name, role, password } = cli.options
      if (await findUserByEmail(db, email)) throw new ApiError('bad_request', `a user with email ${email} already exists`)
      const user = await createUser(db, { email, name, role, passwordHash: await hashPassword(password) })
      return { user: { id: user.id, email: user.email, name: user.name, role: user.role } }
    }
    case 'create-conference': {
      const { title, kind } = cli.options
      const user = await findUserByEmail(db, cli.options['facilitator-email'])
      if (!user) throw new ApiError('not_found', `no user with email ${cli.options['facilitator-email']}; create one with create-user`)
      if (!accountMay(user.role, 'conference.create')) throw new ApiError('forbidden', `${user.email} is a ${user.role}, not a facilitator`)
      const { date, time, place, online, child, organisation } = cli.options
      const facts = { meetingDate: date, startTime: time, place, online, children: child, facilitatorOrganisation: organisation, reviewDate: cli.options['review-date'] }
      const conference = await startConference(db, { title, kind, user, reviewsConferenceId: cli.options.reviews, facts, actor: CLI_ACTOR, retentionDays: config.retention.defaultDays })
      return {
        conference: toConferenceSummary(conference),
        facts: conferenceFactsOf(conference),
        ...(conference.reviews_conference_id ? { reviews: conference.reviews_conference_id } : {}),
        manageUrl: `${config.publicUrl}/conferences/${conference.id}`,
        boardUrl: `${config.publicUrl}/board/${conference.id}`,
      }
    }
    case 'invite': {
      const { conference: conferenceId, name, role, admission } = cli.options
      await requireConference(db, conferenceId)
      const requiresAdmission = admission === true
      const invited = await inviteToConference(db, {
        conferenceId,
        displayName: name,
        role,
        requiresAdmission,
        actor: CLI_ACTOR,
        publicUrl: config.publicUrl,
      })
      return {
        participantId: invited.participant.id,
        conferenceId,
        displayName: invited.participant.displayName,
        role: invited.participant.role,
        requiresAdmission,
        joinUrl: invited.joinUrl,
        token: invited.token,
      }
    }
    case 'revoke': {
      const { conference: conferenceId, participant: participantId } = cli.options
      await requireConference(db, conferenceId)
      return { participant: await revokeInvitation(db, { conferenceId, participantId, actor: CLI_ACTOR }) }
    }
    case 'list-conferences': {
      const conferences = await listAllConferences(db)
      return {
        conferences: conferences.map((c) => ({
          ...toConferenceSummary(c),
          facilitatorEmail: c.facilitator_email,
          activeParticipants: c.active_participants,
          retainUntil: c.retain_until,
        })),
      }
    }
    case 'list-participants': {
      await requireConference(db, cli.options.conference)
      const participants = await listParticipants(db, cli.options.conference)
      return { participants: participants.map(toParticipantSummary) }
    }
    case 'board-history': {
      await requireConference(db, cli.options.conference)
      const checkpoints = await listCheckpoints(db, cli.options.conference)
      // Participant ids, never names: list-participants says who they are.
      return { checkpoints: checkpoints.map(({ id, createdAt, reason, editors, itemCount }) => ({ id, createdAt, reason, editors, itemCount })) }
    }
    case 'board-restore': {
      const { conference: conferenceId, checkpoint, items } = cli.options
      await requireConference(db, conferenceId)
      return { restored: await restoreFromCheckpoint(db, { conferenceId, checkpointId: checkpoint, items, actor: CLI_ACTOR }) }
    }
    case 'delete-conference': {
      const conferenceId = cli.options.conference
      const deleted = await deleteConference(db, { conferenceId, actor: CLI_ACTOR, by: 'cli' })
      if (!deleted) throw new ApiError('not_found', `no conference ${conferenceId}`)
      return { deleted: { conferenceId, ...deleted } }
    }
    case 'retention-sweep': {
      return { sweep: await sweepRetention(db, { now: new Date(), auditDays: config.retention.auditDays }) }
    }
  }
}

async function requireConference(db: Db, conferenceId: string): Promise<void> {
  if (!(await findConference(db, conferenceId))) throw new ApiError('not_found', `no conference ${conferenceId}`)
}
