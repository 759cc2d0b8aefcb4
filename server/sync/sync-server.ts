// Placeholder until the sync server lands (same session); keeps the composition root compiling.
import type { ServerDeps, SyncServer } from '../types'
export function createSyncServer(_deps: ServerDeps): SyncServer {
  throw new Error('sync server not built yet')
}
