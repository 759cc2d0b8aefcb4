'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { MessageKey } from '@/lib/i18n'
import type { AckResult } from '@/lib/protocol/meeting'
import { ackErrorKey } from './ack-errors'

/**
 * One meeting request at a time from a control: whether it is on its way, and the sentence for
 * the last refusal (cleared by the next try). `run` resolves true when the server said yes.
 */
export function useRequest(): { busy: boolean; error: MessageKey | null; run(request: () => Promise<AckResult>): Promise<boolean>; clear(): void } {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(async (request: () => Promise<AckResult>) => {
    setBusy(true)
    setError(null)
    const result = await request()
    if (!mounted.current) return result.ok
    setBusy(false)
    setError(ackErrorKey(result))
    return result.ok
  }, [])
  const clear = useCallback(() => setError(null), [])
  return { busy, error, run, clear }
}
