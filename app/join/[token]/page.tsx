import type { Metadata } from 'next'
import { Notice } from '@/client/web/common/Notice'
import { SiteFrame } from '@/lib/server/web/views/SiteFrame'
import { getServerTranslator } from '@/lib/server/web/translator'
import { getDb } from '@/lib/server/web/db'
import { permits } from '@/lib/conference/gate'
import { findConference } from '@/lib/server/db/repositories/conferences'
import { findLiveInvitation } from '@/lib/server/db/repositories/participants'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('web.join.title') }
}

/**
 * `/join/[token]`: the invitation link. Anyone holding it, on any device, without an account.
 * Opening it changes nothing (chat apps fetch links for previews); the one button posts the
 * token to /api/join, which remembers it in a cookie and opens the board.
 */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const { t } = await getServerTranslator()
  const invitation = await findValidInvitation(token)
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
  // Someone the facilitator still has to let in (or declined) sees nothing of the conference, not
  // its title: the link may have reached someone it was not meant for.
  const showsConference = permits(participant, conference, 'conference.read')
  return (
    <SiteFrame narrow showSignIn={false}>
      <section className="card join" aria-labelledby="join-conference">
        {showsConference ? (
          <>
            <p className="join__eyebrow">{t('web.join.eyebrow')}</p>
            <h1 id="join-conference" className="join__conference">
              {conference.title}
            </h1>
          </>
        ) : (
          <h1 id="join-conference" className="join__conference">
            {t('web.join.title')}
          </h1>
        )}
        <p className="join__invited">{t('web.join.invitedAs', { name: participant.display_name, role: t(`common.role.${participant.role}`) })}</p>
        <form method="post" action="/api/join">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button button--big" data-testid="join-button">
            {t('web.join.button')}
          </button>
        </form>
        <p className="join__note">{t('web.join.note')}</p>
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
