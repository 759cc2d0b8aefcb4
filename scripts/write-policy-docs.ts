/**
 * Writes the policy table (lib/conference/policy.ts) into the README between its markers, so the
 * table people read is the table the servers decide by. `npm run docs:policy`; a test fails when
 * the README is stale (tests/unit/policy-table.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { policyDocsSection } from '../lib/conference/policy-docs'

const README = new URL('../README.md', import.meta.url)
const START = '<!-- policy-table:start (npm run docs:policy) -->'
const END = '<!-- policy-table:end -->'

const readme = readFileSync(README, 'utf8')
const from = readme.indexOf(START)
const to = readme.indexOf(END)
if (from < 0 || to < from) {
  console.error(`README.md has no ${START} … ${END} markers`)
  process.exit(1)
}
const next = `${readme.slice(0, from + START.length)}\n${policyDocsSection()}\n${readme.slice(to)}`
if (next !== readme) writeFileSync(README, next)
console.log(next === readme ? 'README policy table is up to date' : 'README policy table rewritten')
