/**
 * Seeds a conference with a board and invitations into DATA_DIR, through the server code of the
 * tree this file sits in (the benchmark copies it into an older tree to seed that one's database
 * with that one's migrations). Prints one JSON line: { conferenceId, tokens, participantIds }.
 */
import { join } from 'node:path'
import { openDatabase } from '../../lib/server/db/connect'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { seedBaseBoard } from '../../tests/helpers/board-records'

const count = Number(process.env.SEED_PARTICIPANTS ?? '12')
const db = await openDatabase(join(process.env.DATA_DIR!, 'kring.sqlite'))
const user = await seedUser(db, { email: 'bench@example.org', name: 'Bench Facilitator' })
const { conference } = await seedConference(db, { facilitator: user, title: 'Bench' })
await seedBaseBoard(db, conference.id)
const tokens: string[] = []
const participantIds: string[] = []
for (let i = 0; i < count; i++) {
  const { token, participant } = await seedInvitation(db, { conferenceId: conference.id, displayName: `Deelnemer ${i}`, role: i === 0 ? 'family' : 'network' })
  tokens.push(token)
  participantIds.push(participant.id)
}
await db.destroy()
process.stdout.write(`${JSON.stringify({ conferenceId: conference.id, tokens, participantIds })}\n`)
