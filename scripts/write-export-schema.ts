/**
 * Writes the JSON Schema of the plan export (lib/server/export/json.ts) to docs/plan-export.schema.json.
 * Run after changing the export or the plan schema: `npx tsx scripts/write-export-schema.ts`.
 * A unit test (tests/unit/export-json.test.ts) fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { planExportJsonSchema } from '../lib/server/export/json'

export const SCHEMA_PATH = fileURLToPath(new URL('../docs/plan-export.schema.json', import.meta.url))

export function schemaFileText(): string {
  return `${JSON.stringify(planExportJsonSchema(), null, 2)}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, schemaFileText())
  console.log(`wrote ${SCHEMA_PATH}`)
}
