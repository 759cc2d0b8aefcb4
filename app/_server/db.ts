import { getConfig } from '@/lib/config/env'
import { getSharedDatabase, type Db } from '@/lib/db/connect'

/** The process-wide database (the server opened it already; `next dev` alone opens it here). */
export function getDb(): Promise<Db> {
  return getSharedDatabase(getConfig().sqlitePath)
}
