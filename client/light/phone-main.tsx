/**
 * The phone view's client as a light document runs it (app/board/[conferenceId]/phone/route.ts,
 * built by scripts/build-light.mjs on Preact). The server put the view's props and the reader's
 * strings (one language, only the areas the view uses) into the page as JSON; this renders the
 * same PhoneClient the view always had in place of the server's first paint.
 */
import { render } from 'preact'
import { I18nProvider } from '@/client/i18n/I18nProvider'
import { PhoneClient } from '@/client/phone/PhoneClient'
import type { LightPhoneData } from './phone-data'
import { LIGHT_PHONE_DATA_ID, LIGHT_PHONE_ROOT_ID } from './phone-data'
import './site.css'

const dataElement = document.getElementById(LIGHT_PHONE_DATA_ID)
const root = document.getElementById(LIGHT_PHONE_ROOT_ID)
if (dataElement && root) {
  const data = JSON.parse(dataElement.textContent ?? '{}') as LightPhoneData
  // The server's first paint goes: the client draws the view from the same props.
  root.textContent = ''
  render(
    <I18nProvider locale={data.locale} messages={data.messages}>
      <PhoneClient {...data.props} />
    </I18nProvider>,
    root,
  )
}
