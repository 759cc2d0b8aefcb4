import type { z } from 'zod'
import type { MessageKey } from '@/lib/i18n'
import { ApiErrorBody, type ApiErrorCode } from '@/lib/protocol/api-error'

/** A failed API call, reduced to what the page can say about it. */
export class ApiCallError extends Error {
  constructor(readonly code: ApiErrorCode | 'network') {
    super(code)
    this.name = 'ApiCallError'
  }
}

/**
 * Call one of Kring's route handlers from the browser and check the answer with the same zod
 * schema the server used. Same-origin `fetch` sends the Origin header the server checks.
 */
export async function callApi<S extends z.ZodType>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  responseSchema: S,
  body?: unknown,
): Promise<z.output<S>> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiCallError('network')
  }
  const json: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const parsed = ApiErrorBody.safeParse(json)
    throw new ApiCallError(parsed.success ? parsed.data.error.code : 'internal')
  }
  const parsed = responseSchema.safeParse(json)
  if (!parsed.success) throw new ApiCallError('internal')
  return parsed.data
}

/** The sentence to show for a failed call. */
export function apiErrorMessageKey(err: unknown): MessageKey {
  const code = err instanceof ApiCallError ? err.code : 'internal'
  switch (code) {
    case 'unauthenticated':
    case 'forbidden':
    case 'not_found':
    case 'bad_request':
    case 'network':
    case 'too_many_requests':
      return `web.apiError.${code}`
    default:
      return 'common.errorGeneric'
  }
}
