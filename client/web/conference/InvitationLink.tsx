'use client'

import { useEffect, useRef, useState } from 'react'
import { QrCode } from '@/client/web/common/QrCode'
import { InvitationShare } from './InvitationShare'
import { useT } from '@/client/i18n/I18nProvider'
import { isolate } from '@/lib/i18n/format'
import type { InviteResponse } from '@/lib/protocol/api'

/**
 * The link of a fresh invitation, with its QR code and a copy button. It lives only in this
 * page's memory: the server keeps a hash, so once closed it cannot be shown again.
 */
export function InvitationLink({ invitation, onClose }: { invitation: InviteResponse; onClose: () => void }) {
  const t = useT()
  const heading = useRef<HTMLHeadingElement>(null)
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const name = invitation.participant.displayName

  // Move focus here so keyboard and screen-reader users notice the link appeared.
  useEffect(() => heading.current?.focus(), [invitation.token])

  async function copy() {
    try {
      await navigator.clipboard.writeText(invitation.joinUrl)
      setCopyState('copied')
    } catch {
      setCopyState('failed')
    }
  }

  return (
    <section className="card invite-link" aria-labelledby="invite-link-heading" data-testid="invitation-link-panel">
      <h2 id="invite-link-heading" ref={heading} tabIndex={-1}>
        {t('web.link.title', { name: isolate(name) })}
      </h2>
      <div className="invite-link__grid">
        <div className="stack">
          <p>{t('web.link.explain', { name: isolate(name) })}</p>
          <div>
            <span className="field__label" id="invite-link-label">
              {t('web.link.label')}
            </span>
            <code className="invite-link__url" aria-labelledby="invite-link-label" data-testid="invitation-link">
              {invitation.joinUrl}
            </code>
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={copy} data-testid="copy-invitation-link">
              {t('web.link.copy')}
            </button>
            <button type="button" className="button button--quiet" onClick={onClose}>
              {t('web.link.close')}
            </button>
          </div>
          <p className="status-message" role="status">
            {copyState === 'copied' ? t('web.link.copied') : copyState === 'failed' ? t('web.link.copyFailed') : ''}
          </p>
          <p className="invite-link__once">{t('web.link.once')}</p>
          {/* Right under the link: on her phone, sending it on is what the facilitator does next. */}
          {invitation.shares && invitation.shares.length > 0 && <InvitationShare shares={invitation.shares} preferred={invitation.participant.locale} />}
        </div>
        <QrCode text={invitation.joinUrl} label={t('web.link.qr', { name })} className="invite-link__qr" />
      </div>

    </section>
  )
}
