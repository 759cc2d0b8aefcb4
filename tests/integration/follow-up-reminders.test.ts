import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SMTPServer } from 'smtp-server'
import { rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { startTestServer, waitFor, type TestServer } from '../helpers/test-server'
import { setContact } from '../../lib/server/db/repositories/reminders'
import { checkIn } from '../../lib/server/follow-up/check-in'
import { seedFollowUpWorld, WEDNESDAY } from '../helpers/follow-up-world'

/**
 * Reminders from a real Kring server to a real SMTP server in this process, on a clock the test
 * moves: a due check-in is mailed once, in the person's language, only to those who gave an
 * address; an answered one is not; a restart does not send again.
 */
interface Received {
  to: string[]
  raw: string
}

async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** The decoded text of a quoted-printable or plain message body (enough for these short mails). */
function textOf(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

const FROZEN = new Date('2026-03-03T19:30:00.000Z')
const day = (n: number) => new Date(FROZEN.getTime() + n * 86_400_000)

let smtp: Awaited<ReturnType<typeof startSmtp>>
let kring: TestServer | null = null
let clock = day(1)

beforeEach(async () => {
  smtp = await startSmtp()
  clock = day(1)
})
afterEach(async () => {
  await kring?.stop()
  kring = null
  await smtp.close()
})

async function start(dataDir?: string): Promise<TestServer> {
  const env = { SMTP_URL: smtp.url, MAIL_FROM: 'Kring <kring@example.org>', REMINDER_INTERVAL_MS: '3600000', PUBLIC_URL: 'https://kring.example.org' }
  return startTestServer(env, dataDir, { now: () => clock })
}

describe('e-mail reminders', () => {
  it('mails a due check-in once, in the language the person chose, only to who gave an address', async () => {
    kring = await start()
    const world = await seedFollowUpWorld(kring.db, FROZEN)
    await setContact(kring.db, { participantId: world.mother.participant.id, conferenceId: world.conference.id, email: 'sanne@example.org', locale: 'nl', at: day(1) })
    await setContact(kring.db, { participantId: world.grandpa.participant.id, conferenceId: world.conference.id, email: 'kees@example.org', locale: 'en', at: day(1) })
    // The server's own scheduler, on the test's clock.
    const scheduler = kring.server.reminders!
    expect(scheduler).not.toBeNull()
    const tick = async (at: Date) => {
      clock = at
      await scheduler.runOnce()
    }
    await tick(day(1))
    expect(smtp.received).toHaveLength(0)

    // Day 5 of the first week: two days left, Sanne has not answered.
    await tick(day(5.2))
    await waitFor(() => smtp.received.length === 1, { message: 'the first reminder' })
    expect(smtp.received[0]!.to).toEqual(['sanne@example.org'])
    const mail = textOf(smtp.received[0]!.raw)
    expect(mail).toContain('Hoe ging het? Sem naar school brengen')
    expect(mail).toContain(`https://kring.example.org/conferences/${world.conference.id}/my-agreements`)
    expect(mail).toContain('Hallo Mama Sanne')

    // Another round the same period: nothing new.
    await tick(day(6))
    expect(smtp.received).toHaveLength(1)

    // Week two (ends at midnight on 17 March, as Opa's first fortnight): Sanne answered in time,
    // so only Opa, who has not, gets a reminder; his is in English.
    await checkIn(kring.db, world.mother.participant, { agreementId: WEDNESDAY, outcome: 'done' }, day(8))
    await tick(day(12.5))
    await waitFor(() => smtp.received.length === 2, { message: "Opa's reminder" })
    await tick(day(12.9))
    expect(smtp.received.map((m) => m.to[0])).toEqual(['sanne@example.org', 'kees@example.org'])
    expect(textOf(smtp.received[1]!.raw)).toContain('How did it go? Bellen met Sem')
    // Tante Amira gave no address (and owns nothing): never mailed.
    expect(smtp.received.flatMap((m) => m.to)).not.toContain('amira@example.org')
  })

  it('does not send again after a restart', async () => {
    kring = await start()
    const dataDir = kring.dataDir
    const world = await seedFollowUpWorld(kring.db, FROZEN)
    await setContact(kring.db, { participantId: world.mother.participant.id, conferenceId: world.conference.id, email: 'sanne@example.org', locale: 'nl', at: day(1) })
    clock = day(5.5)
    await kring.server.reminders!.runOnce()
    await waitFor(() => smtp.received.length === 1, { message: 'the reminder' })
    await kring.server.close()
    await kring.db.destroy()
    kring = await start(dataDir)
    await kring.server.reminders!.runOnce()
    expect(smtp.received).toHaveLength(1)
    await kring.stop()
    kring = null
    rmSync(dataDir, { recursive: true, force: true })
  })
})
