'use client'

import { useRouter } from 'next/navigation'
import { useId, useState, type FormEvent } from 'react'
import { conferenceKinds, type ConferenceKind } from '@/lib/conference/model'
import { CreateConferenceRequest, CreateConferenceResponse } from '@/lib/protocol/api'
import { apiErrorMessageKey, callApi } from '@/app/_components/api-client'
import { useT } from '@/app/_i18n/I18nProvider'
import type { MessageKey } from '@/lib/i18n'

/** Title and kind; on success the facilitator lands on the new conference to invite people. */
export function CreateConferenceForm() {
  const t = useT()
  const router = useRouter()
  const id = useId()
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<ConferenceKind>('familiegroepsplan')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const input = CreateConferenceRequest.safeParse({ title, kind })
    if (!input.success) {
      setError('web.apiError.bad_request')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const { conference } = await callApi('POST', '/api/conferences', CreateConferenceResponse, input.data)
      router.push(`/conferences/${conference.id}`)
    } catch (err) {
      setError(apiErrorMessageKey(err))
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={submit} data-testid="create-conference-form" aria-labelledby={`${id}-heading`}>
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
        <select id={`${id}-kind`} name="kind" className="select" value={kind} onChange={(e) => setKind(e.target.value as ConferenceKind)}>
          {conferenceKinds.map((k) => (
            <option key={k} value={k}>
              {t(`common.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('web.create.busy') : t('web.create.submit')}
        </button>
      </div>
    </form>
  )
}
