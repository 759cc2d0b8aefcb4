import type { z } from 'zod'
import { itemSchemas, type ItemType } from '@/lib/board/items'
import type { MessageKey, TranslationValues } from '@/lib/i18n'

export type FieldError = { key: MessageKey; values?: TranslationValues }
export type Checked = { ok: true; value: unknown } | { ok: false; error: FieldError }

/**
 * Check one prop of an item against its zod schema (lib/board/items.ts) before it is written, and
 * say in plain words what is wrong: nothing invalid reaches the board, and the person sees why.
 */
export function checkProp(type: ItemType, prop: string, value: unknown, invalid: MessageKey = 'items.editor.error.invalid'): Checked {
  const schema = (itemSchemas[type].shape as Record<string, z.ZodType>)[prop]
  if (!schema) return { ok: false, error: { key: 'items.editor.error.invalid' } }
  const parsed = schema.safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  const tooBig = parsed.error.issues.find((issue) => issue.code === 'too_big')
  if (tooBig && 'maximum' in tooBig) return { ok: false, error: { key: 'items.editor.error.tooLong', values: { max: Number(tooBig.maximum) } } }
  return { ok: false, error: { key: invalid } }
}
