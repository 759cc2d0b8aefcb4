import type { Logger } from '../../lib/log/logger'
import { SetDevicePayload } from '../../lib/protocol/meeting'
import { onClientEvent } from './client-events'
import type { ConferenceRosters } from './conference-rosters'
import type { MeetingSocket } from './types'

/** `device:set`: a client switched between phone and desktop layout (a rotated tablet, a resized window). */
export function registerDeviceHandlers(socket: MeetingSocket, logger: Logger, rosters: ConferenceRosters): void {
  onClientEvent(socket, logger, 'device:set', SetDevicePayload, ({ device }) => {
    socket.data.device = device
    rosters.setDevice(socket.id, socket.data.conferenceId, device)
  })
}
