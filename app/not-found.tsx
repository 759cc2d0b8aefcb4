import Link from 'next/link'
import { Notice } from '../client/web/common/Notice'
import { SiteFrame } from '../lib/server/web/views/SiteFrame'
import { getServerTranslator } from '../lib/server/web/translator'

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
