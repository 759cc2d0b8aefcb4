import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../lib/server/config/env'
import { choosableDates, isExpired, retainUntil, retentionDaysFor } from '../../lib/server/conference/retention/rules'
import { conferenceOwnedTables } from '../../lib/server/conference/retention/owned-tables'
import { migrationProvider } from '../../lib/server/db/migrations'
import { openDatabase } from '../../lib/server/db/connect'
import { sql } from 'kysely'

const bounds = { minDays: 30, maxDays: 730 }
const lastActivity = new Date('2026-12-03T15:30:00.000Z')

describe('retention rules', () => {
  it('deletes on the last activity plus the retention days, not a moment before', () => {
    const until = retainUntil(lastActivity, 365)
    expect(until.toISOString()).toBe('2027-12-03T15:30:00.000Z')
    expect(isExpired(until.toISOString(), new Date(until.getTime() - 1))).toBe(false)
    expect(isExpired(until.toISOString(), until)).toBe(true)
  })

  it('lets the facilitator choose whole days within the bounds, counted from the day of the last activity', () => {
    expect(choosableDates(lastActivity, bounds)).toEqual({ earliest: '2027-01-02', latest: '2028-12-02' })
    expect(retentionDaysFor('2027-01-02', lastActivity, bounds)).toBe(30)
    expect(retentionDaysFor('2028-12-02', lastActivity, bounds)).toBe(730)
    expect(retentionDaysFor('2027-01-01', lastActivity, bounds)).toBeNull()
    expect(retentionDaysFor('2028-12-03', lastActivity, bounds)).toBeNull()
    expect(retentionDaysFor('not a date', lastActivity, bounds)).toBeNull()
  })
})

describe('retention settings', () => {
  const base = { AUTH_SECRET: 'x'.repeat(32) }
  it('defaults to a year, bounds of 30 and 730 days, five years of audit log, an hourly sweep', () => {
    expect(parseConfig(base).retention).toEqual({ defaultDays: 365, minDays: 30, maxDays: 730, auditDays: 1826, sweepIntervalMs: 3_600_000 })
  })

  it('refuses a default outside its bounds, naming the variable', () => {
    expect(() => parseConfig({ ...base, RETENTION_DAYS: '10' })).toThrow(ConfigError)
    expect(() => parseConfig({ ...base, RETENTION_DAYS: '10' })).toThrow(/RETENTION_DAYS/)
    expect(() => parseConfig({ ...base, RETENTION_DAYS: '800' })).toThrow(/RETENTION_DAYS/)
    expect(() => parseConfig({ ...base, AUDIT_RETENTION_DAYS: '0' })).toThrow(/AUDIT_RETENTION_DAYS/)
  })
})

describe('conference-owned tables', () => {
  it('lists every table with a conference_id except the audit log (kept for its own term)', async () => {
    const db = await openDatabase(':memory:')
    try {
      const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name)
      const owned: string[] = []
      for (const table of tables) {
        const columns = (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name)
        if (columns.includes('conference_id') && table !== 'audit_log') owned.push(table)
      }
      // A new table of conference data that is not in the list would survive a deletion.
      expect([...conferenceOwnedTables].sort()).toEqual(owned.sort())
      expect(Object.keys(await migrationProvider.getMigrations())).toContain('2026-12-03-600-retention')
    } finally {
      await db.destroy()
    }
  })
})
