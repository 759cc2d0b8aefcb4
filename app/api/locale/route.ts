import { apiRoute, jsonResponse, readJsonOrForm, requireSameOrigin, seeOther } from '@/lib/server/web/route'
import { getConfig } from '@/lib/server/config/env'
import { LOCALE_COOKIE } from '@/lib/i18n'
import { LocaleRequest, LocaleResponse } from '@/lib/protocol/api'

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

/** POST /api/locale — the NL/EN switcher. A form post returns to the page it came from. */
export const POST = apiRoute(async (req: Request) => {
  requireSameOrigin(req)
  const { data, isForm } = await readJsonOrForm(req, LocaleRequest)
  const response = isForm ? seeOther(data.returnTo ?? '/') : jsonResponse(LocaleResponse, { locale: data.locale })
  // Readable by scripts on purpose: it holds a language, nothing secret.
  response.cookies.set(LOCALE_COOKIE, data.locale, {
    httpOnly: false,
    sameSite: 'lax',
    secure: getConfig().secureCookies,
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
  })
  return response
})
