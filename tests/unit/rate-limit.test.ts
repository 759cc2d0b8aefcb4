import { describe, expect, it } from 'vitest'
import { errorResponse } from '../../lib/server/web/route'
import { createLimiter } from '../../lib/server/rate-limit/limiter'
import { limitOrThrow } from '../../lib/server/rate-limit/request-limits'
import { ApiError, ApiErrorBody } from '../../lib/protocol/api-error'

describe('limitOrThrow', () => {
  it('lets the allowed number through, then throws too_many_requests with the wait', async () => {
    const limiter = createLimiter({ kind: 'memory' }, { name: 'test', points: 3, durationSeconds: 60 })
    for (let i = 0; i < 3; i++) await limitOrThrow(limiter, '203.0.113.9')
    const refused = await limitOrThrow(limiter, '203.0.113.9').catch((err: unknown) => err)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ code: 'too_many_requests', status: 429 })
    expect((refused as ApiError).retryAfterSeconds).toBeGreaterThan(0)
    expect((refused as ApiError).retryAfterSeconds).toBeLessThanOrEqual(60)
    // Another key is counted on its own.
    await expect(limitOrThrow(limiter, '198.51.100.4')).resolves.toBeUndefined()
  })

  it('becomes a 429 answer with Retry-After and the usual error body', async () => {
    const response = errorResponse(new ApiError('too_many_requests', 'too many requests', { retryAfterSeconds: 42 }))
    expect(response.status).toBe(429)
    expect(response.headers.get('Retry-After')).toBe('42')
    expect(ApiErrorBody.parse(await response.json()).error.code).toBe('too_many_requests')
    expect(errorResponse(new ApiError('forbidden')).headers.has('Retry-After')).toBe(false)
  })
})

describe('createLimiter', () => {
  it('refuses a window the memory store cannot keep (its timers overflow past 24.8 days and would forget at once)', () => {
    expect(() => createLimiter({ kind: 'memory' }, { name: 'too-long', points: 1, durationSeconds: 30 * 86_400 })).toThrow(/memory store/)
    expect(() => createLimiter({ kind: 'memory' }, { name: 'fine', points: 1, durationSeconds: 14 * 86_400 })).not.toThrow()
  })
})
