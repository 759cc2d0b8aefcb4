import { cookies } from 'next/headers'
import { apiRoute, jsonResponse, readJsonOrForm, requireSameOrigin, seeOther } from '@/lib/server/web/route'
import { getConfig } from '@/lib/server/config/env'
import { getDb } from '@/lib/server/web/db'
import { keepParticipantLocale } from '@/lib/server/web/participant-locale'
import { setLocaleCookie } from '@/lib/server/web/locale-cookie'
import { LocaleRequest, LocaleResponse } from '@/lib/protocol/api'

/**
 * POST /api/locale — the language switcher. A form post returns to the page it came from. Someone
 * invited by link keeps the choice on their invitation too (lib/server/web/participant-locale.ts).
 */
export const POST = apiRoute(async (req: Request) => {
  requireSameOrigin(req)
  const { data, isForm } = await readJsonOrForm(req, LocaleRequest)
  if (data.returnTo) {
    const cookieStore = await cookies()
    await keepParticipantLocale(await getDb(), data.returnTo, data.locale, (name) => cookieStore.get(name)?.value)
  }
  const response = isForm ? seeOther(data.returnTo ?? '/') : jsonResponse(LocaleResponse, { locale: data.locale })
  setLocaleCookie(response, data.locale, getConfig().secureCookies)
  return response
})
