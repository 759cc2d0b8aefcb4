import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas, type SchemaPropsInfo, type TLSchema } from '@tldraw/tlschema'
import type { z } from 'zod'
import { itemSchemas, type ItemProps, type ItemType } from './items'

/**
 * Kring's items as tldraw shape schemas, built from the zod props in ./items so there is one
 * definition. Used by the board's shape utils (static props) and by the server, which writes the
 * template of a new board (and its schema, `meta.schema`) without a browser.
 */

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'kring-person': ItemProps<'kring-person'>
    'kring-card': ItemProps<'kring-card'>
    'kring-danger': ItemProps<'kring-danger'>
    'kring-scale': ItemProps<'kring-scale'>
    'kring-scale-mark': ItemProps<'kring-scale-mark'>
    'kring-agreement': ItemProps<'kring-agreement'>
    'kring-safety-item': ItemProps<'kring-safety-item'>
    'kring-house-card': ItemProps<'kring-house-card'>
    'kring-area': ItemProps<'kring-area'>
    'kring-bottom-line': ItemProps<'kring-bottom-line'>
  }
}

/** A tldraw validator (anything with `validate`) per prop, backed by the zod schema of that prop. */
export type TldrawPropValidators<K extends ItemType> = { [P in keyof ItemProps<K>]: { validate(value: unknown): ItemProps<K>[P] } }

function validatorsOf<K extends ItemType>(type: K): TldrawPropValidators<K> {
  const shape = itemSchemas[type].shape as Record<string, z.ZodType>
  const validators: Record<string, { validate(value: unknown): unknown }> = {}
  for (const [prop, schema] of Object.entries(shape)) {
    validators[prop] = {
      validate(value: unknown) {
        const parsed = schema.safeParse(value)
        if (!parsed.success) throw new Error(`${type}.${prop}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
        return parsed.data
      },
    }
  }
  return validators as TldrawPropValidators<K>
}

/** Props validators for each Kring shape type (a shape util's `static props`). */
export const kringShapeProps: { [K in ItemType]: TldrawPropValidators<K> } = {
  'kring-person': validatorsOf('kring-person'),
  'kring-card': validatorsOf('kring-card'),
  'kring-danger': validatorsOf('kring-danger'),
  'kring-scale': validatorsOf('kring-scale'),
  'kring-scale-mark': validatorsOf('kring-scale-mark'),
  'kring-agreement': validatorsOf('kring-agreement'),
  'kring-safety-item': validatorsOf('kring-safety-item'),
  'kring-house-card': validatorsOf('kring-house-card'),
  'kring-area': validatorsOf('kring-area'),
  'kring-bottom-line': validatorsOf('kring-bottom-line'),
}

/**
 * Shape schemas for tldraw's createTLSchema. Props migrations go here (per type) when a prop
 * changes after boards exist; none yet.
 */
export const kringShapeSchemas = Object.fromEntries(
  Object.entries(kringShapeProps).map(([type, props]): [string, SchemaPropsInfo] => [type, { props }]),
) as Record<ItemType, SchemaPropsInfo>

/** The whole store schema of a Kring board: tldraw's default shapes and bindings plus Kring's items. */
export function createKringTLSchema(): TLSchema {
  return createTLSchema({
    shapes: { ...defaultShapeSchemas, ...kringShapeSchemas },
    bindings: defaultBindingSchemas,
  })
}
