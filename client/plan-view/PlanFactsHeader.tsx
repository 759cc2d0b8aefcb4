'use client'

import { useParams } from 'next/navigation'
import { useEffect, useState } from 'react'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import { formatFactDate, hasFacts, type ConferenceFacts } from '@/lib/conference/facts'
import { ConferenceFactsResponse } from '@/lib/protocol/api'
import { callApi } from '@/client/web/api-client'
import styles from './Plan.module.css'
import own from './PlanFactsHeader.module.css'

/**
 * Above the plan: when and where the meeting is, which children it is about, the facilitator's
 * organisation and when the group meets again. Read once from GET /api/conferences/[id] (the same
 * gate as the board: whoever sees this plan may read them); nothing is shown while loading, on an
 * error, or when nothing is filled in. The conference id comes from the page's route.
 */
export function PlanFactsHeader() {
  const t = useT()
  const locale = useLocale()
  // Null outside the app router (a component test): then there is no conference to ask about.
  const conferenceId = useParams<{ conferenceId: string }>()?.conferenceId ?? null
  const [facts, setFacts] = useState<ConferenceFacts | null>(null)

  useEffect(() => {
    if (conferenceId === null) return
    let live = true
    callApi('GET', `/api/conferences/${encodeURIComponent(conferenceId)}`, ConferenceFactsResponse)
      .then((response) => live && setFacts(response.facts))
      // The facts are a header, not the plan: without them the plan still reads.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [conferenceId])

  if (facts === null || !hasFacts(facts)) return null
  const when =
    facts.meetingDate === null
      ? facts.startTime
      : facts.startTime === null
        ? formatFactDate(facts.meetingDate, locale)
        : t('plan.facts.dateTime', { date: formatFactDate(facts.meetingDate, locale), time: facts.startTime })
  const place = facts.place !== null && facts.online ? t('plan.facts.placeAndOnline', { place: facts.place }) : facts.online ? t('plan.facts.online') : facts.place
  const children = facts.children.map((child) => t('plan.facts.child', { name: child.firstName, age: child.age })).join(', ')
  const rows: [string, string | null][] = [
    [t('plan.facts.when'), when],
    [t('plan.facts.place'), place],
    [t('plan.facts.children'), children === '' ? null : children],
    [t('plan.facts.organisation'), facts.facilitatorOrganisation],
    [t('plan.facts.review'), facts.reviewDate === null ? null : formatFactDate(facts.reviewDate, locale)],
  ]
  return (
    <section className={styles.section} aria-labelledby="plan-facts-heading" data-testid="plan-facts">
      <h2 id="plan-facts-heading" className={own.heading}>
        {t('plan.facts.heading')}
      </h2>
      <dl className={own.facts}>
        {rows
          .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
          .map(([label, value]) => (
            <div key={label} className={own.fact}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  )
}
