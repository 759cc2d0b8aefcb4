import type { NextResponse } from 'next/server'
import { LOCALE_COOKIE, type Locale } from '@/lib/i18n'

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

/** The chosen language, for a year. Readable by scripts on purpose: it holds a language, nothing secret. */
export function setLocaleCookie(response: NextResponse, locale: Locale, secure: boolean): void {
  response.cookies.set(LOCALE_COOKIE, locale, { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge: ONE_YEAR_SECONDS })
}
