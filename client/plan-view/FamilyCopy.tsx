'use client'

import { useLocale, useT } from '@/client/i18n/I18nProvider'
import { formatDate } from '@/lib/i18n/format'
import styles from './FamilyCopy.module.css'

/**
 * The agreed plan for the family to keep: the latest agreed version as a PDF in the reader's own
 * language (GET …/versions/<n>/family-copy). The case-file PDF on the conference page stays Dutch.
 */
export function FamilyCopy({ conferenceId, version, frozenAt }: { conferenceId: string; version: number; frozenAt: string }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section className={styles.copy} aria-labelledby="family-copy-title" data-testid="family-copy">
      <h2 id="family-copy-title" className={styles.title}>
        {t('plan.familyCopy.title')}
      </h2>
      <p className={styles.body}>{t('plan.familyCopy.body', { version, date: formatDate(frozenAt, locale) })}</p>
      <a
        className="button"
        href={`/api/conferences/${encodeURIComponent(conferenceId)}/versions/${version}/family-copy`}
        download
        data-testid="family-copy-download"
      >
        {t('plan.familyCopy.download')}
      </a>
    </section>
  )
}
