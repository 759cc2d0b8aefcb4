import { readdirSync, readFileSync } from 'node:fs'

/** Resident memory (MB) of one process, from /proc; null when it is gone (or not on Linux). */
export function processRssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}

/** A process and every process below it (children, their children, …), from /proc. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The parent id is the second field after the command name (which may hold spaces, in parentheses).
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const siblings = parents.get(ppid) ?? []
      siblings.push(Number(entry))
      parents.set(ppid, siblings)
    } catch {
      // Gone while listing.
    }
  }
  const tree = [pid]
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []))
  return tree
}

/** Resident memory (MB) of a process and everything it started (e.g. a compiler service beside the server). */
export function processTreeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, id) => sum + (processRssMb(id) ?? 0), 0)
}
