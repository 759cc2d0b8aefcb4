import type { AllMessages, Locale } from '@/lib/i18n'
import type { PhoneClientProps } from '@/client/phone/PhoneClient'

/**
 * What the phone view's light document hands its client (client/light/phone-main.tsx): the
 * view's props and the reader's strings, as JSON in a non-executable script element.
 */
export interface LightPhoneData {
  locale: Locale
  /** Only the areas the phone view reads (lib/server/web/light/phone-messages.ts). */
  messages: AllMessages
  props: PhoneClientProps
}

export const LIGHT_PHONE_DATA_ID = 'kring-phone-data'
export const LIGHT_PHONE_ROOT_ID = 'kring-phone'
