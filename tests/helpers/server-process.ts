import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { TEST_SECRET } from './test-server'

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url))

/** A Kring server (tests/helpers/server-child.ts) in its own process, so a test can kill -9 it. */
export interface ServerProcess {
  child: ChildProcess
  port: number
  syncUrl: string
  /** Resolves when the process has exited (after kill or stop). */
  exited: Promise<void>
  kill(signal: NodeJS.Signals): Promise<void>
}

export async function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, AUTH_SECRET: TEST_SECRET, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', REVOCATION_POLL_MS: '200', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = ''
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /PORT (\d+)/.exec(stdout)
      if (match) {
        child.stdout?.off('data', onData)
        resolve(Number(match[1]))
      }
    }
    child.stdout?.on('data', onData)
    void exited.then(() => reject(new Error(`server child exited before listening:\n${stderr}`)))
  })
  return {
    child,
    port,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
