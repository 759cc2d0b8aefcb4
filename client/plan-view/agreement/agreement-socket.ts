import { io, type Socket } from 'socket.io-client'
import type { Device } from '@/lib/conference/model'
import { CloseCode } from '@/lib/protocol/close-codes'
import { ClosingMessage, MEETING_PATH, MEETING_PROTOCOL_VERSION, MeetingRefusal } from '@/lib/protocol/meeting'
import type { AccessLoss, TicketSource } from '../../board/session/ticket-source'

export type AgreementConnection = 'connecting' | 'connected' | 'unavailable'

const RETRY_DELAY_MS = 1_000
const RETRY_DELAY_MAX_MS = 15_000

/**
 * A meeting-plane connection for the agreement bar, with the board's tickets. The board's own
 * MeetingClient (lib/meeting) keeps its socket to itself, so the plan view opens this one; the
 * server counts it as the same person being present. Same refusal rules as the board: 4403 means
 * access was withdrawn (final), 4401 gets one fresh ticket, anything else is retried with backoff.
 */
export function openAgreementSocket(options: {
  conferenceId: string
  device: Device
  tickets: TicketSource
  onStatus(state: AgreementConnection): void
  onAccessLost(loss: AccessLoss): void
}): { socket: Socket; close(): void } {
  const { conferenceId, device, tickets, onStatus, onAccessLost } = options
  let closedByUs = false
  let retriedAfter401 = false
  let lastClosing: ClosingMessage | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let retryAttempt = 0

  const socket: Socket = io({
    path: MEETING_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: RETRY_DELAY_MS,
    reconnectionDelayMax: RETRY_DELAY_MAX_MS,
    auth: (cb: (data: object) => void) => {
      const handshake = { conferenceId, device, protocol: MEETING_PROTOCOL_VERSION }
      tickets.fresh().then(
        (token) => cb({ ...handshake, token }),
        // No ticket to offer: the server answers 4401, handled below.
        () => cb(handshake),
      )
    },
  })

  const retryLater = () => {
    if (closedByUs || retryTimer) return
    const delay = Math.min(RETRY_DELAY_MAX_MS, RETRY_DELAY_MS * 2 ** retryAttempt++)
    retryTimer = setTimeout(() => {
      retryTimer = null
      if (closedByUs) return
      onStatus('connecting')
      socket.connect()
    }, delay)
  }

  const refused = (code: number) => {
    if (code === CloseCode.Forbidden) {
      onStatus('unavailable')
      onAccessLost('withdrawn')
      return
    }
    if (code === CloseCode.Unauthenticated && !retriedAfter401) {
      retriedAfter401 = true
      onStatus('connecting')
      // The ticket source reports a lost access itself; a network failure is retried later.
      tickets.refresh().then(
        () => !closedByUs && socket.connect(),
        () => retryLater(),
      )
      return
    }
    onStatus('unavailable')
    retryLater()
  }

  socket.on('connect', () => {
    retriedAfter401 = false
    retryAttempt = 0
    lastClosing = null
    onStatus('connected')
  })
  socket.on('connect_error', (err: Error & { data?: unknown }) => {
    if (closedByUs) return
    if (socket.active) return onStatus('connecting')
    const refusal = MeetingRefusal.safeParse(err.data)
    refused(refusal.success ? refusal.data.code : CloseCode.ServerError)
  })
  socket.on('closing', (raw: unknown) => {
    const parsed = ClosingMessage.safeParse(raw)
    if (parsed.success) lastClosing = parsed.data
  })
  socket.on('disconnect', () => {
    if (closedByUs) return
    if (socket.active) return onStatus('connecting')
    // The server disconnected us; `closing` (sent just before) said why.
    refused(lastClosing?.code ?? CloseCode.GoingAway)
  })

  onStatus('connecting')
  return {
    socket,
    close() {
      closedByUs = true
      if (retryTimer) clearTimeout(retryTimer)
      socket.disconnect()
    },
  }
}
