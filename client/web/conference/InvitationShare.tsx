'use client'

import { useState } from 'react'
import { useLocale, useT } from '@/client/i18n/I18nProvider'
import type { MessageKey } from '@/lib/i18n'
import type { InvitationShare as Share } from '@/lib/protocol/api'

/**
 * Sending a fresh invitation on from the facilitator's phone or laptop: the phone's share sheet
 * (Web Share API, where there is one), a prepared WhatsApp, SMS or e-mail, and the meeting as a
 * calendar file. The message is in the invitee's language, picked here; every version was made by
 * the server together with the link.
 */
export function InvitationShare({ shares, preferred }: { shares: Share[]; preferred?: string | null }) {
  const t = useT()
  const uiLocale = useLocale()
  // The invitee's own language first (chosen with the invitation), else the facilitator's.
  const [locale, setLocale] = useState(() => [preferred, uiLocale].find((l) => shares.some((s) => s.locale === l)) ?? shares[0]?.locale)
  const share = shares.find((s) => s.locale === locale) ?? shares[0]
  if (!share) return null
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function'
  const body = encodeURIComponent(share.text)

  async function openShareSheet() {
    try {
      await navigator.share({ title: share!.subject, text: share!.text })
    } catch {
      // Closing the share sheet is no error worth showing; the other ways stay on screen.
    }
  }

  function downloadCalendar() {
    const file = new Blob([share!.calendar ?? ''], { type: 'text/calendar;charset=utf-8' })
    const url = URL.createObjectURL(file)
    const a = document.createElement('a')
    a.href = url
    a.download = 'familienetwerkberaad.ics'
    a.click()
    URL.revokeObjectURL(url)
  }

  return (
    <div className="stack invite-share" data-testid="invitation-share">
      <h3>{t('web.share.heading')}</h3>
      <div className="field">
        <label className="field__label" htmlFor="invite-share-language">
          {t('web.share.language')}
        </label>
        <select id="invite-share-language" className="input" value={share.locale} onChange={(e) => setLocale(e.target.value)} data-testid="share-language">
          {shares.map((s) => (
            <option key={s.locale} value={s.locale} lang={s.locale}>
              {t(`web.language.${s.locale}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        {canShare && (
          <button type="button" className="button" onClick={() => void openShareSheet()} data-testid="share-sheet">
            {t('web.share.send')}
          </button>
        )}
        <a className="button button--quiet" href={`https://wa.me/?text=${body}`} target="_blank" rel="noopener noreferrer" data-testid="share-whatsapp">
          {t('web.share.whatsapp')}
        </a>
        <a className="button button--quiet" href={`sms:?&body=${body}`} data-testid="share-sms">
          {t('web.share.sms')}
        </a>
        <a className="button button--quiet" href={`mailto:?subject=${encodeURIComponent(share.subject)}&body=${body}`} data-testid="share-email">
          {t('web.share.email')}
        </a>
        {share.calendar !== null && (
          <button type="button" className="button button--quiet" onClick={downloadCalendar} data-testid="share-calendar">
            {t('web.share.calendar')}
          </button>
        )}
      </div>
      {share.calendar === null && <p className="field__hint">{t('web.share.noDate')}</p>}
      <details>
        <summary>{t('web.share.preview')}</summary>
        <pre className="invite-share__text" lang={share.locale} dir="auto" data-testid="share-text" aria-label={t('web.share.preview')}>
          {share.text}
        </pre>
      </details>
    </div>
  )
}
