import { describe, expect, it } from 'vitest'
import { auditNames, describeAuditEntries, parseAuditDetail } from '../../lib/server/conference/audit-log'
import type { AuditEntry } from '../../lib/server/db/repositories/audit'
import { createTranslator } from '../../lib/i18n/catalogs'
import { InviteRequest } from '../../lib/protocol/api'
import { parseCliArgs } from '../../server/cli/args'

const t = createTranslator('nl')
const names = auditNames([
  { id: 'p-fenna', user_id: 'u-fenna', display_name: 'Fenna de Vries' },
  { id: 'p-amira', user_id: null, display_name: 'Tante Amira' },
  { id: 'p-sanne', user_id: null, display_name: 'Mama Sanne' },
])
let nextId = 1
const entry = (actor: string, action: string, detail: string | null = null): AuditEntry => ({
  id: nextId++,
  conference_id: 'c1',
  actor,
  action,
  detail,
  at: '2026-11-23T10:00:00.000Z',
})
const describeOne = (e: AuditEntry) => describeAuditEntries([e], names, t)[0]

describe('the audit log as the facilitator reads it', () => {
  it('reads both detail formats: key=value pairs and a bare participant id', () => {
    expect(parseAuditDetail('participant=p-amira invitation=kept')).toEqual({ participant: 'p-amira', invitation: 'kept' })
    expect(parseAuditDetail('p-amira')).toEqual({ participant: 'p-amira' })
    expect(parseAuditDetail(null)).toEqual({})
  })

  it('names people at display time, by participant id or by the user id of someone who signs in', () => {
    expect(describeOne(entry('u-fenna', 'participant.invited', 'p-amira'))).toMatchObject({ who: 'Fenna de Vries', what: 'Heeft Tante Amira uitgenodigd' })
    expect(describeOne(entry('cli', 'participant.revoked', 'p-amira'))).toMatchObject({ who: 'Beheerder (opdrachtregel)' })
    expect(describeOne(entry('someone-deleted', 'participant.joined'))).toMatchObject({ who: 'onbekend', what: 'Kwam binnen' })
  })

  it('says what happened in plain Dutch: phases, private time, lobby, removals, roles, the plan, exports', () => {
    const said = (actor: string, action: string, detail: string | null = null) => describeOne(entry(actor, action, detail))?.what
    expect(said('p-fenna', 'phase.changed', 'from=informatie to=besloten_deel')).toBe('Heeft de fase veranderd van Informatie naar Besloten deel')
    expect(said('p-sanne', 'private-time.ended', 'from=besloten_deel to=plan_en_afspraken')).toBe('Heeft het besloten deel beëindigd ("we zijn klaar")')
    expect(said('p-amira', 'participant.waiting')).toBe('Vroeg om binnen te komen')
    expect(said('p-fenna', 'participant.admitted', 'participant=p-amira')).toBe('Heeft Tante Amira binnengelaten')
    expect(said('p-fenna', 'participant.declined', 'participant=p-amira')).toBe('Heeft Tante Amira niet binnengelaten')
    expect(said('p-fenna', 'participant.removed', 'participant=p-amira invitation=kept')).toBe(
      'Heeft Tante Amira uit het gesprek gehaald (de uitnodiging blijft geldig)',
    )
    expect(said('p-fenna', 'participant.removed', 'participant=p-amira invitation=revoked')).toBe(
      'Heeft Tante Amira uit het gesprek gehaald en de uitnodiging ingetrokken',
    )
    expect(said('p-fenna', 'participant.role-changed', 'participant=p-amira from=network to=professional')).toBe(
      'Heeft de rol van Tante Amira veranderd van Netwerk in Professional',
    )
    expect(said('p-fenna', 'settings.changed', 'facilitatorStaysInPrivateTime=true')).toBe(
      'Heeft ingesteld dat de gespreksleider blijft tijdens het besloten deel',
    )
    expect(said('p-fenna', 'plan.agreed', 'proposal=x for=p-sanne')).toBe('Heeft genoteerd dat Mama Sanne instemt met het plan')
    expect(said('p-fenna', 'plan.frozen', 'proposal=x version=2')).toBe('Het plan is vastgesteld als versie 2')
    expect(said('p-fenna', 'plan.exported', 'format=pdf version=2 redacted=1')).toBe('Heeft versie 2 gedownload als PDF, zonder namen')
    // An action this page does not know yet still shows, with nothing but its name.
    expect(said('p-fenna', 'hand.cleared')).toBe('Gebeurtenis: hand.cleared')
  })

  it('keeps the order it is given (newest first from the database)', () => {
    const rows = describeAuditEntries([entry('p-amira', 'participant.left'), entry('p-amira', 'participant.joined')], names, t)
    expect(rows.map((r) => r.what)).toEqual(['Ging weg', 'Kwam binnen'])
  })
})

describe('an invitation that needs admission', () => {
  it('the invite request takes it as an optional flag', () => {
    expect(InviteRequest.parse({ displayName: 'Neef Karim', role: 'network', requiresAdmission: true })).toMatchObject({ requiresAdmission: true })
    expect(InviteRequest.parse({ displayName: 'Neef Karim', role: 'network' })).not.toHaveProperty('requiresAdmission')
    expect(InviteRequest.safeParse({ displayName: 'Neef Karim', role: 'network', requiresAdmission: 'ja' }).success).toBe(false)
  })

  it('the CLI takes --admission', () => {
    const conference = 'abcdefgh12345678'
    expect(parseCliArgs(['invite', '--conference', conference, '--name', 'Neef Karim', '--role', 'network', '--admission'])).toEqual({
      command: 'invite',
      options: { conference, name: 'Neef Karim', role: 'network', admission: true },
    })
  })
})
