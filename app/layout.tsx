import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { catalogOf } from '@/lib/i18n/catalogs'
import { I18nProvider } from '../client/i18n/I18nProvider'
import { directionOf } from '../lib/i18n'
import { getServerTranslator } from '../lib/server/web/translator'
import './fonts.css'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getServerTranslator()
  return {
    title: { default: t('common.appName'), template: `%s · ${t('common.appName')}` },
    description: t('web.meta.description'),
    // A private workspace about families: nothing here belongs in a search engine.
    robots: { index: false, follow: false },
  }
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#f6f4ef',
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getServerTranslator()
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <I18nProvider locale={locale} messages={catalogOf(locale)}>{children}</I18nProvider>
      </body>
    </html>
  )
}
