'use client'

import { useId, useState, type JSX } from 'react'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import { exportFormats, exportUrl, type VersionSummary } from '@/lib/protocol/versions'
import { formatMoment } from '../../plan-view/agreement/format-time'
import { useHydrated } from '@/client/web/common/use-hydrated'
import styles from './VersionsSection.module.css'

/**
 * The export screen: every frozen version of the plan (number, when, who agreed) with one-click
 * downloads as PDF, JSON, PNG and SVG, plain or redacted. The page renders it for whom the gate
 * lets read the versions, with the downloads only for whom it lets export (the route asks again).
 */
export function VersionsSection({ conferenceId, versions, mayExport }: { conferenceId: string; versions: VersionSummary[]; mayExport: boolean }): JSX.Element {
  const t = useT()
  const [redacted, setRedacted] = useState(false)
  // Ticked before hydration, the box would show "redacted" while the links still pointed at the
  // plain export: it waits for the script.
  const hydrated = useHydrated()
  const redactedId = useId()

  return (
    <section className="card" id="versions" aria-labelledby="versions-heading" data-testid="versions-section">
      <h2 id="versions-heading">{t('versions.title')}</h2>
      {versions.length === 0 ? (
        <p className="muted">{t('versions.section.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('versions.section.intro')}</p>
          {mayExport && (
            <div className={styles.redacted}>
              <input id={redactedId} type="checkbox" checked={redacted} disabled={!hydrated} onChange={(e) => setRedacted(e.target.checked)} data-testid="versions-redacted" />
              <label htmlFor={redactedId}>
                <span className={styles.redactedLabel}>{t('versions.section.redacted')}</span>
                <span className={styles.redactedHint}>{t('versions.section.redactedHint')}</span>
              </label>
            </div>
          )}
          <ol className={styles.list}>
            {versions.map((version) => (
              <VersionItem key={version.version} conferenceId={conferenceId} version={version} redacted={redacted} mayExport={mayExport} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

function VersionItem({ conferenceId, version, redacted, mayExport }: { conferenceId: string; version: VersionSummary; redacted: boolean; mayExport: boolean }): JSX.Element {
  const t = useT()
  const locale = useLocale()
  const frozen = formatMoment(version.frozenAt, locale)
  return (
    <li className={styles.version} data-testid="version-item">
      <h3 className={styles.versionTitle}>{t('versions.section.version', { version: version.version })}</h3>
      <p className={styles.when}>{t('versions.section.frozenAt', { date: frozen.date, time: frozen.time })}</p>
      <p className={styles.who}>
        <span className={styles.whoLabel}>{t('versions.section.agreedBy')} </span>
        {version.agreedBy.map((person, i) => (
          <span key={`${person.name}-${i}`}>
            {i > 0 && ', '}
            {t('versions.section.person', { name: person.name, role: t(`common.role.${person.role}`) })}
            {person.recorded && ` ${t('versions.section.recordedMark')}`}
          </span>
        ))}
      </p>
      {mayExport && (
        <div className="button-row">
          {exportFormats.map((format) => (
            <a
              key={format}
              className="button button--small"
              href={exportUrl(conferenceId, version.version, format, redacted)}
              download
              aria-label={t(redacted ? 'versions.section.downloadRedacted' : 'versions.section.download', {
                version: version.version,
                format: t(`versions.format.${format}`),
              })}
              data-testid={`export-${format}`}
            >
              {t(`versions.format.${format}`)}
            </a>
          ))}
        </div>
      )}
    </li>
  )
}
