/** @jsxImportSource preact */
import type { ComponentChildren, VNode } from 'preact'
import renderToString from 'preact-render-to-string'
import { directionOf, type Locale, type Translate } from '@/lib/i18n'

/**
 * The frame of a light document (issue 10): a page served by a route handler as plain HTML,
 * outside Next's client runtime, for a phone on a slow line. Rendered with Preact on the server
 * (lib/server/web/light/*Document.tsx); what it shows comes from lib/i18n in the reader's locale,
 * with `dir` for Arabic, and every script carries the request's CSP nonce (proxy.ts).
 */
export interface LightDocumentProps {
  locale: Locale
  t: Translate
  /** The page's own title; the app's name follows, as on every page. */
  title: string
  /** The stylesheet's URL, or its text to put into the page (`inline`). */
  stylesheet: string | { inline: string }
  /** The web app manifest (the phone view is installable). */
  manifest?: string
  /** Module scripts to fetch at once, with the request's CSP nonce. */
  preload?: { urls: string[]; nonce: string }
  children: ComponentChildren
  /** At the end of <body>. */
  scripts?: ComponentChildren
}

export function LightDocument({ locale, t, title, stylesheet, manifest, preload, children, scripts }: LightDocumentProps) {
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#f6f4ef" />
        {/* A private workspace about families: nothing here belongs in a search engine. */}
        <meta name="robots" content="noindex, nofollow" />
        <meta name="description" content={t('web.meta.description')} />
        <title>{`${title} · ${t('common.appName')}`}</title>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        {typeof stylesheet === 'string' ? <link rel="stylesheet" href={stylesheet} /> : <style dangerouslySetInnerHTML={{ __html: stylesheet.inline }} />}
        {manifest ? <link rel="manifest" href={manifest} /> : null}
        {preload?.urls.map((url) => <link key={url} rel="modulepreload" href={url} nonce={preload.nonce} />)}
      </head>
      <body>
        {children}
        {scripts}
      </body>
    </html>
  )
}

/**
 * The HTML response of a light document. Never cached by anyone but the offline shell (the page
 * carries a per-request nonce and someone's conference); the CSP header comes from proxy.ts.
 */
export function lightDocumentResponse(document: VNode, status = 200): Response {
  return new Response(`<!DOCTYPE html>${renderToString(document)}`, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate',
    },
  })
}

/** JSON for a non-executable <script> element: nothing in it can end the element early. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}
