'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { InviteResponse, ParticipantSummary } from '@/lib/protocol/api'
import { InvitationLink } from './InvitationLink'
import { InvitationRow } from './InvitationRow'
import { InviteForm } from './InviteForm'

/**
 * Invite form, the once-only link of the latest invitation, and the list. The list comes from
 * the server; after each change the page is refreshed, while the fresh link stays in memory here.
 */
export function InvitationsPanel({ conferenceId, invitations }: { conferenceId: string; invitations: ParticipantSummary[] }) {
  const t = useT()
  const router = useRouter()
  const [fresh, setFresh] = useState<InviteResponse | null>(null)
  const refresh = () => router.refresh()
  const showLink = (invitation: InviteResponse) => {
    setFresh(invitation)
    refresh()
  }

  return (
    <>
      {fresh && <InvitationLink invitation={fresh} onClose={() => setFresh(null)} />}
      <section className="card">
        <InviteForm conferenceId={conferenceId} onInvited={showLink} />
      </section>
      <section className="card" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('web.invitations.title')}</h2>
        {invitations.length === 0 ? (
          <p className="muted">{t('web.invitations.empty')}</p>
        ) : (
          <table className="invitation-table">
            <thead>
              <tr>
                <th scope="col">{t('web.invitations.name')}</th>
                <th scope="col">{t('web.invitations.role')}</th>
                <th scope="col">{t('web.invitations.language')}</th>
                <th scope="col">{t('web.invitations.status')}</th>
                <th scope="col">{t('web.reach.heading')}</th>
                <th scope="col">{t('web.invitations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <InvitationRow key={invitation.id} conferenceId={conferenceId} invitation={invitation} onChanged={refresh} onReissued={showLink} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
