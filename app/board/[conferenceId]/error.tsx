'use client'

import { RenderError } from '@/client/web/common/RenderError'

/** When the board page itself fails (not a lost connection, which the board handles). */
export default function BoardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RenderError title="web.board.error.title" retry="web.board.error.retry" onRetry={reset} />
}
