import { spawn } from 'node:child_process'

export interface ChildServer {
  port: number
  /** The process id (to read its CPU time). */
  pid: number
  stop(): Promise<void>
}

/**
 * Run a server entry point (TypeScript, through tsx) in its own process, on 127.0.0.1 and a
 * free port; resolves once it prints `PORT <n>`. The benchmark's clients then share no event
 * loop with the server they measure.
 */
export function startChildServer(entry: string, env: Record<string, string>, cwd?: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // Never leave a server behind, even when the benchmark exits early (watchdog, error).
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  void exited.then(() => process.off('exit', killOnExit))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
  }
  return new Promise((resolve, reject) => {
    let out = ''
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const match = /PORT (\d+)/.exec(out)
      if (!match) return
      child.stdout?.off('data', onData)
      child.stdout?.resume()
      resolve({ port: Number(match[1]), pid: child.pid!, stop })
    }
    child.stdout?.on('data', onData)
    void exited.then(() => reject(new Error(`${entry} exited before listening`)))
  })
}
