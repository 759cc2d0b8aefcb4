import { apiRoute, seeOther } from '@/lib/server/web/route'
import { getConfig } from '@/lib/server/config/env'
import { getDb } from '@/lib/server/web/db'
import { setLocaleCookie } from '@/lib/server/web/locale-cookie'
import { isLocale } from '@/lib/i18n'
import { findLiveInvitation } from '@/lib/server/db/repositories/participants'

/**
 * GET /join/[token]/language — the join page sends a device here when the invitation names a
 * language this device does not show yet: the language cookie is set to it and the page opens
 * again, now in her language (the root layout reads the cookie for `<html lang dir>`). The `lang`
 * parameter stops a second round when the device keeps no cookies.
 */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ token: string }> }) => {
  const { token } = await ctx.params
  const invitation = await findLiveInvitation(await getDb(), token)
  const locale = invitation.live ? invitation.participant.locale : null
  if (!isLocale(locale)) return seeOther(`/join/${encodeURIComponent(token)}`)
  const response = seeOther(`/join/${encodeURIComponent(token)}?lang=${locale}`)
  setLocaleCookie(response, locale, getConfig().secureCookies)
  return response
})
