/**
 * The bare reference for the fan-out benchmark: @y/websocket-server's own connection handler
 * (setupWSConnection) on a `ws` server with noServer, no auth, no persistence. Prints
 * `PORT <n>` when listening, like tests/helpers/server-child.ts does for Kring.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

const wss = new WebSocketServer({ noServer: true })
const http = createServer((_req, res) => res.writeHead(404).end())
http.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    // The document name is the path, as y-websocket sends it (/<prefix>/<room>).
    setupWSConnection(ws, req, { docName: (req.url ?? '').slice(1).split('?')[0], gc: true })
  })
})
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`PORT ${(http.address() as AddressInfo).port}\n`)
})
process.on('SIGTERM', () => process.exit(0))
