'use client'

import { RenderError } from '../client/web/common/RenderError'

/** Any page that fails to render: say so plainly and offer a way on. Details stay in the server log. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RenderError title="web.error.title" body="common.errorGeneric" retry="web.error.retry" onRetry={reset} />
}
