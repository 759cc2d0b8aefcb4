import { getRequestLocale } from '@/lib/server/web/translator'
import { getDb } from '@/lib/server/web/db'
import { getSignedInUser } from '@/lib/server/web/session'
import { listReviewableConferences } from '@/lib/server/conference/reviewable'
import { formatDate } from '@/lib/i18n/format'
import { CreateConferenceFields, type ReviewChoice } from '../../../../client/web/conferences/CreateConferenceFields'

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
