import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createChannel } from '../../lib/meeting/channel'
import { AckResult, ClosingMessage, MeetingHandshake, MeetingRefusal } from '../../lib/protocol/meeting'
import { coalesce } from '../../server/meeting/coalesce'
import { createAllowRequest, isAllowedOrigin } from '../../server/meeting/origin-policy'

describe('meeting origin policy', () => {
  const publicUrl = 'https://kring.example.org'

  it.each([
    [undefined, true],
    ['https://kring.example.org', true],
    ['https://KRING.example.org:443', true],
    ['http://kring.example.org', false],
    ['https://kring.example.org.evil.example', false],
    ['https://evil.example', false],
    ['null', false],
    ['', false],
    ['not a url', false],
  ])('origin %j allowed: %s', (origin, allowed) => {
    expect(isAllowedOrigin(origin, publicUrl)).toBe(allowed)
  })

  it('refuses everything once the server is shutting down', () => {
    let closing = false
    const allow = createAllowRequest(publicUrl, () => closing)
    const ask = (origin?: string) => {
      let answer: boolean | undefined
      allow({ headers: origin ? { origin } : {} } as IncomingMessage, (_err, ok) => (answer = ok))
      return answer
    }
    expect(ask()).toBe(true)
    expect(ask('https://evil.example')).toBe(false)
    closing = true
    expect(ask()).toBe(false)
  })
})

describe('coalesce', () => {
  it('runs once more after the current run, however often it was asked meanwhile', async () => {
    let runs = 0
    let release: () => void = () => {}
    const run = coalesce(async () => {
      runs++
      if (runs === 1) await new Promise<void>((r) => (release = r))
    })
    const first = run()
    const second = run()
    const third = run()
    expect(second).toBe(first)
    expect(third).toBe(first)
    release()
    await first
    expect(runs).toBe(2)
    await run()
    expect(runs).toBe(3)
  })

  it('does not lose a rerun when a run fails, and reports the last failure', async () => {
    let runs = 0
    let release: () => void = () => {}
    const run = coalesce(async () => {
      runs++
      if (runs === 1) {
        await new Promise<void>((r) => (release = r))
        throw new Error('first run failed')
      }
    })
    const first = run()
    void run()
    release()
    await expect(first).resolves.toBeUndefined()
    expect(runs).toBe(2)
  })
})

describe('client channel', () => {
  it('replays the latest value to late subscribers only when asked to', () => {
    const replaying = createChannel<number>({ replay: true })
    const plain = createChannel<number>({ replay: false })
    replaying.emit(1)
    plain.emit(1)
    const seen: string[] = []
    replaying.subscribe((v) => seen.push(`r${v}`))
    const stop = plain.subscribe((v) => seen.push(`p${v}`))
    expect(seen).toEqual(['r1'])
    plain.emit(2)
    stop()
    plain.emit(3)
    expect(seen).toEqual(['r1', 'p2'])
  })

  it('lets a listener unsubscribe while being called', () => {
    const channel = createChannel<number>({ replay: false })
    const seen: number[] = []
    const stop = channel.subscribe((v) => {
      seen.push(v)
      stop()
    })
    channel.subscribe((v) => seen.push(v * 10))
    channel.emit(1)
    channel.emit(2)
    expect(seen).toEqual([1, 10, 20])
  })
})

describe('meeting protocol schemas', () => {
  it('accepts a good handshake and refuses bad ones', () => {
    expect(MeetingHandshake.safeParse({ token: 't', conferenceId: 'c', device: 'phone', protocol: 1 }).success).toBe(true)
    expect(MeetingHandshake.safeParse({ token: 't', conferenceId: 'c', device: 'tablet' }).success).toBe(false)
    expect(MeetingHandshake.safeParse({ token: '', conferenceId: 'c', device: 'phone' }).success).toBe(false)
    expect(MeetingHandshake.safeParse({ token: 'x'.repeat(2000), conferenceId: 'c', device: 'phone' }).success).toBe(false)
    expect(MeetingHandshake.safeParse({ token: 't', conferenceId: 'c', device: 'phone', protocol: 2 }).success).toBe(false)
    expect(MeetingHandshake.safeParse(null).success).toBe(false)
  })

  it('parses refusals, closings and acks', () => {
    expect(MeetingRefusal.parse({ code: 4401, reason: 'missing token' })).toEqual({ code: 4401, reason: 'missing token' })
    expect(MeetingRefusal.safeParse({ code: '4401', reason: 'x' }).success).toBe(false)
    expect(ClosingMessage.safeParse({ code: 4403 }).success).toBe(false)
    expect(AckResult.parse({ ok: true })).toEqual({ ok: true })
    expect(AckResult.safeParse({ ok: false }).success).toBe(false)
    expect(AckResult.safeParse({ ok: false, error: { code: 'bad_request', message: 'm' } }).success).toBe(true)
  })
})
