'use client'

import { useState, type FormEvent } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { ConferenceFacts } from '@/lib/conference/facts'
import { ConferenceFactsResponse } from '@/lib/protocol/api'
import type { MessageKey } from '@/lib/i18n'
import { apiErrorMessageKey, callApi } from '@/client/web/api-client'
import { FormFooter } from '@/client/web/common/FormFooter'
import { HydratedFieldset } from '@/client/web/common/HydratedFieldset'
import { draftOfFacts, factsOfDraft } from '@/client/web/conferences/facts-draft'
import { FactsFields } from '@/client/web/conferences/FactsFields'

/**
 * The facilitator fills in or corrects the conference's case-file facts (PATCH
 * /api/conferences/[id]). Versions agreed earlier keep the facts they were agreed with.
 */
export function ConferenceFactsForm({ conferenceId, facts }: { conferenceId: string; facts: ConferenceFacts }) {
  const t = useT()
  const [draft, setDraft] = useState(() => draftOfFacts(facts))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const [saved, setSaved] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const input = factsOfDraft(draft)
    if (input === null) {
      setError('web.facts.invalid')
      return
    }
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      const response = await callApi('PATCH', `/api/conferences/${conferenceId}`, ConferenceFactsResponse, { facts: input })
      setDraft(draftOfFacts(response.facts))
      setSaved(true)
    } catch (err) {
      setError(apiErrorMessageKey(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form card" onSubmit={submit} data-testid="conference-facts-form">
      <HydratedFieldset>
        <FactsFields
          draft={draft}
          onChange={(next) => {
            setDraft(next)
            setSaved(false)
          }}
        />
        <p className="field__hint">{t('web.facts.frozenHint')}</p>
        {saved && (
          <p role="status" data-testid="facts-saved">
            {t('web.facts.saved')}
          </p>
        )}
        <FormFooter error={error} busy={busy} submit="web.facts.save" busyLabel="web.facts.saving" />
      </HydratedFieldset>
    </form>
  )
}
