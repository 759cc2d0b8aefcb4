import Link from 'next/link'
import type { MessageKey } from '@/lib/i18n'
import { getServerTranslator } from '../translator'
import { Notice } from '../../../../client/web/common/Notice'
import { SiteFrame } from './SiteFrame'

/**
 * Why a page about a conference shows nothing of it:
 * - `page`: the conference page or its audit log, to someone the gate refuses (not let in, or not
 *   allowed in this role), or whose credential opens nothing here;
 * - `board`: the board or plan view, to someone whose credential opens nothing here (revoked,
 *   another conference's invitation, no participant row);
 * - `declined`: the board or plan view, to someone the facilitator did not let in.
 */
export type NoAccessReason = 'page' | 'board' | 'declined'

const copy: Record<NoAccessReason, { title: MessageKey; body: MessageKey }> = {
  page: { title: 'web.pageAccess.title', body: 'web.pageAccess.body' },
  board: { title: 'web.boardAccess.title', body: 'web.boardAccess.body' },
  declined: { title: 'meeting.access.declinedTitle', body: 'meeting.access.declinedBody' },
}

/** A neutral notice instead of the page: no title, no names, nothing that tells whether the conference exists. */
export async function NoAccessNotice({ reason }: { reason: NoAccessReason }) {
  const { t } = await getServerTranslator()
  return (
    <SiteFrame narrow showSignIn={reason === 'page'}>
      <div data-testid="no-access" data-reason={reason}>
        <Notice title={t(copy[reason].title)} tone="warning">
          <p>{t(copy[reason].body)}</p>
          <Link href="/">{t('web.boardAccess.home')}</Link>
        </Notice>
      </div>
    </SiteFrame>
  )
}
