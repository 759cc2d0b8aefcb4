'use client'

import { useT } from '@/client/i18n/I18nProvider'
import type { PlanChecks } from '@/lib/plan/checks'
import type { PersonRef, PlanAgreement } from '@/lib/plan/schema'
import { CheckNotes } from './CheckNotes'
import styles from './Plan.module.css'
import { anchorOf } from './plan-labels'
import type { PlanLookup } from './plan-lookup'
import { Empty, PlanSection } from './PlanSection'
import { answeredTexts, EmptyField } from './TextSections'
import { useWideScreen } from './useWideScreen'

interface Props {
  agreements: PlanAgreement[]
  checks: PlanChecks
  lookup: PlanLookup
}

/** The agreements: a table on a wide screen, one card per agreement on a phone. Checks beside each. */
export function AgreementsSection({ agreements, checks, lookup }: Props) {
  const t = useT()
  const wide = useWideScreen()
  // The status matters at a review (evaluatie); before that every agreement is simply open.
  const showStatus = agreements.some((agreement) => agreement.status !== 'open')
  return (
    <PlanSection name="agreements" title={t('plan.section.agreements')}>
      {agreements.length === 0 ? (
        <Empty>{t('plan.empty.agreements')}</Empty>
      ) : wide ? (
        <AgreementTable agreements={agreements} checks={checks} lookup={lookup} showStatus={showStatus} />
      ) : (
        <AgreementCards agreements={agreements} checks={checks} lookup={lookup} showStatus={showStatus} />
      )}
    </PlanSection>
  )
}

function AgreementTable({ agreements, checks, lookup, showStatus }: Props & { showStatus: boolean }) {
  const t = useT()
  const detailColumns = showStatus ? 5 : 4
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="plan-agreements">
        <thead>
          <tr>
            <th scope="col">{t('plan.agreement.what')}</th>
            <th scope="col">{t('plan.agreement.who')}</th>
            <th scope="col">{t('plan.agreement.when')}</th>
            <th scope="col">{t('plan.agreement.backup')}</th>
            <th scope="col">{t('plan.agreement.howWeKnow')}</th>
            {showStatus ? <th scope="col">{t('plan.agreement.status')}</th> : null}
          </tr>
        </thead>
        {/* One row group per agreement: its row, and below it (under the details) what still needs a look. */}
        {agreements.map((agreement) => {
          const hasChecks = (checks.byItem[agreement.id]?.length ?? 0) > 0
          return (
            <tbody key={agreement.id} id={anchorOf(agreement.id)} className={styles.agreementRows} data-testid="plan-agreement">
              <tr>
                <th scope="rowgroup" rowSpan={hasChecks ? 2 : 1} className={styles.whatCell}>
                  <What agreement={agreement} lookup={lookup} />
                </th>
                <td>
                  <Owners owners={agreement.owners} />
                </td>
                <td dir="auto">{agreement.when.trim() || <EmptyField />}</td>
                <td>{agreement.backup ? <Person person={agreement.backup} /> : <EmptyField />}</td>
                <td dir="auto">{agreement.howWeKnow.trim() || <EmptyField />}</td>
                {showStatus ? <td>{t(`plan.status.${agreement.status}`)}</td> : null}
              </tr>
              {hasChecks ? (
                <tr>
                  <td colSpan={detailColumns} className={styles.checksCell}>
                    <CheckNotes itemId={agreement.id} checks={checks} />
                  </td>
                </tr>
              ) : null}
            </tbody>
          )
        })}
      </table>
    </div>
  )
}

function AgreementCards({ agreements, checks, lookup, showStatus }: Props & { showStatus: boolean }) {
  const t = useT()
  return (
    <ul className={styles.cards} data-testid="plan-agreements">
      {agreements.map((agreement) => (
        <li key={agreement.id} id={anchorOf(agreement.id)} className={styles.agreementCard} data-testid="plan-agreement">
          <h3 className={styles.agreementTitle} dir="auto">
            {agreement.what.trim() || t('plan.agreement.noWhat')}
          </h3>
          <Answers agreement={agreement} lookup={lookup} />
          <dl className={styles.facts}>
            <div>
              <dt>{t('plan.agreement.who')}</dt>
              <dd>
                <Owners owners={agreement.owners} />
              </dd>
            </div>
            <div>
              <dt>{t('plan.agreement.when')}</dt>
              <dd dir="auto">{agreement.when.trim() || <EmptyField />}</dd>
            </div>
            <div>
              <dt>{t('plan.agreement.backup')}</dt>
              <dd>{agreement.backup ? <Person person={agreement.backup} /> : <EmptyField />}</dd>
            </div>
            <div>
              <dt>{t('plan.agreement.howWeKnow')}</dt>
              <dd dir="auto">{agreement.howWeKnow.trim() || <EmptyField />}</dd>
            </div>
            {showStatus ? (
              <div>
                <dt>{t('plan.agreement.status')}</dt>
                <dd>{t(`plan.status.${agreement.status}`)}</dd>
              </div>
            ) : null}
          </dl>
          <CheckNotes itemId={agreement.id} checks={checks} />
        </li>
      ))}
    </ul>
  )
}

function What({ agreement, lookup }: { agreement: PlanAgreement; lookup: PlanLookup }) {
  const t = useT()
  return (
    <>
      <span className={styles.what} dir="auto">
        {agreement.what.trim() || t('plan.agreement.noWhat')}
      </span>
      <Answers agreement={agreement} lookup={lookup} />
    </>
  )
}

/** The worries, dangers or needs the agreement answers, in their own words. */
function Answers({ agreement, lookup }: { agreement: PlanAgreement; lookup: PlanLookup }) {
  const t = useT()
  const answers = answeredTexts(agreement.answers, lookup)
  if (answers.length === 0) return null
  return <span className={styles.answers}>{t('plan.agreement.answers', { items: answers.join('; ') })}</span>
}

function Owners({ owners }: { owners: PersonRef[] }) {
  if (owners.length === 0) return <EmptyField />
  return (
    <ul className={styles.plainList}>
      {owners.map((owner) => (
        <li key={owner.id}>
          <Person person={owner} />
        </li>
      ))}
    </ul>
  )
}

/** A person by name; a deleted one (name null) said so plainly. */
function Person({ person }: { person: PersonRef }) {
  const t = useT()
  if (person.name === null) return <span className={styles.deleted}>{t('plan.agreement.deletedPerson')}</span>
  return <bdi>{person.name.trim() || t('plan.empty.noName')}</bdi>
}
