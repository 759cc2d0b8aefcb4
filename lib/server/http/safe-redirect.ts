/**
 * Where a redirect after signing in or out may go: a path of Kring, or an absolute URL on
 * Kring's own origin; anything else (another site, `//host`, `javascript:`, a URL that does not
 * even parse such as `http://localhost:3000.evil.example/`) goes to the start page.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = parseUrl(baseUrl)
  if (base === null) return '/'
  return kringUrl(url, base) ?? base.origin
}

/** Whether `url` is a path of Kring or an absolute URL on Kring's origin (`baseUrl`'s). */
export function isKringUrl(url: string, baseUrl: string): boolean {
  const base = parseUrl(baseUrl)
  return base !== null && kringUrl(url, base) !== null
}

function kringUrl(url: string, base: URL): string | null {
  // Exactly one leading slash: `//host` and `/\host` are other sites to a browser.
  if (/^\/(?![/\\])[^\s]*$/.test(url)) return `${base.origin}${url}`
  const target = parseUrl(url)
  if (target !== null && target.origin === base.origin && (target.protocol === 'http:' || target.protocol === 'https:')) return target.href
  return null
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}
