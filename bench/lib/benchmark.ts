/** One benchmark that bench/run.ts can run. */
export interface Benchmark {
  name: string
  /** Time it may take beyond the shared allowance (a throttled browser, a server that may build first). */
  extraTimeoutMs?: number
  /** Run, logging details through `log`; resolve with the one-line summary (`<name> key=value ...`). */
  run(log: (line: string) => void): Promise<string>
}
