/**
 * Where the join takes someone: a phone lands on the phone view (`/board/<id>/phone`, issue 10),
 * anything else on the board. Read from the request: the client hint `Sec-CH-UA-Mobile: ?1`
 * (Chromium), else the user agent's "Mobi" / iPhone / Android phone marks. A tablet gets the board.
 */
export function isPhoneRequest(headers: { get(name: string): string | null }): boolean {
  const hint = headers.get('sec-ch-ua-mobile')
  if (hint === '?1') return true
  if (hint === '?0') return false
  const agent = headers.get('user-agent') ?? ''
  return /Mobi|iPhone|iPod|Android.+Mobile|Windows Phone/i.test(agent)
}

export function boardLandingPath(conferenceId: string, phone: boolean): string {
  return phone ? `/board/${conferenceId}/phone` : `/board/${conferenceId}`
}
