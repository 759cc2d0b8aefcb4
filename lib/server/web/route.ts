import { NextResponse } from 'next/server'
import { z } from 'zod'
import { getConfig } from '@/lib/server/config/env'
import { API_BODY_LIMIT_BYTES, BodyTooLargeError, readLimitedText } from '@/lib/server/http/read-limited'
import { isSameOriginRequest } from '@/lib/server/http/same-origin'
import { ApiError, toErrorBody } from '@/lib/protocol/api-error'
import { getWebLogger } from './logger'

/**
 * The plumbing every route handler shares: one error type mapped to statuses, bodies capped at
 * 16 KiB and parsed with zod, same-origin checks for anything that changes state, and
 * responses checked against their schema so nothing extra (a hash, a user id) leaks out.
 */

type Handler<C> = (req: Request, ctx: C) => Promise<Response>

/** Wrap a handler: ApiErrors become `{error:{code,message}}` with their status; anything else is a 500. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx)
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(err)
      getWebLogger().error({ err, path: new URL(req.url).pathname }, 'route handler failed')
      return errorResponse(new ApiError('internal', 'internal error'))
    }
  }
}

export function errorResponse(err: ApiError): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
  if (err.retryAfterSeconds !== undefined) headers['Retry-After'] = String(err.retryAfterSeconds)
  return NextResponse.json(toErrorBody(err), { status: err.status, headers })
}

/** A JSON response, validated (and stripped of unknown keys) by its schema. */
export function jsonResponse<S extends z.ZodType>(schema: S, data: z.input<S>, status = 200): NextResponse {
  return NextResponse.json(schema.parse(data), { status, headers: { 'Cache-Control': 'no-store' } })
}

/** Refuse state-changing requests made by pages of another site (see lib/server/http/same-origin.ts). */
export function requireSameOrigin(req: Request): void {
  const ok = isSameOriginRequest(
    { origin: req.headers.get('origin'), secFetchSite: req.headers.get('sec-fetch-site') },
    getConfig().publicUrl,
  )
  if (!ok) throw new ApiError('cross_origin', 'request must come from Kring itself')
}

async function readBody(req: Request): Promise<string> {
  try {
    return await readLimitedText(req.body, req.headers.get('content-length'), API_BODY_LIMIT_BYTES)
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new ApiError('payload_too_large', err.message)
    throw new ApiError('bad_request', 'could not read the request body')
  }
}

function mediaType(req: Request): string {
  return (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) {
    const fields = result.error.issues.map((i) => i.path.join('.') || '(body)').join(', ')
    throw new ApiError('bad_request', `invalid fields: ${fields}`)
  }
  return result.data
}

/** A JSON body, at most 16 KiB, parsed with `schema`. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  if (mediaType(req) !== 'application/json') throw new ApiError('unsupported_media_type', 'send application/json')
  const text = await readBody(req)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ApiError('bad_request', 'body is not JSON')
  }
  return parseWith(schema, value)
}

/** A JSON or urlencoded HTML-form body, at most 16 KiB, parsed with `schema`. */
export async function readJsonOrForm<S extends z.ZodType>(req: Request, schema: S): Promise<{ data: z.output<S>; isForm: boolean }> {
  if (mediaType(req) === 'application/json') return { data: await readJson(req, schema), isForm: false }
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    throw new ApiError('unsupported_media_type', 'send application/json or an HTML form')
  }
  const form = new URLSearchParams(await readBody(req))
  return { data: parseWith(schema, Object.fromEntries(form)), isForm: true }
}

/** Route parameters; a malformed id is simply "not found". */
export async function readParams<S extends z.ZodType>(params: Promise<unknown>, schema: S): Promise<z.output<S>> {
  const result = schema.safeParse(await params)
  if (!result.success) throw new ApiError('not_found', 'not found')
  return result.data
}

/** A 303 "see other" to a path of Kring (after an HTML form post). */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } })
}
