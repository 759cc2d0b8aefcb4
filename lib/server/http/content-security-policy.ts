/**
 * The Content-Security-Policy of every page (proxy.ts sets it with a fresh nonce per request;
 * Next puts that nonce on its own scripts). What it allows, and why:
 * - scripts: only those carrying the nonce, and what they load ('strict-dynamic'); React needs
 *   eval only in development;
 * - styles: Kring's stylesheets, plus inline styles: tldraw positions every shape with style
 *   attributes and adds <style> elements, and a nonce in style-src would switch inline styles off;
 * - images: Kring itself, and data:/blob: URLs (tldraw's pasted images, exports, cursors);
 * - connections: Kring itself and its websockets (sync and socket.io on PUBLIC_URL); nothing
 *   else, so no board content or page URL can be sent to a third party;
 * - no plugins, no framing by other sites, forms and <base> only to Kring.
 */
export function contentSecurityPolicy({ nonce, publicUrl, dev }: { nonce: string; publicUrl: string; dev: boolean }): string {
  const origin = new URL(publicUrl)
  const websocketOrigin = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${websocketOrigin}`,
    "worker-src 'self' blob:",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(origin.protocol === 'https:' ? ['upgrade-insecure-requests'] : []),
  ]
  return directives.join('; ')
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}
