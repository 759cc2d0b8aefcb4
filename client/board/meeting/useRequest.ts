'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { requestFailure, type RequestFailure } from '@/lib/meeting/request-outcome'
import type { AckResult } from '@/lib/protocol/meeting'

export interface RequestState<A extends string> {
  /** The request on its way, and whom it is about when that matters (whose yes is recorded). */
  busy: { action: A; subject?: string } | null
  /** The last refusal or missing answer, until the next request or `dismiss`. */
  failure: RequestFailure<A> | null
  /** Resolves true when the server said yes. */
  run(action: A, request: () => Promise<AckResult>, subject?: string): Promise<boolean>
  dismiss(): void
}

/**
 * One meeting request at a time from a control (the meeting controls, the facilitation tools,
 * agreeing on the plan): whether one is on its way, and what went wrong for the person to read.
 * An answer that arrives after the control is gone changes nothing.
 */
export function useRequest<A extends string>(): RequestState<A> {
  const [busy, setBusy] = useState<RequestState<A>['busy']>(null)
  const [failure, setFailure] = useState<RequestFailure<A> | null>(null)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(async (action: A, request: () => Promise<AckResult>, subject?: string) => {
    setBusy({ action, subject })
    setFailure(null)
    const result = await request()
    if (!mounted.current) return result.ok
    setBusy(null)
    setFailure(requestFailure(action, result))
    return result.ok
  }, [])
  const dismiss = useCallback(() => setFailure(null), [])
  return { busy, failure, run, dismiss }
}
