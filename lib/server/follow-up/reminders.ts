import type { Db } from '../db/connect'
import { findConference } from '../db/repositories/conferences'
import { findParticipant } from '../db/repositories/participants'
import { claimReminder, listContacts, releaseReminder } from '../db/repositories/reminders'
import { pickLocale } from '../../i18n'
import { createTranslator } from '../../i18n/catalogs'
import { permits } from '../../conference/gate'
import { dueReminders } from '../../plan/follow-up/reminders'
import { loadFollowUp } from './load'

/** What the reminders need of a mail library: one plain-text message at a time. */
export interface MailSender {
  send(message: { to: string; subject: string; text: string }): Promise<void>
}

export interface ReminderRound {
  sent: number
  failed: number
}

/**
 * One round of reminders: for every participant who gave an address, the due check-ins of their
 * agreements (lib/plan/follow-up/reminders.ts), each claimed in `reminders_sent` before it is sent,
 * so a second round (or a second process) never sends it again; a failed send gives its claim
 * back for the next round. Only to people the gate still lets check in (not revoked or removed,
 * plan agreed). In the language they chose; no reason or other person's words in the message.
 */
export async function sendDueReminders(db: Db, mail: MailSender, options: { now: Date; publicUrl: string }): Promise<ReminderRound> {
  const round = { sent: 0, failed: 0 }
  const contacts = await listContacts(db)
  const byConference = new Map<string, typeof contacts>()
  for (const contact of contacts) byConference.set(contact.conference_id, [...(byConference.get(contact.conference_id) ?? []), contact])
  for (const [conferenceId, people] of byConference) {
    const conference = await findConference(db, conferenceId)
    const loaded = conference ? await loadFollowUp(db, conferenceId, options.now) : null
    if (!conference || !loaded) continue
    const due = dueReminders(loaded.followUp, options.now)
    for (const contact of people) {
      const participant = await findParticipant(db, contact.participant_id)
      if (!participant || !permits(participant, conference, 'checkin.write')) continue
      const t = createTranslator(pickLocale(contact.locale))
      for (const reminder of due.filter((d) => d.participantId === participant.id)) {
        const key = { participantId: participant.id, planVersionId: loaded.version.id, agreementId: reminder.agreementId, periodIndex: reminder.periodIndex }
        if (!(await claimReminder(db, key, options.now))) continue
        try {
          await mail.send({
            to: contact.email,
            subject: t('followUp.mail.subject', { what: reminder.what.slice(0, 80) }),
            text: t('followUp.mail.body', {
              name: participant.display_name,
              what: reminder.what,
              when: reminder.when,
              link: `${options.publicUrl}/conferences/${conferenceId}/my-agreements`,
            }),
          })
          round.sent++
        } catch {
          await releaseReminder(db, key)
          round.failed++
        }
      }
    }
  }
  return round
}
