import { ROUTE_NONCE as NONCE, routeHarness } from '../helpers/route-harness'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { phoneMessages } from '../../lib/server/web/light/PhoneDocument'
import { setPhase, TITLE } from './gate-fixtures'

/**
 * The light documents (issue 10): the join page and the phone view as route handlers rendering
 * plain HTML. Called as Next calls them, with the request's session, cookies, nonce and database
 * stubbed (tests/helpers/route-harness.ts): the same gate as the pages they replaced, the reader's
 * language and direction, and no script without the request's nonce.
 */
vi.mock('@/lib/server/web/light/manifest', () => ({
  lightManifest: () => ({
    phone: { js: '/light/phone-TEST.js', css: '/light/phone-TEST.css', preload: ['/light/chunk-TEST.js'] },
    site: { css: '/light/site-TEST.css' },
  }),
  lightStylesheetText: () => '.join{color:#123456}',
}))

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
let phoneRoute: Handler
let joinRoute: Handler
const harness = routeHarness({ secret: 'light-secret-0123456789-0123456789-abcdef', publicUrl: 'https://kring.example.org' })
const { as } = harness

beforeAll(async () => {
  phoneRoute = (await import('../../app/board/[conferenceId]/phone/route')).GET as Handler
  joinRoute = (await import('../../app/join/[token]/route')).GET as Handler
}, 60_000)

const openPhone = () => phoneRoute(new Request(`https://kring.example.org/board/${harness.world.conference.id}/phone`), { params: Promise.resolve({ conferenceId: harness.world.conference.id }) })
const openJoin = (token: string) => joinRoute(new Request(`https://kring.example.org/join/${token}`), { params: Promise.resolve({ token }) })
const scriptTags = (html: string) => html.match(/<script\b[^>]*>/g) ?? []

describe('the phone view as a light document', () => {
  it('gives someone let in the view in her language, right to left in Arabic, every script with the nonce', async () => {
    await setPhase(harness.db, harness.world.conference.id, 'informatie')
    as('family', 'ar')
    const response = await openPhone()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.headers.get('cache-control')).toContain('no-store')
    const html = await response.text()
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl">/)
    expect(html).toContain(TITLE)
    expect(html).toContain('src="/light/phone-TEST.js"')
    expect(html).toContain('rel="modulepreload" href="/light/chunk-TEST.js"')
    for (const tag of [...scriptTags(html), ...(html.match(/<link rel="modulepreload"[^>]*>/g) ?? [])]) expect(tag).toContain(`nonce="${NONCE}"`)
    // The client's data: a socket ticket, and her language only (Arabic strings, no Dutch catalogue).
    const data = JSON.parse(/<script type="application\/json"[^>]*>(.*?)<\/script>/s.exec(html)![1]!) as { locale: string; messages: Record<string, Record<string, string>>; props: { ticket: string; initial: { canWrite: boolean } } }
    expect(data.locale).toBe('ar')
    expect(data.props.ticket.length).toBeGreaterThan(10)
    expect(data.props.initial.canWrite).toBe(true)
    expect(Object.keys(data.messages).sort()).toEqual(['common', 'items', 'meeting', 'phone'])
    expect(Object.keys(data.messages.meeting!).every((key) => key.startsWith('phase.'))).toBe(true)
    expect(data.messages.phone!['who.title']).toBe('من هنا')
  })

  it('sends whoever is not let in to the board page (lobby, notices) with nothing of the conference, and no credential to sign in', async () => {
    await setPhase(harness.db, harness.world.conference.id, 'informatie')
    as('familyInLobby')
    await expect(openPhone()).rejects.toMatchObject({ digest: expect.stringContaining(`;/board/${harness.world.conference.id};`) })
    as('professionalRevoked')
    await expect(openPhone()).rejects.toMatchObject({ digest: expect.stringContaining(`;/board/${harness.world.conference.id};`) })
    as('nobody')
    await expect(openPhone()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/login\?callbackUrl=/) })
  })

  it('keeps a title with markup inside its data element', async () => {
    await harness.db.updateTable('conferences').set({ title: '</script><script>alert(1)</script>' }).where('id', '=', harness.world.conference.id).execute()
    as('family')
    const html = await (await openPhone()).text()
    expect(html).not.toContain('<script>alert(1)')
    expect(scriptTags(html).length).toBe(2)
  })
})

describe('the join page as a light document', () => {
  it('shows the invitation in the reader\'s language with a plain form to join, and one beacon script with the nonce', async () => {
    as('nobody', 'pl')
    const html = await (await openJoin(harness.world.tokens.family)).text()
    expect(html).toMatch(/^<!DOCTYPE html><html lang="pl" dir="ltr">/)
    expect(html).toContain(TITLE)
    expect(html).toMatch(/<form method="post" action="\/api\/join"><input type="hidden" name="token" value="[^"]+" \/><button type="submit" class="button button--big" data-testid="join-button">/)
    expect(html).toContain('name="returnTo" value="/join/')
    // Its stylesheet is in the page: one request fewer before she can tap.
    expect(html).toContain('<style>.join{color:#123456}</style>')
    expect(html).not.toContain('rel="stylesheet"')
    const scripts = scriptTags(html)
    expect(scripts).toHaveLength(1)
    expect(scripts[0]).toContain(`nonce="${NONCE}"`)
    expect(html).toContain("fetch('/api/join/opened'")
  })

  it('shows someone still waiting to be let in nothing of the conference, not its title', async () => {
    as('nobody')
    const html = await (await openJoin(harness.world.tokens.familyInLobby)).text()
    expect(html).toContain('data-testid="join-button"')
    expect(html).not.toContain(TITLE)
  })

  it('explains a link that does not work, without any script', async () => {
    as('nobody')
    const response = await openJoin('ongeldig')
    const html = await response.text()
    expect(response.status).toBe(200)
    expect(html).toContain('notice--warning')
    expect(html).not.toContain('join-button')
    expect(scriptTags(html)).toHaveLength(0)
  })
})

describe('the phone view\'s strings', () => {
  it('has every key the phone view\'s code names (a key left out would show as itself)', () => {
    const dir = join(__dirname, '..', '..', 'client', 'phone')
    const sources = [...readdirSync(dir).filter((name) => /\.tsx?$/.test(name)).map((name) => join(dir, name)), join(__dirname, '..', '..', 'lib', 'board', 'labels.ts')]
    const messages = phoneMessages('nl') as unknown as Record<string, Record<string, string>>
    const has = (key: string) => {
      const dot = key.indexOf('.')
      return messages[key.slice(0, dot)]?.[key.slice(dot + 1)] !== undefined
    }
    const hasPrefix = (prefix: string) => {
      const dot = prefix.indexOf('.')
      return Object.keys(messages[prefix.slice(0, dot)] ?? {}).some((key) => key.startsWith(prefix.slice(dot + 1)))
    }
    const named: string[] = []
    for (const file of sources) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`]((?:common|phone|meeting|items|web|followUp)\.[A-Za-z0-9_.-]*?)(\$\{|['`])/g)) {
        const [, key, end] = match
        if (/\.(css|ts|tsx)$/.test(key!)) continue
        named.push(key!)
        if (end === '${') expect(hasPrefix(key!), key).toBe(true)
        else expect(has(key!), key).toBe(true)
      }
    }
    expect(named.length).toBeGreaterThan(40)
  })
})
