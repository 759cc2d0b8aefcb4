import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { isLocale } from '@/lib/i18n'
import { isolate } from '@/lib/i18n/format'
import { Notice } from '@/client/web/common/Notice'
import { SiteFrame } from '@/lib/server/web/views/SiteFrame'
import { getServerTranslator } from '@/lib/server/web/translator'
import { getDb } from '@/lib/server/web/db'
import { permits } from '@/lib/conference/gate'
import { conferenceFactsOf, findConference } from '@/lib/server/db/repositories/conferences'
import { findLiveInvitation, findParticipantForUser } from '@/lib/server/db/repositories/participants'
import { getSignedInUser } from '@/lib/server/web/session'
import { isLinkableInvitation, mayLinkInvitation } from '@/lib/server/conference/link-account'
import { LinkAccount } from '@/client/web/conference/LinkAccount'
import { OpenedBeacon } from '@/client/web/join/OpenedBeacon'
import { whenText, whereText } from '@/lib/server/conference/invitation-share/message'
import type { Participant, User } from '@/lib/server/db/schema'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('web.join.title') }
}

/**
 * `/join/[token]`: the invitation link. Anyone holding it, on any device, without an account.
 * Opening it changes nothing (chat apps fetch links for previews); the one button posts the
 * token to /api/join, which remembers it in a cookie and opens the board. A professional's
 * invitation can also be linked to their account here ("Koppel aan mijn account"), so they find
 * the conference again without the link.
 */
export default async function JoinPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ lang?: string | string[] }> }) {
  const { token } = await params
  const { locale, t } = await getServerTranslator()
  const invitation = await findValidInvitation(token)
  // The invitation's language (chosen by the facilitator, or by her with the switcher) wins over
  // this device's: the page opens again with it set (./language/route.ts), once.
  const invitedIn = invitation?.participant.locale
  if (isLocale(invitedIn) && invitedIn !== locale && (await searchParams).lang !== invitedIn) {
    redirect(`/join/${encodeURIComponent(token)}/language`)
  }
  if (!invitation) {
    return (
      <SiteFrame narrow showSignIn={false}>
        <Notice title={t('web.join.invalid.title')} tone="warning">
          <p>{t('web.join.invalid.body')}</p>
        </Notice>
      </SiteFrame>
    )
  }
  const { participant, conference } = invitation
  const user = await getSignedInUser()
  const offersLink = await offersAccountLink(participant, user)
  // Someone the facilitator still has to let in (or declined) sees nothing of the conference, not
  // its title: the link may have reached someone it was not meant for.
  const showsConference = permits(participant, conference, 'conference.read')
  // When and where, as the invitation message says it: she may have only this link.
  const facts = conferenceFactsOf(conference)
  const when = showsConference ? whenText(t, locale, facts) : null
  const where = showsConference ? whereText(t, facts) : null
  return (
    <SiteFrame narrow showSignIn={false}>
      <section className="card join" aria-labelledby="join-conference">
        <OpenedBeacon token={token} />
        {showsConference ? (
          <>
            <p className="join__eyebrow">{t('web.join.eyebrow')}</p>
            <h1 id="join-conference" className="join__conference" dir="auto">
              {conference.title}
            </h1>
            {(when || where) && (
              <p className="join__when" data-testid="join-when">
                {when && <span>{t('web.share.when', { when })}</span>}
                {when && where && <br />}
                {where && <span>{t('web.share.where', { where })}</span>}
              </p>
            )}
          </>
        ) : (
          <h1 id="join-conference" className="join__conference">
            {t('web.join.title')}
          </h1>
        )}
        <p className="join__invited">{t('web.join.invitedAs', { name: isolate(participant.display_name), role: t(`common.role.${participant.role}`) })}</p>
        <form method="post" action="/api/join">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button button--big" data-testid="join-button">
            {t('web.join.button')}
          </button>
        </form>
        {permits(participant, conference, 'checkin.write') && (
          // After the plan is agreed: straight to one's own agreements (lib/plan/follow-up).
          <form method="post" action="/api/join">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="next" value="my-agreements" />
            <button type="submit" className="button button--big button--quiet" data-testid="join-my-agreements">
              {t('followUp.mine.openFromJoin')}
            </button>
          </form>
        )}
        <p className="join__note">{t('web.join.note')}</p>
        {offersLink && (
          <LinkAccount
            conferenceId={conference.id}
            token={token}
            signedIn={user !== null}
            labels={{
              title: t('web.join.link.title'),
              body: t('web.join.link.body'),
              signIn: t('web.join.link.signIn'),
              confirm: t('web.join.link.confirm', { name: user?.name ?? '' }),
            }}
          />
        )}
      </section>
    </SiteFrame>
  )
}

async function findValidInvitation(token: string) {
  const db = await getDb()
  const invitation = await findLiveInvitation(db, token)
  if (!invitation.live) return null
  const conference = await findConference(db, invitation.participant.conference_id)
  return conference ? { participant: invitation.participant, conference } : null
}

/**
 * Offer "Koppel aan mijn account" for a professional's (or facilitator's) invitation by link that
 * no account holds yet: to anyone signed out (signing in is the next step), and to a signed-in
 * account that may link it and has no row of its own in this conference.
 */
async function offersAccountLink(participant: Participant, user: User | null): Promise<boolean> {
  if (!isLinkableInvitation(participant)) return false
  if (!user) return true
  if (!mayLinkInvitation(participant.role, user.role)) return false
  return !(await findParticipantForUser(await getDb(), participant.conference_id, user.id))
}
