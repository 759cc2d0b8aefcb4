import type { Db } from '../connect'

/** E-mail addresses for reminders (given by participants on their own page) and the reminders sent. */
export async function setContact(db: Db, input: { participantId: string; conferenceId: string; email: string | null; locale: string; at: Date }): Promise<void> {
  if (input.email === null) {
    await db.deleteFrom('participant_contacts').where('participant_id', '=', input.participantId).execute()
    return
  }
  await db
    .insertInto('participant_contacts')
    .values({ participant_id: input.participantId, conference_id: input.conferenceId, email: input.email, locale: input.locale, updated_at: input.at.toISOString() })
    .onConflict((oc) => oc.column('participant_id').doUpdateSet({ email: input.email!, locale: input.locale, updated_at: input.at.toISOString() }))
    .execute()
}

export async function findContact(db: Db, participantId: string) {
  return db.selectFrom('participant_contacts').selectAll().where('participant_id', '=', participantId).executeTakeFirst()
}

export async function listContacts(db: Db) {
  return db.selectFrom('participant_contacts').selectAll().orderBy('conference_id').execute()
}

/** Claim a reminder before sending it; false when it was claimed (sent) already. */
export async function claimReminder(db: Db, key: { participantId: string; planVersionId: string; agreementId: string; periodIndex: number }, at: Date): Promise<boolean> {
  const result = await db
    .insertInto('reminders_sent')
    .values({ participant_id: key.participantId, plan_version_id: key.planVersionId, agreement_id: key.agreementId, period_index: key.periodIndex, sent_at: at.toISOString() })
    .onConflict((oc) => oc.columns(['participant_id', 'plan_version_id', 'agreement_id', 'period_index']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** Give a claim back when sending failed, so the next round tries again. */
export async function releaseReminder(db: Db, key: { participantId: string; planVersionId: string; agreementId: string; periodIndex: number }): Promise<void> {
  await db
    .deleteFrom('reminders_sent')
    .where('participant_id', '=', key.participantId)
    .where('plan_version_id', '=', key.planVersionId)
    .where('agreement_id', '=', key.agreementId)
    .where('period_index', '=', key.periodIndex)
    .execute()
}
