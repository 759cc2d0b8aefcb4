import type { AuditRow } from '@/lib/server/conference/audit-log'
import type { Locale } from '@/lib/i18n'
import { intlLocales } from '@/lib/i18n/format'
import { getServerTranslator } from '../translator'
import styles from './AuditTable.module.css'


/** Date and clock time as the people at the table read them (Dutch time). */
function formatMoment(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso))
}

/** The audit log as a plain table: when, who, what; newest first. On a phone each line stacks. */
export async function AuditTable({ rows, caption, locale }: { rows: AuditRow[]; caption: string; locale: Locale }) {
  const { t } = await getServerTranslator()
  return (
    <table className={styles.table} data-testid="audit-table">
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('web.audit.when')}</th>
          <th scope="col">{t('web.audit.who')}</th>
          <th scope="col">{t('web.audit.what')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={styles.when}>
              <time dateTime={row.at}>{formatMoment(row.at, locale)}</time>
            </td>
            <td className={styles.who}>{row.who}</td>
            <td>{row.what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
