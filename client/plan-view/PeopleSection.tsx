'use client'

import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { Translate } from '@/lib/i18n'
import { isolate } from '@/lib/i18n/format'
import { defaultSupportKinds, rings } from '@/lib/board/items'
import { groupLabelKey, ringLabelKey } from '@/lib/board/labels'
import type { PlanChecks } from '@/lib/plan/checks'
import type { PlanPerson } from '@/lib/plan/schema'
import { CheckNotes } from './CheckNotes'
import styles from './Plan.module.css'
import { anchorOf, loadFrequencyText } from './plan-labels'
import type { PlanLookup } from './plan-lookup'
import { Empty, PlanSection } from './PlanSection'

/** The network map as a list: the people by ring, what they can help with, their ties. */
export function PeopleSection({ people, checks, lookup }: { people: PlanPerson[]; checks: PlanChecks; lookup: PlanLookup }) {
  const t = useT()
  return (
    <PlanSection name="people" title={t('plan.section.people')}>
      {people.length === 0 ? <Empty>{t('plan.empty.people')}</Empty> : null}
      {rings.map((ring) => {
        const inRing = people.filter((person) => person.ring === ring)
        if (inRing.length === 0) return null
        return (
          <div key={ring} className={styles.ring}>
            <h3>{t(ringLabelKey(ring))}</h3>
            <ul className={styles.cards}>
              {inRing.map((person) => (
                <PersonCard key={person.id} person={person} checks={checks} lookup={lookup} />
              ))}
            </ul>
          </div>
        )
      })}
    </PlanSection>
  )
}

function PersonCard({ person, checks, lookup }: { person: PlanPerson; checks: PlanChecks; lookup: PlanLookup }) {
  const t = useT()
  const locale = useLocale()
  const load = checks.load.find((entry) => entry.personId === person.id)
  const details = [person.relation.trim() ? isolate(person.relation.trim()) : '', t(groupLabelKey(person.group))].filter(Boolean).join(' · ')
  return (
    <li id={anchorOf(person.id)} className={styles.personCard} data-testid="plan-person">
      <h4 className={styles.personName} dir="auto">{person.name.trim() || t('plan.empty.noName')}</h4>
      <p className={styles.personDetails}>{details}</p>
      <p>{person.support.length > 0 ? t('plan.person.support', { kinds: supportText(t, person.support) }) : <span className={styles.emptyField}>{t('plan.person.noSupport')}</span>}</p>
      {person.note.trim() ? (
        <p className={styles.note} dir="auto">
          {person.note}
        </p>
      ) : null}
      {person.ties.length > 0 ? (
        <ul className={styles.ties}>
          {person.ties.map((tie) => {
            const kind = t(`plan.tie.${tie.kind}`)
            const other = tie.to === 'family' ? null : lookup.get(tie.to)
            const name = other?.kind === 'person' && other.name.trim() ? other.name : t('plan.person.tieUnknownPerson')
            return (
              <li key={`${tie.to}-${tie.kind}`} data-tie={tie.kind}>
                {tie.to === 'family' ? t('plan.person.tieFamily', { kind }) : t('plan.person.tiePerson', { name: isolate(name), kind })}
              </li>
            )
          })}
        </ul>
      ) : null}
      {load ? (
        <p className={styles.personLoad}>
          {load.agreements === 1 ? t('plan.load.agreementsOne') : t('plan.load.agreementsMany', { count: load.agreements })}
          {', '}
          {loadFrequencyText(t, locale, load)}
        </p>
      ) : null}
      <CheckNotes itemId={person.id} checks={checks} />
    </li>
  )
}

/** Support kinds by their name when Kring knows them, else as the facilitator typed them. */
function supportText(t: Translate, support: string[]): string {
  return support
    .map((kind) => ((defaultSupportKinds as readonly string[]).includes(kind) ? t(`plan.support.${kind as (typeof defaultSupportKinds)[number]}`) : kind))
    .join(', ')
}
