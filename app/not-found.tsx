import Link from 'next/link'
import { Notice } from './_components/Notice'
import { SiteFrame } from './_components/SiteFrame'
import { getServerTranslator } from './_i18n/server'

export default async function NotFound() {
  const { t } = await getServerTranslator()
  return (
    <SiteFrame narrow>
      <Notice title={t('web.notFound.title')}>
        <p>{t('web.notFound.body')}</p>
        <Link href="/">{t('web.boardAccess.home')}</Link>
      </Notice>
    </SiteFrame>
  )
}
