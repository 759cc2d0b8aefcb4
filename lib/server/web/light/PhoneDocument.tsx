/** @jsxImportSource preact */
import type { Locale, Translate } from '@/lib/i18n'
import { catalogOf } from '@/lib/i18n/catalogs'
import type { AllMessages } from '@/lib/i18n'
import { LIGHT_PHONE_DATA_ID, LIGHT_PHONE_ROOT_ID, type LightPhoneData } from '@/client/light/phone-data'
import { LightDocument, lightDocumentResponse, scriptSafeJson } from './LightDocument'
import type { LightEntry } from './manifest'

/**
 * What the phone view reads of the catalogue (client/phone): whole areas, or only the keys under
 * these prefixes. The rest of the language stays on the server: every byte of the page is on her
 * way to a usable view. A key left out shows as itself, which tests/unit/light-documents.test.ts notices.
 */
const PHONE_KEYS: Partial<Record<keyof AllMessages, true | readonly string[]>> = {
  common: true,
  phone: true,
  meeting: ['phase.'],
  items: ['house.', 'person.group.', 'person.ring.', 'agreement.personGone'],
}

export function phoneMessages(locale: Locale): AllMessages {
  const catalog = catalogOf(locale)
  const picked: Record<string, Record<string, string>> = {}
  for (const [area, keys] of Object.entries(PHONE_KEYS)) {
    const messages = catalog[area as keyof AllMessages] as Record<string, string>
    picked[area] = keys === true ? messages : Object.fromEntries(Object.entries(messages).filter(([key]) => keys.some((prefix) => key.startsWith(prefix))))
  }
  return picked as unknown as AllMessages
}

/**
 * `/board/<id>/phone` as a light document (issue 10): the view's frame painted by the server at
 * once (the conference, who she is, "connecting"), then the phone view's own small client
 * (client/light/phone-main.tsx, Preact) draws the view from the props and strings in the page.
 */
export function PhoneDocument({ t, nonce, entry, data }: { t: Translate; nonce: string; entry: LightEntry; data: LightPhoneData }) {
  const { props } = data
  return (
    <LightDocument
      locale={data.locale}
      t={t}
      title={t('phone.title')}
      stylesheet={entry.css!}
      manifest="/manifest.webmanifest"
      preload={{ urls: [entry.js!, ...(entry.preload ?? [])], nonce }}
      scripts={
        <>
          <script type="application/json" id={LIGHT_PHONE_DATA_ID} nonce={nonce} dangerouslySetInnerHTML={{ __html: scriptSafeJson(data) }} />
          <script type="module" nonce={nonce} src={entry.js} />
        </>
      }
    >
      <div id={LIGHT_PHONE_ROOT_ID}>
        <main className="page page--narrow" data-testid="phone-first-paint">
          <section className="card stack">
            <p className="muted">{t('phone.title')}</p>
            <h1 dir="auto">{props.conferenceTitle}</h1>
            <p className="muted">{t('phone.you', { name: props.me.displayName, role: t(`common.role.${props.me.role}`) })}</p>
            <p role="status">{t('phone.status.connecting')}</p>
          </section>
        </main>
      </div>
    </LightDocument>
  )
}

export function phoneDocumentResponse(args: { t: Translate; nonce: string; entry: LightEntry; data: LightPhoneData }): Response {
  return lightDocumentResponse(<PhoneDocument {...args} />)
}
