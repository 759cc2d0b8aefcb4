import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemDefaults, personGroups, rings } from '../../lib/board/items'
import { groupLabelKey, ringLabelKey, ringLabelKeys } from '../../lib/board/labels'
import { locales } from '../../lib/i18n'
import { createTranslator } from '../../lib/i18n/catalogs'
import { renderBoardSvg } from '../../lib/server/export/board-svg'
import { networkSection } from '../../lib/server/export/pdf/sections'
import { emptyPlan, type PlanPerson } from '../../lib/plan/schema'
import { en } from '../../lib/i18n/messages/en'
import { nl } from '../../lib/i18n/messages/nl'

/**
 * One set of ring and group words (issue 11): the board, the plan view and the exports all take
 * the i18n key of a ring or group from lib/board/labels.ts, so the outer ring is never "Op
 * afstand" on the board and "Groepen en instanties" in the plan.
 */

const ROOT = join(__dirname, '..', '..')
const SOURCES = ['client', 'lib', 'server', 'app']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** The places that name a ring or a group, and the key function each must use. */
const users: [file: string, uses: string[]][] = [
  ['client/board/canvas/PersonShapeUtil.tsx', ['groupLabelKey', 'ringLabelKey']],
  // The rings area's labels: one geometry for the canvas and the export board image.
  ['lib/board/area-geometry.ts', ['ringLabelKeys']],
  ['client/board/panels/editor/PersonForm.tsx', ['groupLabelKey', 'ringLabelKey']],
  ['client/plan-view/PeopleSection.tsx', ['groupLabelKey', 'ringLabelKey']],
  ['lib/server/export/board/draw-kring.ts', ['groupLabelKey', 'ringLabelKey']],
  ['lib/server/export/pdf/sections.ts', ['groupLabelKey', 'ringLabelKey']],
]

describe('ring and group labels', () => {
  it('board, plan view and exports take their keys from lib/board/labels.ts', () => {
    for (const [file, uses] of users) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      for (const name of uses) expect(text, `${file} uses ${name}`).toMatch(new RegExp(`\\b${name}\\(?`))
    }
  })

  it('nobody else builds a ring or group key of their own', () => {
    const pattern = /[`'"](?:[\w-]+\.)*(?:ring|group)\.(?:\$\{|inner|middle|outer|family|network|professional|institution)|network-rings\.(?:inner|middle|outer)/
    const offenders = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((path) => !path.endsWith(join('lib', 'board', 'labels.ts')) && !path.includes(join('lib', 'i18n', 'messages')))
      .filter((path) => pattern.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path))
    expect(offenders).toEqual([])
  })

  it('the messages hold one word per ring and group, in both languages', () => {
    for (const messages of [nl, en]) {
      const keys = Object.entries(messages).flatMap(([space, entries]) => Object.keys(entries as object).map((key) => `${space}.${key}`))
      const ringOrGroup = keys.filter((key) => /(^|\.)(ring|group)\.(inner|middle|outer|family|network|professional|institution)$|network-rings\.(inner|middle|outer)$/.test(key))
      expect(ringOrGroup.sort()).toEqual([...rings.map(ringLabelKey), ...personGroups.map(groupLabelKey)].sort())
    }
  })

  it.each(locales)('the PDF and the board image say the same words as the board (%s)', (locale) => {
    const t = createTranslator(locale)
    const person = (ring: (typeof rings)[number], group: (typeof personGroups)[number]): PlanPerson => ({
      id: `shape:${ring}-${group}`,
      name: `${ring} ${group}`,
      relation: '',
      ring,
      group,
      support: [],
      note: '',
      ties: [],
    })
    const plan = { ...emptyPlan(), people: [person('inner', 'family'), person('outer', 'institution')] }
    // The words of every text run in order; a right-to-left cell is broken into lines of its own.
    const runs: string[] = []
    JSON.stringify(networkSection(plan, { t, locale }), (key, value: unknown) => {
      if (key === 'text' && typeof value === 'string') runs.push(value)
      return value
    })
    const pdf = runs.join('').replace(/\n/g, ' ')
    expect(pdf).toContain(`${t(ringLabelKey('inner'))}, ${t(groupLabelKey('family'))}`)
    expect(pdf).toContain(`${t(ringLabelKey('outer'))}, ${t(groupLabelKey('institution'))}`)

    const page = { id: 'page:p', typeName: 'page', name: 'Bord', index: 'a1', meta: {} }
    const shape = (id: string, type: string, props: object, y = 0) => ({ id, typeName: 'shape', type, parentId: 'page:p', index: 'a1', x: 0, y, rotation: 0, isLocked: false, opacity: 1, meta: {}, props })
    const svg = renderBoardSvg(
      {
        [page.id]: page,
        'shape:rings': shape('shape:rings', 'kring-area', { ...itemDefaults['kring-area'], area: 'network-rings', w: 1400, h: 1400 }),
        'shape:oma': shape('shape:oma', 'kring-person', { ...itemDefaults['kring-person'], name: 'Oma', group: 'family', ring: 'inner' }, 1600),
      },
      { locale, redacted: false },
    )
    for (const key of ringLabelKeys) expect(svg).toContain(t(key).replace(/&/g, '&amp;'))
    expect(svg).toContain(t(groupLabelKey('family')))
  })
})
