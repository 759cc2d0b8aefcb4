/**
 * Cross-site request forgery guard for state-changing requests: the request must come from a
 * page of Kring itself.
 *
 * Browsers send `Origin` on every POST, but because Kring serves `Referrer-Policy: no-referrer`
 * a plain HTML form post carries `Origin: null`. For those we fall back on `Sec-Fetch-Site`,
 * which every current browser sends and a page on another site cannot forge. A request
 * with neither signal (or `Origin: null` without `Sec-Fetch-Site: same-origin`) is refused.
 */
export interface OriginHeaders {
  origin: string | null
  secFetchSite: string | null
}

export function isSameOriginRequest(headers: OriginHeaders, publicUrl: string): boolean {
  const { origin, secFetchSite } = headers
  if (origin !== null && origin !== 'null') {
    return origin === originOf(publicUrl)
  }
  return secFetchSite === 'same-origin'
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return ''
  }
}
