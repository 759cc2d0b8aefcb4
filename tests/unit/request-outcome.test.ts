import { describe, expect, it } from 'vitest'
import { requestFailure } from '../../lib/meeting/request-outcome'
import { requestWithAck } from '../../lib/meeting/socket-messages'

/**
 * Every control that sends a meeting request (the meeting controls, the facilitation tools,
 * agreeing on the plan) keeps what went wrong through one useRequest hook, which reads the answer
 * with requestFailure: the words people see depend on it.
 */

const offline = { connected: false, timeout: () => ({}) }
const silent = { connected: true, timeout: () => ({ emit: (_event: string, _payload: unknown, ack: (err: Error | null) => void) => ack(new Error('timeout')) }) }

describe('the outcome of a meeting request', () => {
  it('shows nothing when the server said yes', () => {
    expect(requestFailure('admit', { ok: true })).toBeNull()
  })

  it("keeps a refusal's code and which request it was", () => {
    expect(requestFailure('propose', { ok: false, error: { code: 'conflict', message: 'open' } })).toEqual({ action: 'propose', code: 'conflict', unanswered: false })
    // A server error the server sent is a refusal, not a lost connection.
    expect(requestFailure('set', { ok: false, error: { code: 'server_error', message: 'database' } })?.unanswered).toBe(false)
  })

  it('tells a request that never reached the server, or got no answer, from a refusal', async () => {
    expect(requestFailure('raise', await requestWithAck(offline, 'hand:raise', {}, 10))).toEqual({ action: 'raise', code: 'server_error', unanswered: true })
    expect(requestFailure('raise', await requestWithAck(silent, 'hand:raise', {}, 10))?.unanswered).toBe(true)
  })
})
