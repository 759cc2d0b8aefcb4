import type { Metadata, Viewport } from 'next'
import localFont from 'next/font/local'
import type { ReactNode } from 'react'
import { catalogOf } from '@/lib/i18n/catalogs'
import { I18nProvider } from '../client/i18n/I18nProvider'
import { directionOf } from '../lib/i18n'
import { getServerTranslator } from '../lib/server/web/translator'
import './globals.css'

// IBM Plex Sans (the board's own typeface, shipped with @tldraw/assets) for headings and buttons;
// body text uses the device's system font. Loaded from local files: no font service is contacted.
const plexSans = localFont({
  src: [
    { path: './fonts/IBMPlexSans-Medium.woff2', weight: '500', style: 'normal' },
    { path: './fonts/IBMPlexSans-Bold.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-heading',
  display: 'swap',
})

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
    <html lang={locale} dir={directionOf(locale)} className={plexSans.variable}>
      <body>
        <I18nProvider locale={locale} messages={catalogOf(locale)}>{children}</I18nProvider>
      </body>
    </html>
  )
}
