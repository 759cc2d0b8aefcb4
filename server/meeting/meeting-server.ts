// Placeholder until the meeting plane lands (same session); keeps the composition root compiling.
import type { Server } from 'node:http'
import type { MeetingServer, ServerDeps } from '../types'
export function createMeetingServer(_deps: ServerDeps & { httpServer: Server }): MeetingServer {
  throw new Error('meeting server not built yet')
}
