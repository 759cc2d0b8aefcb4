'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { apiErrorMessageKey, callApi } from '@/client/web/api-client'
import type { MessageKey } from '@/lib/i18n'
import type { ParticipantRole } from '@/lib/conference/model'
import type { PersonLinkRow } from '@/lib/plan/follow-up/people'
import { PersonLinkResponse } from '@/lib/protocol/person-links'
import styles from './PeopleLinksSection.module.css'

export interface LinkableParticipant {
  id: string
  name: string
  role: ParticipantRole
}

/** The select's value for "nobody invited" (a participant id never looks like this). */
const NOBODY = 'nobody'

/**
 * The facilitator's "Who is who" on the follow-up view: per person on the board who owns or backs
 * up an agreement of the agreed plan, which participant that is (PUT …/person-links). A name that
 * only one participant carries is offered, marked as a suggestion to confirm; an ambiguous one
 * says "not linked". The follow-up reads the link before any name.
 */
export function PeopleLinksSection({ conferenceId, rows, participants }: { conferenceId: string; rows: PersonLinkRow[]; participants: LinkableParticipant[] }) {
  const t = useT()
  return (
    <section id="people-links" className="card stack" data-testid="people-links" aria-labelledby="people-links-title">
      <h2 id="people-links-title">{t('followUp.links.title')}</h2>
      <p className="muted">{t('followUp.links.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('followUp.links.none')}</p>
      ) : (
        <ul className={styles.rows}>
          {rows.map((row) => (
            // Keyed by what the server says, so a saved or cleared link starts the row afresh.
            <PersonLinkItem key={`${row.personId}:${row.state}:${row.participantId ?? ''}`} conferenceId={conferenceId} row={row} participants={participants} />
          ))}
        </ul>
      )}
    </section>
  )
}

function initialChoice(row: PersonLinkRow): string {
  if (row.state === 'nobody') return NOBODY
  if (row.state === 'linked' || row.state === 'name') return row.participantId ?? ''
  return ''
}

function PersonLinkItem({ conferenceId, row, participants }: { conferenceId: string; row: PersonLinkRow; participants: LinkableParticipant[] }) {
  const t = useT()
  const router = useRouter()
  const [choice, setChoice] = useState(initialChoice(row))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const nameOf = (id: string | null) => participants.find((p) => p.id === id)?.name ?? '?'
  const status = (() => {
    switch (row.state) {
      case 'linked':
        return t('followUp.links.status.linked', { name: nameOf(row.participantId) })
      case 'name':
        return t('followUp.links.status.name', { name: nameOf(row.participantId) })
      default:
        return t(`followUp.links.status.${row.state}`)
    }
  })()
  const settled = row.state === 'linked' || row.state === 'nobody'
  const unchanged = choice === initialChoice(row)

  async function send(body: { personId: string; participantId?: string | null; clear?: true }) {
    setBusy(true)
    setError(null)
    try {
      await callApi('PUT', `/api/conferences/${conferenceId}/person-links`, PersonLinkResponse, body)
      router.refresh()
    } catch (err) {
      setError(apiErrorMessageKey(err))
    } finally {
      setBusy(false)
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (choice === '') return
    void send({ personId: row.personId, participantId: choice === NOBODY ? null : choice })
  }

  const selectId = `person-link-${row.personId}`
  return (
    <li className={styles.row} data-testid="person-link" data-person={row.personId} data-state={row.state}>
      <form className={styles.form} onSubmit={save}>
        <label className="field__label" htmlFor={selectId}>
          {t('followUp.links.choose', { name: row.name })}
        </label>
        <p id={`${selectId}-status`} className={settled ? 'muted' : styles.attention} data-testid="person-link-status">
          {status}
        </p>
        <select id={selectId} aria-describedby={`${selectId}-status`} className="select" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={busy}>
          <option value="">{t('followUp.links.option.pick')}</option>
          {participants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({t(`common.role.${p.role}`)})
            </option>
          ))}
          <option value={NOBODY}>{t('followUp.links.option.nobody')}</option>
        </select>
        {error && (
          <p className="form-error" role="alert">
            {t(error)}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy || choice === '' || (settled && unchanged)}>
            {row.state === 'name' && unchanged ? t('followUp.links.confirm') : t('followUp.links.save')}
          </button>
          {(settled || row.state === 'revoked') && (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void send({ personId: row.personId, clear: true })}>
              {t('followUp.links.clear')}
            </button>
          )}
        </div>
      </form>
    </li>
  )
}
