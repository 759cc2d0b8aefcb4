import { describe, expect, it } from 'vitest'
import { createInviteToken } from '../../lib/server/auth/tokens'
import { ApiError, ApiErrorBody, apiErrorStatus, toErrorBody } from '../../lib/protocol/api-error'
import {
  CreateConferenceRequest,
  InviteRequest,
  InviteResponse,
  JoinForm,
  LocaleRequest,
  ParticipantParams,
  SafeReturnPath,
  TicketResponse,
} from '../../lib/protocol/api'

describe('API request schemas', () => {
  it('accepts a conference with a title and a known kind, trimming the title', () => {
    expect(CreateConferenceRequest.parse({ title: '  Familie de Vries ', kind: 'veiligheidsplan' })).toEqual({
      title: 'Familie de Vries',
      kind: 'veiligheidsplan',
    })
  })

  it('refuses an empty or overlong title, an unknown kind and extra fields', () => {
    expect(CreateConferenceRequest.safeParse({ title: '   ', kind: 'familiegroepsplan' }).success).toBe(false)
    expect(CreateConferenceRequest.safeParse({ title: 'x'.repeat(121), kind: 'familiegroepsplan' }).success).toBe(false)
    expect(CreateConferenceRequest.safeParse({ title: 'Familie', kind: 'kerstborrel' }).success).toBe(false)
    expect(CreateConferenceRequest.safeParse({ title: 'Familie', kind: 'evaluatie', createdBy: 'someone' }).success).toBe(false)
  })

  it('invites family, child, network and professional, but never a second facilitator', () => {
    for (const role of ['family', 'child', 'network', 'professional']) {
      expect(InviteRequest.safeParse({ displayName: 'Tante Amira', role }).success).toBe(true)
    }
    expect(InviteRequest.safeParse({ displayName: 'Tante Amira', role: 'facilitator' }).success).toBe(false)
    expect(InviteRequest.safeParse({ displayName: '', role: 'family' }).success).toBe(false)
    expect(InviteRequest.safeParse({ displayName: 'x'.repeat(81), role: 'family' }).success).toBe(false)
  })

  it('takes only a well-formed invitation token from the join form', () => {
    expect(JoinForm.safeParse({ token: createInviteToken() }).success).toBe(true)
    expect(JoinForm.safeParse({ token: 'short' }).success).toBe(false)
    expect(JoinForm.safeParse({ token: `${createInviteToken()}'--` }).success).toBe(false)
    expect(JoinForm.safeParse({}).success).toBe(false)
  })

  it('switches only to a known language and returns only to a local path', () => {
    expect(LocaleRequest.parse({ locale: 'en', returnTo: '/conferences/abc' })).toEqual({ locale: 'en', returnTo: '/conferences/abc' })
    expect(LocaleRequest.safeParse({ locale: 'de' }).success).toBe(false)
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', '/with space']) {
      expect(SafeReturnPath.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('treats malformed ids in the path as not matching', () => {
    expect(ParticipantParams.safeParse({ id: 'nbeNWaHqGQsPqWAGz_VyRg', participantId: '0-OInFUZDIciAEni1V5ayw' }).success).toBe(true)
    expect(ParticipantParams.safeParse({ id: '../etc', participantId: '0-OInFUZDIciAEni1V5ayw' }).success).toBe(false)
  })
})

describe('API response schemas', () => {
  it('strip fields that must never leave the server', () => {
    const parsed = InviteResponse.parse({
      participant: {
        id: '0-OInFUZDIciAEni1V5ayw',
        displayName: 'Mama Sanne',
        role: 'family',
        status: 'active',
        createdAt: '2026-11-23T10:00:00.000Z',
        openedAt: null,
        joinedAt: null,
        lastSeenAt: null,
        token_hash: 'abc',
        user_id: 'u',
      },
      joinUrl: 'http://localhost:3000/join/x',
      token: createInviteToken(),
    })
    expect(parsed.participant).not.toHaveProperty('token_hash')
    expect(parsed.participant).not.toHaveProperty('user_id')
  })

  it('require a ticket with an ISO expiry', () => {
    expect(TicketResponse.safeParse({ ticket: 't1.a.b', expiresAt: '2026-11-23T10:00:00.000Z' }).success).toBe(true)
    expect(TicketResponse.safeParse({ ticket: 't1.a.b', expiresAt: 'tomorrow' }).success).toBe(false)
  })
})

describe('ApiError', () => {
  it('maps each code to one HTTP status and serialises to the documented body', () => {
    expect(new ApiError('not_found').status).toBe(404)
    expect(new ApiError('cross_origin').status).toBe(403)
    expect(new ApiError('payload_too_large').status).toBe(413)
    for (const [code, status] of Object.entries(apiErrorStatus)) {
      expect(status).toBeGreaterThanOrEqual(400)
      expect(ApiErrorBody.safeParse(toErrorBody(new ApiError(code as keyof typeof apiErrorStatus, 'x'))).success).toBe(true)
    }
  })
})
