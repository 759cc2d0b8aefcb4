import { z } from 'zod'

/**
 * The one error type of Kring's HTTP API. Each code has exactly one HTTP status, so route
 * handlers throw a code and never pick statuses by hand, and clients can branch on the code.
 */
export const apiErrorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  cross_origin: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
} as const

export type ApiErrorCode = keyof typeof apiErrorStatus
export const ApiErrorCode = z.enum(Object.keys(apiErrorStatus) as [ApiErrorCode, ...ApiErrorCode[]])

export class ApiError extends Error {
  readonly status: number
  /** For `too_many_requests`: seconds until trying again makes sense (the `Retry-After` header). */
  readonly retryAfterSeconds: number | undefined

  constructor(
    readonly code: ApiErrorCode,
    message: string = code,
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = apiErrorStatus[code]
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

/** Body of every error response: `{ "error": { "code": "forbidden", "message": "…" } }`. */
export const ApiErrorBody = z.object({
  error: z.object({ code: ApiErrorCode, message: z.string() }),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

export function toErrorBody(error: ApiError): ApiErrorBody {
  return { error: { code: error.code, message: error.message } }
}
