import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface BaselineTree {
  /** The commit the tree was taken from. */
  commit: string
  dir: string
  remove(): void
}

// What a server child needs: the server, the libraries, the test helpers it starts from, the TS config.
const PATHS = ['server', 'lib', 'tests/helpers', 'bench/servers', 'tsconfig.json', 'package.json']

/**
 * The server as it was before a change: the parent of the commit that added `marker`, extracted
 * from git into a temporary directory that shares this checkout's node_modules. A benchmark runs it
 * beside the current server, so "before" is measured on the same machine in the same run.
 * Null (with the reason) when git or the history is not there (a shallow clone, an export).
 */
export function extractBaseline(repoRoot: string, marker: string): BaselineTree | { unavailable: string } {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()
    const added = git('log', '--diff-filter=A', '--format=%H', '--', marker).split('\n').filter(Boolean).at(-1)
    if (!added) return { unavailable: `no commit adds ${marker}` }
    const commit = git('rev-parse', `${added}^`)
    const dir = mkdtempSync(join(tmpdir(), 'kring-baseline-'))
    const available = PATHS.filter((path) => git('ls-tree', '--name-only', commit, path) !== '')
    execFileSync('sh', ['-c', `git archive ${commit} ${available.join(' ')} | tar -x -C "${dir}"`], { cwd: repoRoot })
    symlinkSync(resolve(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir')
    return { commit, dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
  } catch (err) {
    return { unavailable: err instanceof Error ? err.message.split('\n')[0]! : String(err) }
  }
}
