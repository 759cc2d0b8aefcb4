/**
 * Seeds SEED_ROOMS conferences, each with the base board and SEED_PARTICIPANTS invitations, into
 * DATA_DIR, through the server code of the tree this file sits in (a benchmark copies it into an
 * older tree to seed that one's database with that one's migrations). Prints one JSON line:
 * { rooms: [{ conferenceId, tokens, participantIds }] }.
 */
import { join } from 'node:path'
import { openDatabase } from '../../lib/server/db/connect'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { seedBaseBoard } from '../../tests/helpers/board-records'

const roomCount = Number(process.env.SEED_ROOMS ?? '1')
const participants = Number(process.env.SEED_PARTICIPANTS ?? '10')
const db = await openDatabase(join(process.env.DATA_DIR!, 'kring.sqlite'))
const user = await seedUser(db, { email: 'bench@example.org', name: 'Bench Facilitator' })
const rooms: { conferenceId: string; tokens: string[]; participantIds: string[] }[] = []
for (let r = 0; r < roomCount; r++) {
  const { conference } = await seedConference(db, { facilitator: user, title: `Bench ${r}` })
  await seedBaseBoard(db, conference.id)
  const tokens: string[] = []
  const participantIds: string[] = []
  for (let i = 0; i < participants; i++) {
    const { token, participant } = await seedInvitation(db, { conferenceId: conference.id, displayName: `Deelnemer ${i}`, role: i === 0 ? 'family' : 'network' })
    tokens.push(token)
    participantIds.push(participant.id)
  }
  rooms.push({ conferenceId: conference.id, tokens, participantIds })
}
await db.destroy()
process.stdout.write(`${JSON.stringify({ rooms })}\n`)
