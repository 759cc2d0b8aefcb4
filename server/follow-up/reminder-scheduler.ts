import type { Transporter } from 'nodemailer'
import { sendDueReminders, type MailSender } from '../../lib/server/follow-up/reminders'
import type { ServerDeps } from '../types'

export interface ReminderScheduler {
  /** Run one round now (also what the timer does); resolves when it is done. */
  runOnce(): Promise<void>
  stop(): Promise<void>
}

/**
 * A MailSender over nodemailer's SMTP transport (SMTP_URL). nodemailer is loaded with the first
 * message (about 20 MB and a third of a second of start-up): a server that sends no mail never loads it.
 */
export function smtpSender(smtpUrl: string, from: string): MailSender & { close(): void } {
  let transport: Promise<Transporter> | null = null
  const transportOf = () => (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl)))
  return {
    async send(message) {
      await (await transportOf()).sendMail({ from, ...message })
    },
    close() {
      void transport?.then((t) => t.close(), () => {})
    },
  }
}

/**
 * Reminders from inside the server process: a round at start and then every REMINDER_INTERVAL_MS,
 * one at a time (a slow SMTP server never makes rounds overlap). What was sent is recorded in the
 * database before sending (lib/server/follow-up/reminders.ts), so a restart or a second instance
 * does not send twice. The clock is injectable (`now`) for tests.
 */
export function startReminderScheduler(deps: ServerDeps & { now?: () => Date }): ReminderScheduler | null {
  const { config, db, logger } = deps
  if (!config.mail) return null
  const sender = smtpSender(config.mail.smtpUrl, config.mail.from)
  const now = deps.now ?? (() => new Date())
  let running: Promise<void> | null = null
  const runOnce = (): Promise<void> => {
    running ??= sendDueReminders(db, sender, { now: now(), publicUrl: config.publicUrl })
      .then((round) => {
        if (round.sent > 0 || round.failed > 0) logger.info({ sent: round.sent, failed: round.failed }, 'reminders sent')
      })
      .catch((err: unknown) => logger.error({ err }, 'reminder round failed'))
      .finally(() => {
        running = null
      })
    return running
  }
  const timer = setInterval(() => void runOnce(), config.mail.reminderIntervalMs)
  timer.unref()
  void runOnce()
  return {
    runOnce,
    async stop() {
      clearInterval(timer)
      await running
      sender.close()
    },
  }
}
