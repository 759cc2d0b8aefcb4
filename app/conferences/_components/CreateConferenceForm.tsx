import { getRequestLocale } from '@/app/_i18n/server'
import { getDb } from '@/app/_server/db'
import { getSignedInUser } from '@/app/_server/session'
import { listReviewableConferences } from '@/lib/conference/reviewable'
import { formatDate } from '@/lib/i18n/format'
import { CreateConferenceFields, type ReviewChoice } from './CreateConferenceFields'

/**
 * The form to start a conference. Rendered on the server so that, for an evaluatie, it can offer
 * the signed-in facilitator's own conferences with an agreed plan (and nobody else's).
 */
export async function CreateConferenceForm() {
  const [user, locale] = await Promise.all([getSignedInUser(), getRequestLocale()])
  const reviewable = user ? await listReviewableConferences(await getDb(), user.id) : []
  const choices: ReviewChoice[] = reviewable.map((c) => ({ id: c.id, title: c.title, version: c.version, frozenOn: formatDate(c.frozenAt, locale) }))
  return <CreateConferenceFields reviewable={choices} />
}
