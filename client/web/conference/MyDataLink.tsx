'use client'

import { useT } from '@/client/i18n/I18nProvider'

/**
 * "Download my data": what Kring holds about this person in this conference, as JSON
 * (GET /api/conferences/[id]/my-data, README "Retention and deletion"). A plain link: the
 * browser sends the invitation cookie or the session, and saves the file.
 */
export function MyDataLink({ conferenceId }: { conferenceId: string }) {
  const t = useT()
  return (
    <p className="my-data" data-testid="my-data">
      <a href={`/api/conferences/${conferenceId}/my-data`} download data-testid="my-data-link">
        {t('retention.myData.link')}
      </a>{' '}
      <span className="field__hint">{t('retention.myData.hint')}</span>
    </p>
  )
}
