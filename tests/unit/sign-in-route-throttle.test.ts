import { describe, expect, it } from 'vitest'
import { isCredentialsSignIn, refuseThrottledSignIn } from '../../lib/server/web/credentials-throttle'
import { getLoginThrottle } from '../../lib/server/auth/login-throttle'
import { CLIENT_ADDRESS_HEADER } from '../../lib/server/http/client-address'

function signInRequest(email: string, address: string): Request {
  return new Request('http://localhost:3000/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', [CLIENT_ADDRESS_HEADER]: address },
    body: new URLSearchParams({ email, password: 'wrong', csrfToken: 'x', json: 'true' }),
  })
}

describe('the sign-in route asks the throttle before next-auth runs', () => {
  it('only for POST /api/auth/callback/credentials', () => {
    expect(isCredentialsSignIn('POST', ['callback', 'credentials'])).toBe(true)
    expect(isCredentialsSignIn('GET', ['callback', 'credentials'])).toBe(false)
    expect(isCredentialsSignIn('POST', ['callback', 'oidc'])).toBe(false)
    expect(isCredentialsSignIn('POST', ['signout'])).toBe(false)
  })

  it('answers a refused attempt with 429 and Retry-After, and leaves the body for next-auth otherwise', async () => {
    const email = `route-${Math.random()}@example.org`
    const throttle = getLoginThrottle()
    for (let i = 0; i < 6; i++) await throttle.recordFailure({ email, address: '203.0.113.66' })

    const refused = await refuseThrottledSignIn(signInRequest(email, '203.0.113.66'))
    expect(refused?.status).toBe(429)
    expect(Number(refused?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(60)

    const fromOffice = signInRequest(email, '198.51.100.10')
    expect(await refuseThrottledSignIn(fromOffice)).toBeNull()
    expect(new URLSearchParams(await fromOffice.text()).get('email')).toBe(email)
  })

  it('cuts off a flood of guesses from one address with 429, whatever the emails', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 200; i++) {
      const refusal = await refuseThrottledSignIn(signInRequest(`flood${i}@example.org`, '192.0.2.99'))
      statuses.push(refusal?.status ?? 200)
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(180)
  })
})
