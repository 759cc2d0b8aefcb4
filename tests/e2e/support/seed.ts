import { join } from 'node:path'
import { openDatabase, type Db } from '../../../lib/server/db/connect'
import { seedUser } from '../../../lib/server/db/seed'
import { E2E_DATA_DIR } from './env'

/** Opens the e2e server's own SQLite file (WAL lets the test and the server share it). */
export async function openE2eDatabase(): Promise<Db> {
  return openDatabase(join(E2E_DATA_DIR, 'kring.sqlite'))
}

/** A facilitator account made the way the CLI makes one. Unique per test so tests stay independent. */
export async function createFacilitator(db: Db, name = 'Fenna de Gespreksleider') {
  const email = `fenna-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`
  const password = 'correct horse battery staple'
  await seedUser(db, { email, name, role: 'facilitator', password })
  return { email, password, name }
}
