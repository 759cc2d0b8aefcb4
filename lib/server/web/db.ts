import { getConfig } from '@/lib/server/config/env'
import { getSharedDatabase, type Db } from '@/lib/server/db/connect'

/** The process-wide database (the server opened it already; `next dev` alone opens it here). */
export function getDb(): Promise<Db> {
  return getSharedDatabase(getConfig().database)
}
