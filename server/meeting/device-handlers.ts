import { SetDevicePayload } from '../../lib/protocol/meeting'
import type { ConferenceRosters } from './conference-rosters'
import { onRequest, type RequestDeps } from './requests'
import type { MeetingSocket } from './types'

/** `device:set`: a client switched between phone and desktop layout (a rotated tablet, a resized window). */
export function registerDeviceHandlers(socket: MeetingSocket, deps: RequestDeps, rosters: ConferenceRosters): void {
  onRequest(socket, deps, 'device:set', SetDevicePayload, ({ device }) => {
    socket.data.device = device
    rosters.setDevice(socket.id, socket.data.conferenceId, device)
  })
}
