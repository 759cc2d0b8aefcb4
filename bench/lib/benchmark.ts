/** One benchmark that bench/run.ts can run. */
export interface Benchmark {
  name: string
  /** Run, logging details through `log`; resolve with the one-line summary (`<name> key=value ...`). */
  run(log: (line: string) => void): Promise<string>
}
