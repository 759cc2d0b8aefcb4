/**
 * `npm run bench`: runs every benchmark (or the ones named: `npm run bench -- export`), prints
 * each one's details as it goes and, at the end, one summary line per benchmark in the order
 * below. Summary lines are `<name> key=value ...` so CI and people can compare runs.
 */
import { bandwidth } from './bandwidth'
import { boardOpen } from './board-open'
import { capacity } from './capacity'
import { exportBenchmark } from './export'
import { fanout } from './fanout'
import { idle } from './idle'
import { phone } from './phone'
import { profile } from './profile'
import type { Benchmark } from './lib/benchmark'
import { storage } from './storage'

/** In print order; the capacity summaries are the last lines of a full run. */
const BENCHMARKS: Benchmark[] = [exportBenchmark, storage, boardOpen, bandwidth, phone, idle, profile, fanout, capacity]

// A benchmark that hangs must not hang CI: each gets this long.
const BENCHMARK_TIMEOUT_MS = 180_000

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS
  if (selected.length === 0) throw new Error(`unknown benchmark; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`)
  const summaries: string[] = []
  for (const benchmark of selected) {
    // A benchmark that drives a throttled browser says how much longer it may take.
    const timeoutMs = BENCHMARK_TIMEOUT_MS + (benchmark.extraTimeoutMs ?? 0)
    const watchdog = setTimeout(() => {
      console.error(`${benchmark.name} did not finish within ${timeoutMs / 1000} s`)
      process.exit(1)
    }, timeoutMs)
    watchdog.unref()
    const started = performance.now()
    summaries.push(await benchmark.run((line) => console.log(line), { alone: wanted.length > 0 }))
    clearTimeout(watchdog)
    console.log(`${benchmark.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  for (const line of summaries) console.log(line)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
