import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BaselineTree } from './baseline-tree'

// What a server child needs (as baseline-tree.ts): the server, the libraries, the test helpers it starts from, the TS config.
const PATHS = ['server', 'lib', 'tests/helpers', 'bench/servers', 'tsconfig.json', 'package.json']

/**
 * The server as it was at `revision` (a commit or branch), extracted from git into a temporary
 * directory that shares this checkout's node_modules, to measure it beside the current server in
 * the same run. Unavailable (with the reason) without git or that history.
 */
export function extractTreeAt(repoRoot: string, revision: string): BaselineTree | { unavailable: string } {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()
    const commit = git('rev-parse', '--verify', `${revision}^{commit}`)
    const dir = mkdtempSync(join(tmpdir(), 'kring-baseline-'))
    const available = PATHS.filter((path) => git('ls-tree', '--name-only', commit, path) !== '')
    execFileSync('sh', ['-c', `git archive ${commit} ${available.join(' ')} | tar -x -C "${dir}"`], { cwd: repoRoot })
    symlinkSync(resolve(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir')
    return { commit, dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
  } catch (err) {
    return { unavailable: err instanceof Error ? err.message.split('\n')[0]! : String(err) }
  }
}
