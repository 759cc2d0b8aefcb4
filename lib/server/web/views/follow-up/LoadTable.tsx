import type { Locale, Translate } from '@/lib/i18n'
import { intlLocaleOf } from '@/lib/i18n/format'
import type { PersonLoad } from '@/lib/plan/follow-up/follow-up'
import styles from './follow-up.module.css'

/** The load per person: what the plan asks of them and how it turns out (DOMAIN.md: do not overload the same aunt). */
export function LoadTable({ load, t, locale }: { load: readonly PersonLoad[]; t: Translate; locale: Locale }) {
  // "0,5" in Dutch, "0.5" in English: the reader's own way of writing a half.
  const perWeek = new Intl.NumberFormat(intlLocaleOf(locale), { maximumFractionDigits: 1 })
  return (
    <section className="card" aria-labelledby="load-heading">
      <h2 id="load-heading">{t('followUp.view.load.title')}</h2>
      <p className="muted">{t('followUp.view.load.intro')}</p>
      <table className={styles.table} data-testid="follow-up-load">
        <thead>
          <tr>
            <th scope="col">{t('followUp.view.load.person')}</th>
            <th scope="col">{t('followUp.view.load.owns')}</th>
            <th scope="col">{t('followUp.view.load.backs')}</th>
            <th scope="col">{t('followUp.view.load.perWeek')}</th>
            <th scope="col">{t('followUp.view.load.done')}</th>
            <th scope="col">{t('followUp.view.load.cannot')}</th>
            <th scope="col">{t('followUp.view.load.tookOver')}</th>
          </tr>
        </thead>
        <tbody>
          {load.map((p) => (
            <tr key={p.personId}>
              <th scope="row">{p.name}</th>
              <td>{p.owns}</td>
              <td>{p.backs}</td>
              <td>
                {perWeek.format(p.plannedPerWeek)}
                {p.unknown > 0 && ` ${t('followUp.view.load.unknown', { count: p.unknown })}`}
              </td>
              <td>{p.done}</td>
              <td>{p.cannot}</td>
              <td>{p.tookOver}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
