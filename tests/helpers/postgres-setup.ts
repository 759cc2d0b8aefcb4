/**
 * Setup of the `postgres` vitest project (vitest.config.ts): the same repository and integration
 * tests, on PostgreSQL. Every database a test opens (`:memory:` or a SQLite path) is a fresh
 * database on the server KRING_TEST_DATABASE_URL names; the same path within one test file is the
 * same database, so a test that reopens its file finds what it stored, and so do the processes it
 * starts (a server to kill -9, the CLI): DATABASE_URL in this process's environment names it.
 */
import { vi } from 'vitest'
import { freshDatabase } from './services'

vi.mock('../../lib/server/db/connect', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/server/db/connect')>()
  const server = process.env.KRING_TEST_DATABASE_URL
  if (!server) throw new Error('the postgres test project needs KRING_TEST_DATABASE_URL')
  const byPath = new Map<string, Promise<string>>()
  const urlFor = (location: string): Promise<string> => {
    if (actual.isPostgresUrl(location)) return Promise.resolve(location)
    if (location === ':memory:') return freshDatabase(server)
    let url = byPath.get(location)
    if (!url) byPath.set(location, (url = freshDatabase(server)))
    return url.then((opened) => {
      process.env.DATABASE_URL = opened
      return opened
    })
  }
  return {
    ...actual,
    openDatabase: async (location: string) => actual.openDatabase(await urlFor(location)),
  }
})
