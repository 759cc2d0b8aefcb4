import { cookies } from 'next/headers'
import { LOCALE_COOKIE, pickLocale, type Locale, type Translate } from '@/lib/i18n'
import { createTranslator } from '@/lib/i18n/catalogs'

/** The request's locale for server components and route handlers: the chosen one, else Dutch. */
export async function getRequestLocale(): Promise<Locale> {
  const cookieStore = await cookies()
  return pickLocale(cookieStore.get(LOCALE_COOKIE)?.value)
}

export async function getServerTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getRequestLocale()
  return { locale, t: createTranslator(locale) }
}
