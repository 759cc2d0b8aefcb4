/** One benchmark that bench/run.ts can run. */
export interface Benchmark {
  name: string
  /** Time it may take beyond the shared allowance (a throttled browser, a server that may build first). */
  extraTimeoutMs?: number
  /**
   * Run, logging details through `log`; resolve with the summary (`<name> key=value ...`, one line,
   * or several for a benchmark that prints more than one figure). `alone`: it was named on the
   * command line, so it may take its full time; in a full run it keeps shorter.
   */
  run(log: (line: string) => void, options?: { alone: boolean }): Promise<string>
}
