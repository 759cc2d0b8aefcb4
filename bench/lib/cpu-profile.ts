/**
 * Reading a V8 CPU profile (`node --cpu-prof`): the functions that spent the most time
 * themselves (self time), with their share of the samples. Idle time (the event loop waiting) is
 * left out of the shares, so they add up to what the process actually worked. Shares count
 * samples, not the time between them: on a busy machine a descheduled process's next sample
 * carries the whole gap, which would inflate whatever happened to be on the stack. Give the
 * process's CPU time (from /proc) to turn shares into milliseconds.
 */
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

interface Profile {
  nodes: ProfileNode[]
  /** Microseconds on the monotonic clock (process.hrtime in any process on the machine). */
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface SelfTime {
  /** `name (file:line)`, the file relative to the project or the package under node_modules. */
  label: string
  /** Its share of `cpuMs` when given, else of the sampled busy time. */
  ms: number
  /** Of the busy (non-idle) samples. */
  share: number
}

/** V8's pseudo-frames for waiting and collecting; `(garbage collector)` is work and stays. */
const IDLE = new Set(['(idle)', '(program)'])

/** Only the samples taken between these two times (µs, process.hrtime's clock), e.g. the loaded window of a benchmark. */
export interface Window {
  fromUs: number
  toUs: number
}

export function topSelfTime(file: string, count: number, root = process.cwd(), window?: Window, cpuMs?: number): { busyMs: number; top: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfSamples = new Map<string, number>()
  let busySamples = 0
  let busyUs = 0
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    const delta = profile.timeDeltas[i] ?? 0
    at += delta
    if (window && (at < window.fromUs || at > window.toUs)) return
    if (!node || IDLE.has(node.callFrame.functionName)) return
    busySamples++
    busyUs += delta
    const label = labelOf(node, root)
    selfSamples.set(label, (selfSamples.get(label) ?? 0) + 1)
  })
  const totalMs = cpuMs ?? busyUs / 1000
  const top = [...selfSamples.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([label, samples]) => {
      const share = busySamples > 0 ? samples / busySamples : 0
      return { label, ms: share * totalMs, share }
    })
  return { busyMs: busyUs / 1000, top }
}

function labelOf(node: ProfileNode, root: string): string {
  const { functionName, url, lineNumber } = node.callFrame
  const name = functionName || '(anonymous)'
  if (!url) return name
  if (!url.startsWith('file://') && !url.startsWith('/')) return `${name} (${url}:${lineNumber + 1})`
  let path = url.replace(/^file:\/\//, '')
  const modules = path.lastIndexOf('node_modules/')
  path = modules >= 0 ? path.slice(modules + 'node_modules/'.length) : relative(root, path)
  return `${name} (${path}:${lineNumber + 1})`
}

/** Print lines for a profile's top, e.g. `  12.3%  81 ms  readAwarenessEntries (server/sync/protocol.ts:40)`. */
export function formatTop(top: SelfTime[]): string[] {
  return top.map((entry) => `${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.ms.toFixed(0).padStart(6)} ms  ${entry.label}`)
}
