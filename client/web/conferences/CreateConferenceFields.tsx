'use client'

import { useRouter } from 'next/navigation'
import { useId, useState, type FormEvent } from 'react'
import { ConferenceId, conferenceKinds, type ConferenceKind } from '@/lib/conference/model'
import { CreateConferenceRequest, CreateConferenceResponse } from '@/lib/protocol/api'
import { ApiCallError, apiErrorMessageKey, callApi } from '@/client/web/api-client'
import { useT } from '@/client/i18n/I18nProvider'
import type { MessageKey } from '@/lib/i18n'
import { FormFooter } from '@/client/web/common/FormFooter'
import { HydratedFieldset } from '@/client/web/common/HydratedFieldset'
import { draftOfFacts, factsOfDraft, type FactsDraft } from './facts-draft'
import { FactsFields } from './FactsFields'

/** An earlier conference an evaluatie can review, as the select shows it. */
export interface ReviewChoice {
  id: string
  title: string
  version: number
  /** The date its latest version was agreed, formatted for the reader. */
  frozenOn: string
}

const NO_REVIEW = ''

/**
 * Title and kind (and, for an evaluatie, which earlier conference it reviews), and the case-file
 * facts known already (date, time, place, children, organisation, review date); on success the
 * facilitator lands on the new conference to invite people.
 */
export function CreateConferenceFields({ reviewable }: { reviewable: ReviewChoice[] }) {
  const t = useT()
  const router = useRouter()
  const id = useId()
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<ConferenceKind>('familiegroepsplan')
  // The most recently agreed conference is the likeliest to be reviewed.
  const [reviews, setReviews] = useState<string>(reviewable[0]?.id ?? NO_REVIEW)
  const [facts, setFacts] = useState<FactsDraft>(() => draftOfFacts(null))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const reviewing = kind === 'evaluatie' && reviews !== NO_REVIEW

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const factsInput = factsOfDraft(facts)
    if (factsInput === null) {
      setError('web.facts.invalid')
      return
    }
    const input = CreateConferenceRequest.safeParse({ title, kind, facts: factsInput })
    const reviewed = reviewing ? ConferenceId.safeParse(reviews) : null
    if (!input.success || (reviewed && !reviewed.success)) {
      setError('web.apiError.bad_request')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const request = { title: input.data.title, kind: input.data.kind, facts: factsInput }
      const body = reviewed?.success ? { ...request, reviewsConferenceId: reviewed.data } : request
      const { conference } = await callApi('POST', '/api/conferences', CreateConferenceResponse, body)
      router.push(`/conferences/${conference.id}`)
    } catch (err) {
      // The conference to review is not (or no longer) one of yours with an agreed plan.
      const refused = reviewing && err instanceof ApiCallError && (err.code === 'forbidden' || err.code === 'bad_request')
      setError(refused ? 'web.create.reviewsRefused' : apiErrorMessageKey(err))
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={submit} data-testid="create-conference-form" aria-labelledby={`${id}-heading`}>
      <HydratedFieldset>
        <h2 id={`${id}-heading`}>{t('web.create.title')}</h2>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-title`}>
            {t('web.create.titleLabel')}
          </label>
          <input
            id={`${id}-title`}
            name="title"
            className="input"
            required
            maxLength={120}
            autoComplete="off"
            placeholder={t('web.create.titlePlaceholder')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-describedby={`${id}-title-hint`}
          />
          <span id={`${id}-title-hint`} className="field__hint">
            {t('web.create.titleHint')}
          </span>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-kind`}>
            {t('web.create.kindLabel')}
          </label>
          <select
            id={`${id}-kind`}
            name="kind"
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value as ConferenceKind)}
            aria-describedby={`${id}-kind-hint`}
          >
            {conferenceKinds.map((k) => (
              <option key={k} value={k}>
                {t(`common.kind.${k}`)}
              </option>
            ))}
          </select>
          <span id={`${id}-kind-hint`} className="field__hint">
            {t(`web.create.kindHint.${kind}`)}
          </span>
        </div>
        {kind === 'evaluatie' && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-reviews`}>
              {t('web.create.reviewsLabel')}
            </label>
            <select
              id={`${id}-reviews`}
              name="reviewsConferenceId"
              className="select"
              value={reviews}
              onChange={(e) => setReviews(e.target.value)}
              aria-describedby={`${id}-reviews-hint`}
            >
              {reviewable.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('web.create.reviewsOption', { title: c.title, version: c.version, date: c.frozenOn })}
                </option>
              ))}
              <option value={NO_REVIEW}>{t('web.create.reviewsNone')}</option>
            </select>
            <span id={`${id}-reviews-hint`} className="field__hint">
              {t(reviewable.length === 0 ? 'web.create.reviewsEmpty' : reviewing ? 'web.create.reviewsHint' : 'web.create.reviewsNoneHint')}
            </span>
          </div>
        )}
        <FactsFields draft={facts} onChange={setFacts} />
        <FormFooter error={error} busy={busy} submit="web.create.submit" busyLabel="web.create.busy" />
      </HydratedFieldset>
    </form>
  )
}
