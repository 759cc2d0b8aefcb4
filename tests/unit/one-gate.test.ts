import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The policy is the one gate: who may do what is decided in lib/conference/policy.ts (asked
 * through lib/conference/gate.ts), nowhere else. This test reads every source file of app/, lib/
 * and server/ and fails on a new role check anywhere else: a role compared with `===`/`!==`, a
 * role looked up in a list, a switch on a role, a query filtering on the role column, or one of
 * the role names compared as a literal. Ask the policy instead (`may`, `permits`, `decide`,
 * `isManageableTarget`, `isAgreementParty`, `accountMay`), or, if it has no answer yet, propose
 * an action for it.
 *
 * What matches but is not a permission is listed below, each with why. The list must stay exact:
 * an entry that no longer matches anything fails the test too, so it shrinks as code moves.
 */

const ROOT = join(__dirname, '..', '..')
const SCANNED = ['app', 'client', 'lib', 'server']
const POLICY = 'lib/conference/policy.ts'
const ROLE_NAMES = '(facilitator|family|child|network|professional|observer)'

const ROLE_CHECKS: { what: string; pattern: RegExp }[] = [
  // `me.role === …`, `role !== …`, `… == targetRole`, `previousRole !== row.role`.
  { what: 'compares a role', pattern: /\b\w*[rR]ole\s*[!=]==?|[!=]==?\s*[\w.?]*\b\w*[rR]ole\b/ },
  // `roles.includes(x)`, `FAMILY_SIDE.includes(role)`.
  { what: 'looks a role up in a list', pattern: /\b\w*[rR]oles?\.includes\(|\.includes\(\s*[\w.?]*\b\w*[rR]ole\s*\)/ },
  { what: 'switches on a role', pattern: /switch\s*\(\s*[\w.?]*\b\w*[rR]ole\s*\)/ },
  // Kysely: `.where('role', '!=', 'facilitator')`.
  { what: 'filters a query on the role', pattern: /['"]role['"]\s*,\s*['"](=|==|!=|<>|in|not in)['"]/ },
  { what: 'compares a role name', pattern: new RegExp(`[!=]==?\\s*'${ROLE_NAMES}'|'${ROLE_NAMES}'\\s*[!=]==?`) },
]

interface Allowed {
  file: string
  /** A piece of the matching line, so the entry is about that line and not the whole file. */
  line: string
  why: string
}

const ALLOWED: Allowed[] = [
  // ---- not a permission -------------------------------------------------------------------
  {
    file: 'client/plan-view/PeopleSection.tsx',
    line: "tie.to === 'family'",
    why: "not a role: 'family' is the centre of the network rings, the far end of a tie",
  },
  {
    file: 'lib/plan/derive.ts',
    line: "!== 'family') add(",
    why: "not a role: 'family' is the centre of the network rings, the far end of a tie",
  },
  {
    file: 'server/meeting/admission-desk.ts',
    line: 'row.role !== socket.data.role',
    why: 'notices that a role changed, to send the socket a new welcome; not a permission',
  },
  // ---- in other helpers' files, for the lead ------------------------------------------------
  {
    file: 'lib/server/db/repositories/participants.ts',
    line: ".where('role', '!=', 'facilitator')",
    why: "being moved by another helper: a storage invariant (the facilitator's row is the conference's anchor) mirroring isManageableTarget",
  },
  {
    file: 'lib/server/db/repositories/participants.ts',
    line: "current.role === 'facilitator'",
    why: "being moved by another helper: a storage invariant (nobody becomes or stops being the facilitator) mirroring isManageableTarget",
  },
]

interface Finding {
  file: string
  lineNumber: number
  text: string
  what: string
}

function sourceFiles(dir: string): string[] {
  const files: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path)
  }
  return files
}

/** A comment line says what the code did or does; only code decides. */
function isComment(line: string): boolean {
  const trimmed = line.trim()
  return trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')
}

function findRoleChecks(): Finding[] {
  const findings: Finding[] = []
  for (const root of SCANNED) {
    for (const path of sourceFiles(join(ROOT, root))) {
      const file = relative(ROOT, path).split(sep).join('/')
      if (file === POLICY) continue
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((text, index) => {
          if (isComment(text)) return
          const check = ROLE_CHECKS.find(({ pattern }) => pattern.test(text))
          if (check) findings.push({ file, lineNumber: index + 1, text: text.trim(), what: check.what })
        })
    }
  }
  return findings
}

const allows = (entry: Allowed, finding: Finding) => entry.file === finding.file && finding.text.includes(entry.line)

describe('the policy is the one gate', () => {
  const findings = findRoleChecks()

  it('has no role check outside lib/conference/policy.ts (ask the policy instead)', () => {
    const unlisted = findings.filter((finding) => !ALLOWED.some((entry) => allows(entry, finding)))
    expect(unlisted.map(({ file, lineNumber, what, text }) => `${file}:${lineNumber} ${what}: ${text}`)).toEqual([])
  })

  it('keeps the allowlist exact: every entry still matches a line', () => {
    const stale = ALLOWED.filter((entry) => !findings.some((finding) => allows(entry, finding)))
    expect(stale.map(({ file, line }) => `${file}: ${line}`)).toEqual([])
  })

  it('finds the kinds of role check it is meant to find', () => {
    const caught = (line: string) => ROLE_CHECKS.some(({ pattern }) => pattern.test(line))
    for (const line of [
      "if (me.role === 'facilitator') show()",
      "const isFacilitator = 'facilitator' === participant.role",
      'if (role !== other.role) return',
      'return PROFESSIONAL_SIDE.includes(role)',
      'if (roles.includes(x)) ok()',
      'switch (participant.role) {',
      ".where('role', '!=', 'facilitator')",
      "const lead = kind === 'facilitator'",
    ]) {
      expect(caught(line), line).toBe(true)
    }
    for (const line of ["may(me.role, phase, 'participants.manage', context)", "role: z.enum(['facilitator', 'professional'])", "t(`common.role.${entry.role}`)"]) {
      expect(caught(line), line).toBe(false)
    }
  })
})

describe('every meeting-plane request passes the gate', () => {
  it('registers its handler through onRequest (server/meeting/requests.ts), never onClientEvent directly', () => {
    const direct = sourceFiles(join(ROOT, 'server'))
      .map((path) => relative(ROOT, path).split(sep).join('/'))
      .filter((file) => file !== 'server/meeting/requests.ts' && file !== 'server/meeting/client-events.ts')
      .filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('onClientEvent('))
    expect(direct).toEqual([])
  })
})
