import type { FollowUp } from './follow-up'

/**
 * When an owner gets a reminder: once per period of the agreement's rhythm, in its last two days,
 * when they have not answered it yet. Late enough that the week's task could have happened, early
 * enough to answer before the period ends (an unanswered period counts as missing).
 */
export const REMIND_BEFORE_END_MS = 2 * 24 * 60 * 60 * 1000

export interface DueReminder {
  participantId: string
  agreementId: string
  periodIndex: number
  what: string
  when: string
}

export function dueReminders(followUp: FollowUp, now: Date): DueReminder[] {
  return followUp.agreements.flatMap((item) => {
    const left = item.current.end.getTime() - now.getTime()
    if (left > REMIND_BEFORE_END_MS || left <= 0) return []
    return item.ownerIds
      .filter((participantId) => !item.running.some((c) => c.participantId === participantId))
      .map((participantId) => ({ participantId, agreementId: item.agreement.id, periodIndex: item.current.index, what: item.agreement.what, when: item.agreement.when }))
  })
}
