import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig, type KringConfig } from '../../lib/server/config/env'
import { openDatabase, type Db } from '../../lib/server/db/connect'
import { findParticipantByToken } from '../../lib/server/db/repositories/participants'
import { verifyCredentials } from '../../lib/server/auth/sign-in'
import { parseCliArgs, type CliCommand } from '../../server/cli/args'
import { runCommand } from '../../server/cli/commands'

let db: Db
const config: KringConfig = parseConfig({ AUTH_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://kring.example.org' })

beforeEach(async () => {
  db = await openDatabase(':memory:')
})

afterEach(async () => {
  await db.destroy()
})

/** Run a command line as the CLI would (minus printing). */
function kring(argv: string[], env: Record<string, string> = {}): Promise<unknown> {
  return runCommand(db, config, parseCliArgs(argv, env) as CliCommand)
}

describe('admin CLI commands', () => {
  it('go from an empty database to a working invitation link', async () => {
    const created = (await kring(['create-user', '--email', 'fenna@example.org', '--name', 'Fenna'], { KRING_PASSWORD: 'geheim-wachtwoord-1' })) as { user: { id: string; role: string } }
    expect(created.user.role).toBe('facilitator')
    await expect(verifyCredentials(db, { email: 'fenna@example.org', password: 'geheim-wachtwoord-1' })).resolves.toMatchObject({ id: created.user.id })

    const { conference, manageUrl } = (await kring(['create-conference', '--title', 'Familie de Vries', '--facilitator-email', 'fenna@example.org'])) as {
      conference: { id: string; kind: string }
      manageUrl: string
    }
    expect(conference.kind).toBe('familiegroepsplan')
    expect(manageUrl).toBe(`https://kring.example.org/conferences/${conference.id}`)

    const invite = (await kring(['invite', '--conference', conference.id, '--name', 'Tante Amira', '--role', 'network'])) as {
      participantId: string
      joinUrl: string
      token: string
    }
    expect(invite.joinUrl).toBe(`https://kring.example.org/join/${invite.token}`)
    expect((await findParticipantByToken(db, invite.token))?.id).toBe(invite.participantId)

    const revoked = (await kring(['revoke', '--conference', conference.id, '--participant', invite.participantId])) as { participant: { status: string } }
    expect(revoked.participant.status).toBe('revoked')

    const { participants } = (await kring(['list-participants', '--conference', conference.id])) as { participants: { role: string; status: string }[] }
    expect(participants.map((p) => [p.role, p.status])).toEqual([
      ['facilitator', 'active'],
      ['network', 'revoked'],
    ])
    const { conferences } = (await kring(['list-conferences'])) as { conferences: { id: string; facilitatorEmail: string; activeParticipants: number }[] }
    expect(conferences).toMatchObject([{ id: conference.id, facilitatorEmail: 'fenna@example.org', activeParticipants: 1 }])
  })

  it('create a conference with its case-file facts', async () => {
    await kring(['create-user', '--email', 'fenna@example.org', '--name', 'Fenna'], { KRING_PASSWORD: 'geheim-wachtwoord-1' })
    const argv = ['create-conference', '--title', 'Plan voor Sam (12)', '--facilitator-email', 'fenna@example.org']
    const { facts } = (await kring([
      ...argv,
      ...['--date', '2026-03-03', '--time', '10:30', '--place', 'Buurthuis De Kring', '--online'],
      ...['--child', 'Sam:12', '--child', 'Noor:9', '--organisation', 'Eigen Kracht Centrale', '--review-date', '2026-04-14'],
    ])) as { facts: unknown }
    expect(facts).toEqual({
      meetingDate: '2026-03-03',
      startTime: '10:30',
      durationMinutes: null,
      place: 'Buurthuis De Kring',
      online: true,
      children: [
        { firstName: 'Sam', age: 12 },
        { firstName: 'Noor', age: 9 },
      ],
      facilitatorOrganisation: 'Eigen Kracht Centrale',
      reviewDate: '2026-04-14',
    })
    expect(() => parseCliArgs([...argv, '--child', 'Sam'])).toThrow(/--child/)
    expect(() => parseCliArgs([...argv, '--child', 'Sam:26'])).toThrow(/--child/)
    expect(() => parseCliArgs([...argv, '--date', '3-3-2026'])).toThrow(/--date/)
  })

  it('refuse a duplicate user, an unknown facilitator, a professional as facilitator and an unknown conference', async () => {
    await kring(['create-user', '--email', 'jan@example.org', '--name', 'Jan', '--role', 'professional', '--password', 'geheim-wachtwoord-1'])
    await expect(kring(['create-user', '--email', 'JAN@example.org', '--name', 'Jan', '--password', 'geheim-wachtwoord-1'])).rejects.toMatchObject({ code: 'bad_request' })
    await expect(kring(['create-conference', '--title', 'T', '--facilitator-email', 'nobody@example.org'])).rejects.toMatchObject({ code: 'not_found' })
    await expect(kring(['create-conference', '--title', 'T', '--facilitator-email', 'jan@example.org'])).rejects.toMatchObject({ code: 'forbidden' })
    await expect(kring(['invite', '--conference', 'doesNotExist123', '--name', 'X', '--role', 'family'])).rejects.toMatchObject({ code: 'not_found' })
  })
})
