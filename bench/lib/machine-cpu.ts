import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

/** The whole machine's CPU counters (all cores), from /proc/stat; null where there is none. */
export function machineCpu(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0) // idle + iowait
    const total = fields.reduce((a, b) => a + b, 0)
    return { busy: total - idle, total }
  } catch {
    return null
  }
}

/** How busy the machine was between two readings: 0..1 of all its cores. */
export function busyBetween(before: ReturnType<typeof machineCpu>, after: ReturnType<typeof machineCpu>): number {
  if (!before || !after || after.total === before.total) return Number.NaN
  return (after.busy - before.busy) / (after.total - before.total)
}

export const coreCount = () => cpus().length
