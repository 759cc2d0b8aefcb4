'use client'

import { useEffect } from 'react'

/**
 * Tells the server, once, that this invitation was opened in a browser, so the facilitator sees
 * it reached its person. Only a browser runs it: a chat app fetching the link for a preview does
 * not. Nothing depends on the answer.
 */
export function OpenedBeacon({ token }: { token: string }) {
  useEffect(() => {
    void fetch('/api/join/opened', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
      keepalive: true,
    }).catch(() => undefined)
  }, [token])
  return null
}
