import { readFileSync } from 'node:fs'
import Ajv from 'ajv'
import { SCHEMA_PATH } from '../../scripts/write-export-schema'

/** A validator for the committed JSON Schema of the plan export (docs/plan-export.schema.json), strict, with its formats. */
export function planExportValidator() {
  const ajv = new Ajv({ strict: true, allErrors: true })
  ajv.addFormat('date-time', { type: 'string', validate: (value: string) => !Number.isNaN(Date.parse(value)) })
  ajv.addFormat('date', { type: 'string', validate: (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) })
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)
}
