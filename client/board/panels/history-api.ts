import {
  CheckpointPreviewResponse,
  HistoryListResponse,
  historyUrl,
  RestoreResponse,
} from '@/lib/protocol/history'

/**
 * The history panel's requests (app/api/conferences/[id]/history/**), each answer parsed with its
 * schema. A refusal is an Error whose message is the status ('403'), for the panel to word.
 */
async function getJson<T>(url: string, parse: (value: unknown) => T, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', ...init })
  if (!response.ok) throw new Error(String(response.status))
  return parse(await response.json())
}

export function loadHistory(conferenceId: string): Promise<HistoryListResponse> {
  return getJson(historyUrl(conferenceId), (v) => HistoryListResponse.parse(v))
}

export function loadPreview(conferenceId: string, checkpointId: string): Promise<CheckpointPreviewResponse> {
  return getJson(historyUrl(conferenceId, checkpointId), (v) => CheckpointPreviewResponse.parse(v))
}

export function restore(conferenceId: string, checkpointId: string, items?: string[]): Promise<RestoreResponse> {
  return getJson(historyUrl(conferenceId, checkpointId, true), (v) => RestoreResponse.parse(v), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(items ? { items } : {}),
  })
}
