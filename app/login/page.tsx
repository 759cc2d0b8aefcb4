import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getConfig } from '@/lib/server/config/env'
import type { MessageKey } from '@/lib/i18n'
import { SafeReturnPath } from '@/lib/protocol/api'
import { OIDC_PROVIDER_ID } from '../../lib/server/web/auth-options'
import { SiteFrame } from '../../lib/server/web/views/SiteFrame'
import { getServerTranslator } from '../../lib/server/web/translator'
import { getSignedInUser } from '../../lib/server/web/session'
import { LoginForm } from '../../client/web/login/LoginForm'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return { title: t('web.login.title') }
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** `/login`: next-auth's sign-in page. Errors come back as `?error=<code>`. */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams
  const returnTo = SafeReturnPath.safeParse(params.callbackUrl)
  const callbackUrl = returnTo.success ? returnTo.data : '/'
  if (await getSignedInUser()) redirect(callbackUrl)
  const { t } = await getServerTranslator()
  const oidc = getConfig().oidc
  return (
    <SiteFrame narrow showSignIn={false}>
      <div className="card stack">
        <h1>{t('web.login.title')}</h1>
        <p className="muted">{t('web.login.intro')}</p>
        <LoginForm
          callbackUrl={callbackUrl}
          initialError={errorKey(params.error)}
          oidc={oidc ? { id: OIDC_PROVIDER_ID, name: oidc.name } : null}
        />
      </div>
    </SiteFrame>
  )
}

function errorKey(error: string | string[] | undefined): MessageKey | null {
  if (typeof error !== 'string') return null
  return error === 'CredentialsSignin' ? 'web.login.error.credentials' : 'web.login.error.oidc'
}
