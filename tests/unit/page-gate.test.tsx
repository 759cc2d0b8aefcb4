import { routeHarness } from '../helpers/route-harness'
import { isValidElement, type ReactNode } from 'react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { NoAccessNotice } from '../../lib/server/web/views/NoAccessNotice'
import type { ConferencePhase } from '../../lib/conference/model'
import { invitationCookieName } from '../../lib/conference/join-link'
import { credentialsOf, setPhase, TITLE, type Asker } from './gate-fixtures'

/**
 * The pages of a conference as Next calls them, with the request's session, cookies and database
 * stubbed (tests/helpers/route-harness.ts). A page's answer is read as the element tree it returns,
 * without rendering: every string in it and in the props it hands on (a client component's props
 * are sent to the browser) counts, so a title passed to the board client is found as surely as one
 * in a heading.
 */
const harness = routeHarness({ secret: 'page-secret-0123456789-0123456789-abcdef' })
// The client components stay unrendered stubs: what matters is which one a page chooses, and its props.
vi.mock('../../client/board/BoardClient', () => ({ BoardClient: function BoardClient() {} }))
vi.mock('../../client/board/meeting/LobbyDoor', () => ({ LobbyDoor: function LobbyDoor() {} }))
vi.mock('../../client/plan-view/PlanClient', () => ({ PlanClient: function PlanClient() {} }))
vi.mock('../../client/web/conference/InvitationsPanel', () => ({ InvitationsPanel: function InvitationsPanel() {} }))
vi.mock('../../client/web/conference/VersionsSection', () => ({ VersionsSection: function VersionsSection() {} }))
vi.mock('../../lib/server/web/views/AuditTable', () => ({ AuditTable: function AuditTable() {} }))

type Page = (props: { params: Promise<Record<string, string>> }) => Promise<ReactNode>
const pages = {} as Record<'conference' | 'audit' | 'board' | 'plan', Page>

beforeAll(async () => {
  pages.conference = (await import('../../app/conferences/[id]/page')).default as Page
  pages.audit = (await import('../../app/conferences/[id]/audit/page')).default as Page
  pages.board = (await import('../../app/board/[conferenceId]/page')).default as Page
  pages.plan = (await import('../../app/board/[conferenceId]/plan/page')).default as Page
}, 60_000)

type Surface = keyof typeof pages

async function open(asker: Asker, surface: Surface, conferenceId = harness.world.conference.id): Promise<ReactNode> {
  // The invitation cookie named for the conference asked about.
  harness.as(credentialsOf(harness.world, asker, invitationCookieName(conferenceId)))
  const params: Record<string, string> = surface === 'board' || surface === 'plan' ? { conferenceId } : { id: conferenceId }
  return pages[surface]({ params: Promise.resolve(params) })
}

interface Found {
  texts: string[]
  /** The elements in the tree (components by name), with their props. */
  components: { name: string; props: Record<string, unknown> }[]
}

function walk(node: unknown, found: Found = { texts: [], components: [] }): Found {
  if (typeof node === 'string' || typeof node === 'number') found.texts.push(String(node))
  else if (Array.isArray(node)) for (const child of node) walk(child, found)
  else if (isValidElement(node)) {
    const props = node.props as Record<string, unknown>
    found.components.push({ name: typeof node.type === 'function' ? node.type.name : String(node.type), props })
    for (const value of Object.values(props)) walk(value, found)
  } else if (node && typeof node === 'object') for (const value of Object.values(node)) walk(value, found)
  return found
}

const names = (found: Found) => found.components.map((c) => c.name)
const showsTitle = (found: Found) => found.texts.some((text) => text.includes(TITLE))
const ticketsIn = (found: Found) => found.components.filter((c) => typeof c.props.ticket === 'string')

type Outcome =
  /** The page with the conference: the title, and this component. */
  | { shows: string }
  /** The lobby: a knocking ticket, nothing of the conference. */
  | 'lobby'
  /** A neutral notice: no title, no ticket. */
  | { notice: 'page' | 'board' | 'declined' }
  | 'sign-in'

// [who looks, phase, page, what they get]. The findings of issue 8 are marked.
const table: [Asker, ConferencePhase, Surface, Outcome][] = [
  // Finding 1: a professional never admitted from the lobby.
  ['professionalNeverAdmitted', 'plan_en_afspraken', 'conference', { notice: 'page' }],
  ['professionalNeverAdmitted', 'informatie', 'board', 'lobby'],
  // Finding 2: in the lobby, or declined.
  ['familyInLobby', 'informatie', 'board', 'lobby'],
  ['familyInLobby', 'informatie', 'plan', 'lobby'],
  ['familyDeclined', 'informatie', 'board', { notice: 'declined' }],
  ['familyDeclined', 'informatie', 'plan', { notice: 'declined' }],
  ['familyInLobby', 'informatie', 'conference', { notice: 'page' }],
  // Finding 3: removed with the invitation kept: the conference page is closed; the board only knocks again.
  ['professionalRemovedKept', 'plan_en_afspraken', 'conference', { notice: 'page' }],
  ['professionalRemovedKept', 'informatie', 'board', 'lobby'],
  // Let in.
  ['facilitator', 'informatie', 'conference', { shows: 'InvitationsPanel' }],
  ['professional', 'plan_en_afspraken', 'conference', { shows: 'VersionsSection' }],
  ['family', 'informatie', 'board', { shows: 'BoardClient' }],
  ['family', 'informatie', 'plan', { shows: 'PlanClient' }],
  // In the waiting room the board page still opens: the meeting shows the waiting room.
  ['professional', 'besloten_deel', 'board', { shows: 'BoardClient' }],
  ['facilitator', 'informatie', 'audit', { shows: 'AuditTable' }],
  ['professional', 'informatie', 'audit', { notice: 'page' }],
  // Credentials that open nothing here, and none at all.
  ['professionalRevoked', 'informatie', 'board', { notice: 'board' }],
  ['foreign-invitation', 'informatie', 'board', { notice: 'board' }],
  ['stranger', 'informatie', 'conference', { notice: 'page' }],
  ['nobody', 'informatie', 'conference', 'sign-in'],
  ['nobody', 'informatie', 'board', 'sign-in'],
]

describe('the gate on every page of a conference', () => {
  it.each(table)('%s in %s: %s → %j', async (asker, phase, surface, outcome) => {
    await setPhase(harness.db, harness.world.conference.id, phase)
    if (outcome === 'sign-in') {
      await expect(open(asker, surface)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/login\?callbackUrl=/) })
      return
    }
    const found = walk(await open(asker, surface))
    if (outcome === 'lobby') {
      expect(names(found)).toContain('LobbyDoor')
      expect(ticketsIn(found)).toHaveLength(1)
      expect(showsTitle(found)).toBe(false)
    } else if ('notice' in outcome) {
      const notice = found.components.find((c) => c.name === NoAccessNotice.name)
      expect(notice?.props.reason).toBe(outcome.notice)
      expect(ticketsIn(found)).toEqual([])
      expect(showsTitle(found)).toBe(false)
    } else {
      expect(names(found)).toContain(outcome.shows)
      expect(showsTitle(found)).toBe(true)
    }
  })

  it('shows each part of the conference page as the gate allows it', async () => {
    await setPhase(harness.db, harness.world.conference.id, 'plan_en_afspraken')
    const part = (found: Found, name: string) => found.components.find((c) => c.name === name)
    const facilitator = walk(await open('facilitator', 'conference'))
    expect(part(facilitator, 'VersionsSection')?.props.mayExport).toBe(true)
    expect(facilitator.components.some((c) => c.props.href === `/conferences/${harness.world.conference.id}/audit`)).toBe(true)

    const family = walk(await open('family', 'conference'))
    expect(part(family, 'VersionsSection')?.props.mayExport).toBe(false)
    expect(part(family, 'InvitationsPanel')).toBeUndefined()
    expect(family.components.some((c) => c.props.href === `/conferences/${harness.world.conference.id}/audit`)).toBe(false)

    // During private family time a professional sees the conference, but not its versions.
    await setPhase(harness.db, harness.world.conference.id, 'besloten_deel')
    const professional = walk(await open('professional', 'conference'))
    expect(showsTitle(professional)).toBe(true)
    expect(part(professional, 'VersionsSection')).toBeUndefined()
  })

  it('answers a malformed id with "not found", before looking anyone up', async () => {
    await expect(open('facilitator', 'conference', '../etc')).rejects.toMatchObject({ digest: expect.stringMatching(/NOT_FOUND|404/) })
  })
})
