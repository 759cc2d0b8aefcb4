import { b64Vecs, toRichText } from '@tldraw/tlschema'
import { itemDefaults, type ItemProps, type ItemType, type TieKind } from '../../lib/board/items'
import type { ExportInput } from '../../lib/server/export/input'
import { emptyPlan, type Plan, type PlanAgreement, type PlanPerson } from '../../lib/plan/schema'
import { arrowProps } from './plan-fixtures'

/**
 * A board (tldraw records) and the plan that matches it, for the export tests and the export
 * benchmark: the professionals' bottom lines (one answered and ticked off, one open), a network map
 * with people in three rings and typed ties, the three columns, a danger
 * statement, a scale with marks, `agreements` agreements, a safety plan, the child's houses, and
 * some of tldraw's own shapes (a sticky note, a labelled box, a text, a drawing). Names in Latin,
 * Arabic and Tifinagh script; phone numbers in the safety plan.
 */

export const PAGE = 'page:board'
export const FACILITATOR_ID = 'p-fenna'

let order = 0
function nextIndex(): string {
  order += 1
  return `a${String(order).padStart(5, '0')}`
}

type Json = Record<string, unknown>

function shape(id: string, type: string, x: number, y: number, props: Json, extra: Json = {}): Json {
  return { id, typeName: 'shape', type, parentId: PAGE, index: nextIndex(), x, y, rotation: 0, isLocked: false, opacity: 1, meta: {}, props, ...extra }
}

function item<K extends ItemType>(id: string, type: K, x: number, y: number, props: Partial<ItemProps<K>>, extra: Json = {}): Json {
  return shape(id, type, x, y, { ...itemDefaults[type], ...props }, extra)
}

function tie(id: string, from: string, to: string, kind: TieKind, records: Json[], anchorTo: { x: number; y: number } = { x: 0.5, y: 0.5 }): void {
  records.push(
    shape(id, 'arrow', 0, 0, { ...arrowProps, arrowheadEnd: 'none' }, { meta: { kringTie: kind } }),
  )
  for (const [terminal, target, anchor] of [
    ['start', from, { x: 0.5, y: 0.5 }],
    ['end', to, anchorTo],
  ] as const) {
    records.push({
      id: `binding:${id.slice(6)}-${terminal}`,
      typeName: 'binding',
      type: 'arrow',
      fromId: id,
      toId: target,
      meta: {},
      props: { terminal, normalizedAnchor: anchor, isExact: false, isPrecise: terminal === 'end' && to === RINGS, snap: 'none' },
    })
  }
}

export const RINGS = 'shape:rings'

const PEOPLE: { id: string; name: string; relation: string; ring: PlanPerson['ring']; group: PlanPerson['group']; support: string[]; note: string; angle: number; tie: TieKind }[] = [
  { id: 'shape:amira', name: 'Amira El Idrissi', relation: 'tante', ring: 'inner', group: 'network', support: ['practical', 'emotional'], note: 'Werkt in ploegendienst', angle: -60, tie: 'strong' },
  { id: 'shape:oma', name: 'أمينة الزهراء', relation: 'oma', ring: 'inner', group: 'family', support: ['emotional'], note: '', angle: 40, tie: 'strong' },
  { id: 'shape:youssef', name: 'Youssef El Idrissi', relation: 'oom', ring: 'middle', group: 'family', support: ['practical'], note: 'Ziet Noor weinig', angle: 160, tie: 'strained' },
  { id: 'shape:janwillem', name: 'Jan-Willem de Vries', relation: 'buurman', ring: 'middle', group: 'network', support: ['practical'], note: '', angle: -150, tie: 'weak' },
  { id: 'shape:tala', name: 'ⵜⴰⵍⴰ Tala', relation: 'vriendin van mama', ring: 'middle', group: 'network', support: ['emotional', 'informative'], note: '', angle: 100, tie: 'weak' },
  { id: 'shape:bram', name: 'Meester Bram', relation: 'leerkracht', ring: 'outer', group: 'institution', support: ['informative'], note: '', angle: -20, tie: 'weak' },
  { id: 'shape:wijkteam', name: 'Wijkteam Noord', relation: 'hulpverlening', ring: 'outer', group: 'professional', support: ['informative', 'normative'], note: '', angle: -110, tie: 'strong' },
]

const WHAT = [
  'Amira haalt Noor op van school',
  'Oma kookt op zondag voor het hele gezin',
  'Jan-Willem brengt Noor naar voetbal',
  'Mama belt Amira als het thuis te druk wordt',
  'Tala gaat mee naar het gesprek op school',
  'Youssef komt op zaterdag langs en doet iets leuks met Noor',
  'أمينة تتصل بنور كل مساء',
  'Het wijkteam komt eens per maand kijken hoe het gaat',
]
const WHEN = ['elke woensdag', 'elke zondag', 'dinsdag en donderdag', 'als het nodig is', 'bij elk gesprek', 'om de week op zaterdag', 'elke avond om 19:00', 'eens per maand']
const HOW = ['Noor is om half vier thuis', 'Iedereen heeft warm gegeten', 'Noor mist geen training', 'Mama zegt dat het rustiger is', 'Er zijn afspraken met de juf', 'Noor vertelt erover', 'Noor slaapt beter', 'Het verslag is op tijd klaar']

/** Bottom lines (ondergrenzen); the first is ticked off by the professional, Jeroen Smit. */
export const BOTTOM_LINES = [
  {
    id: 'shape:bottom-line-0',
    text: 'Noor is nooit alleen thuis met papa als hij gedronken heeft.',
    tickedBy: 'p-jeroen',
    tickedByName: 'Jeroen Smit',
    tickedAt: '2026-03-03T12:55:00.000Z',
  },
  { id: 'shape:bottom-line-1', text: 'Er is elke schooldag een volwassene die Noor opvangt.', tickedBy: '', tickedByName: '', tickedAt: '' },
]

export interface SampleBoard {
  records: Record<string, unknown>
  plan: Plan
  input: ExportInput
}

export function sampleBoard(options: { agreements?: number; locale?: 'nl' | 'en'; redacted?: boolean } = {}): SampleBoard {
  order = 0
  const agreementCount = options.agreements ?? 6
  const records: Json[] = [{ id: PAGE, typeName: 'page', name: 'Bord', index: 'a1', meta: {} }]
  const plan = emptyPlan()

  // The question.
  records.push(item('shape:area-question', 'kring-area', 0, -460, { w: 1600, h: 320, area: 'central-question' }))
  records.push(item('shape:question', 'kring-card', 40, -340, { w: 1520, h: 160, kind: 'central-question', text: 'Hoe zorgen we samen dat Noor veilig thuis kan blijven wonen?' }))
  plan.centralQuestion.push({ id: 'shape:question', text: 'Hoe zorgen we samen dat Noor veilig thuis kan blijven wonen?' })

  // The professionals' bottom lines, beside the question: the first answered by the first agreement
  // and ticked off by the professional, the second still open.
  records.push(item('shape:area-bottom-lines', 'kring-area', 1760, -460, { w: 1400, h: 320, area: 'bottom-lines' }))
  BOTTOM_LINES.forEach((line, i) => {
    records.push(item(line.id, 'kring-bottom-line', 1800 + i * 344, -336, { w: 320, h: 160, text: line.text, tickedBy: line.tickedBy, tickedByName: line.tickedByName, tickedAt: line.tickedAt }))
    const ticked = line.tickedBy !== ''
    plan.bottomLines.push({
      id: line.id,
      text: line.text,
      ticked,
      tickedBy: ticked ? { participantId: line.tickedBy, name: line.tickedByName } : null,
      tickedAt: ticked ? line.tickedAt : null,
      answeredBy: i === 0 && agreementCount > 0 ? ['shape:agreement-0'] : [],
    })
  })

  // The network map: rings and people, each tied to the family (or to each other).
  records.push(item(RINGS, 'kring-area', 0, 0, { w: 1400, h: 1400, area: 'network-rings' }))
  const center = { x: 700, y: 100 + 1300 / 2 }
  const ringRadius = { inner: 200, middle: 370, outer: 540 }
  for (const person of PEOPLE) {
    const angle = (person.angle * Math.PI) / 180
    const r = ringRadius[person.ring]
    records.push(
      item(person.id, 'kring-person', center.x + Math.cos(angle) * r - 100, center.y + Math.sin(angle) * r - 48, {
        name: person.name,
        relation: person.relation,
        ring: person.ring,
        group: person.group,
        support: person.support,
        note: person.note,
      }),
    )
    tie(`shape:tie-${person.id.slice(6)}`, person.id, RINGS, person.tie, records, { x: 0.5, y: center.y / 1400 })
    plan.people.push({ id: person.id, name: person.name, relation: person.relation, ring: person.ring, group: person.group, support: person.support, note: person.note, ties: [{ to: 'family', kind: person.tie }] })
  }
  tie('shape:tie-amira-oma', 'shape:amira', 'shape:oma', 'strong', records)
  plan.people[0]!.ties.push({ to: 'shape:oma', kind: 'strong' })
  plan.people[1]!.ties.push({ to: 'shape:amira', kind: 'strong' })

  // The three columns.
  records.push(item('shape:columns', 'kring-area', 1600, 0, { w: 1600, h: 1000, area: 'three-columns' }))
  const columns: [string, 'going-well' | 'worry' | 'next-step', string[]][] = [
    ['goingWell', 'going-well', ['Noor gaat graag naar school', 'Oma is er altijd voor Noor', 'Mama vraagt zelf om hulp']],
    ['worries', 'worry', ['Papa drinkt als hij boos is', 'Noor is vaak alleen thuis na school', 'Er zijn schulden']],
    ['nextSteps', 'next-step', ['Iemand is thuis als Noor uit school komt', 'Papa gaat naar de verslavingszorg', 'Hulp bij de schulden']],
  ]
  columns.forEach(([key, kind, texts], column) => {
    texts.forEach((text, row) => {
      const id = `shape:${kind}-${row}`
      records.push(item(id, 'kring-card', 1600 + 40 + column * 533, 200 + row * 150, { w: 440, h: 120, kind, text }))
      if (key === 'nextSteps') plan.nextSteps.push({ id, text, answers: [`shape:worry-${row}`] })
      else plan[key as 'goingWell' | 'worries'].push({ id, text })
    })
  })

  // Danger statement and scale.
  records.push(item('shape:danger', 'kring-danger', 3300, 0, { danger: 'We zijn bang dat papa Noor pijn doet als hij gedronken heeft.', goal: 'Noor is veilig, ook als papa gedronken heeft.' }))
  plan.dangers.push({ id: 'shape:danger', danger: 'We zijn bang dat papa Noor pijn doet als hij gedronken heeft.', goal: 'Noor is veilig, ook als papa gedronken heeft.' })
  records.push(item('shape:scale', 'kring-scale', 3300, 260, { w: 560, h: 300, question: 'Hoe veilig is Noor nu thuis?' }))
  const marks = [
    { participantId: 'p-sanne', name: 'Sanne', value: 6 },
    { participantId: 'p-amira', name: 'Amira El Idrissi', value: 4 },
    { participantId: 'p-oma', name: 'أمينة الزهراء', value: 5 },
    { participantId: 'p-jeroen', name: 'Jeroen Smit', value: 3 },
  ]
  marks.forEach((mark, lane) => {
    const x = 40 + (mark.value * 480) / 10 - 52
    records.push(shape(`shape:mark-${mark.participantId}`, 'kring-scale-mark', x, 76 + lane * 54, { ...itemDefaults['kring-scale-mark'], w: 104, h: 48, ...mark }, { parentId: 'shape:scale' }))
  })
  plan.scales.push({ id: 'shape:scale', question: 'Hoe veilig is Noor nu thuis?', marks })

  // Agreements, four to a row.
  const rows = Math.ceil(agreementCount / 4)
  records.push(item('shape:area-agreements', 'kring-area', 0, 1500, { w: 1600, h: 140 + rows * 364, area: 'agreements' }))
  const owners = PEOPLE.map((p) => p.id)
  for (let i = 0; i < agreementCount; i++) {
    const id = `shape:agreement-${i}`
    const ownerIds = [owners[i % owners.length]!, ...(i % 5 === 0 ? [owners[(i + 2) % owners.length]!] : [])]
    const backupId = i % 7 === 3 ? '' : owners[(i + 3) % owners.length]!
    const what = i < WHAT.length ? WHAT[i]! : `${WHAT[i % WHAT.length]!} (afspraak ${i + 1})`
    const props: Partial<ItemProps<'kring-agreement'>> = {
      what,
      ownerIds,
      when: WHEN[i % WHEN.length]!,
      backupId,
      howWeKnow: HOW[i % HOW.length]!,
      answers: [`shape:worry-${i % 3}`, ...(i === 0 ? [BOTTOM_LINES[0]!.id] : [])],
      w: 360,
      h: 340,
    }
    records.push(item(id, 'kring-agreement', 40 + (i % 4) * 384, 1640 + Math.floor(i / 4) * 364, props))
    const ref = (personId: string) => ({ id: personId, name: PEOPLE.find((p) => p.id === personId)!.name })
    const agreement: PlanAgreement = {
      id,
      what,
      owners: ownerIds.map(ref),
      when: props.when!,
      backup: backupId === '' ? null : ref(backupId),
      howWeKnow: props.howWeKnow!,
      answers: props.answers!,
      status: 'open',
    }
    plan.agreements.push(agreement)
  }

  // Safety plan.
  const safetyTop = 1500 + 140 + rows * 364 + 100
  records.push(item('shape:area-safety', 'kring-area', 0, safetyTop, { w: 1600, h: 500, area: 'safety-plan' }))
  const safety = [
    { signal: 'Papa komt dronken thuis', action: 'Noor gaat naar de buren en belt Amira', contactName: 'Amira El Idrissi', contactPhone: '06-12345678', safePlace: 'bij Jan-Willem, huisnummer 12' },
    { signal: 'Er wordt geschreeuwd', action: 'Mama belt oma', contactName: 'أمينة الزهراء', contactPhone: '+212 612 345 678', safePlace: 'bij oma' },
    { signal: 'Noor is niet op school', action: 'De juf belt het wijkteam', contactName: 'Wijkteam Noord', contactPhone: '020 765 4321', safePlace: '' },
  ]
  safety.forEach((line, i) => {
    const id = `shape:safety-${i}`
    records.push(item(id, 'kring-safety-item', 40 + i * 520, safetyTop + 130, { ...line, w: 480, h: 300 }))
    plan.safetyPlan.push({ id, ...line })
  })

  // The child's houses and a need.
  const housesTop = safetyTop + 600
  records.push(item('shape:houses', 'kring-area', 0, housesTop, { w: 1600, h: 700, area: 'three-houses' }))
  const houseCards: [ItemProps<'kring-house-card'>['house'], string, string][] = [
    ['worries', 'Als papa boos is', '😟'],
    ['good-things', 'Voetbal met Jan-Willem', '⚽'],
    ['good-things', 'Bij oma slapen', '🏠'],
    ['dreams', 'Een hond', '🐶'],
  ]
  houseCards.forEach(([house, text, emoji], i) => {
    const id = `shape:house-${i}`
    const slot = ['worries', 'good-things', 'dreams'].indexOf(house)
    records.push(item(id, 'kring-house-card', slot * 533 + 180, housesTop + 330 + (i % 2) * 120, { house, text, emoji }))
    const card = { id, text, emoji }
    if (house === 'worries') plan.childVoice.worries.push(card)
    else if (house === 'good-things') plan.childVoice.goodThings.push(card)
    else plan.childVoice.dreams.push(card)
  })
  records.push(item('shape:need', 'kring-card', 1700, housesTop, { kind: 'need', text: 'Noor wil zich thuis veilig voelen' }))
  plan.needs.push({ id: 'shape:need', text: 'Noor wil zich thuis veilig voelen' })

  // tldraw's own shapes: a sticky note, a labelled box with an arrow to it, a text, a drawing.
  records.push(
    shape('shape:note', 'note', 3300, 600, {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText('Volgende keer: ook de juf uitnodigen'),
      scale: 1,
    }),
    shape('shape:box', 'geo', 3600, 620, {
      geo: 'ellipse', dash: 'dashed', url: '', w: 260, h: 160, growY: 0, scale: 1, flipX: false, flipY: false, labelColor: 'black', color: 'blue', fill: 'semi', size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', richText: toRichText('Sportclub'),
    }),
    shape('shape:text', 'text', 3300, 900, { color: 'black', size: 'm', font: 'draw', textAlign: 'start', w: 400, richText: toRichText('Gemaakt op de conferentie'), scale: 1, autoSize: true }),
    shape('shape:drawing', 'draw', 3700, 900, {
      color: 'red',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      segments: [{ type: 'free', path: b64Vecs.encodePoints([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ x: i * 20, y: i % 2 === 0 ? 0 : 40, z: 0.5 }))) }],
      isComplete: true,
      isClosed: false,
      isPen: false,
      scale: 1,
      scaleX: 1,
      scaleY: 1,
    }),
  )

  const byId = Object.fromEntries(records.map((r) => [String(r.id), r as unknown]))
  const input: ExportInput = {
    conference: { id: 'conf-sample-1', title: 'Familie El Idrissi', kind: 'familiegroepsplan', createdAt: '2026-02-20T09:00:00.000Z' },
    facts: {
      values: {
        meetingDate: '2026-03-03',
        startTime: '10:30',
        durationMinutes: 150,
        place: 'Buurthuis De Kring, Utrecht',
        online: true,
        children: [
          { firstName: 'Noor', age: 9 },
          { firstName: 'Sam', age: 12 },
        ],
        facilitatorOrganisation: 'Eigen Kracht Centrale',
        reviewDate: '2026-04-14',
      },
      frozen: true,
    },
    participants: [
      { name: 'Fenna de Vries', role: 'facilitator', participantId: FACILITATOR_ID, devices: ['desktop'] },
      { name: 'Sanne Bakker', role: 'family', participantId: 'p-sanne', devices: ['phone'] },
      { name: 'Amira El Idrissi', role: 'network', participantId: 'p-amira', devices: ['phone', 'desktop'] },
      { name: 'أمينة الزهراء', role: 'network', participantId: 'p-oma', devices: [] },
      { name: 'Jeroen Smit', role: 'professional', participantId: 'p-jeroen', devices: ['desktop'] },
    ],
    // Everyone ever invited: also an observer and a removed neighbour, named nowhere else.
    roster: [
      { name: 'Fenna de Vries', role: 'facilitator' },
      { name: 'Sanne Bakker', role: 'family' },
      { name: 'Amira El Idrissi', role: 'network' },
      { name: 'أمينة الزهراء', role: 'network' },
      { name: 'Jeroen Smit', role: 'professional' },
      { name: 'Karin Mulder', role: 'observer' },
      { name: 'Buurman Henk', role: 'network' },
    ],
    version: {
      number: 2,
      frozenAt: '2026-03-03T13:05:00.000Z',
      agreedBy: [
        { participantId: 'p-sanne', name: 'Sanne Bakker', role: 'family', at: '2026-03-03T13:01:00.000Z', recordedBy: null },
        { participantId: 'p-amira', name: 'Amira El Idrissi', role: 'network', at: '2026-03-03T13:02:00.000Z', recordedBy: null },
        { participantId: 'p-oma', name: 'أمينة الزهراء', role: 'network', at: '2026-03-03T13:03:00.000Z', recordedBy: FACILITATOR_ID },
        { participantId: 'p-jeroen', name: 'Jeroen Smit', role: 'professional', at: '2026-03-03T13:04:00.000Z', recordedBy: null },
      ],
    },
    plan,
    boardSvg: '',
    locale: options.locale ?? 'nl',
    redacted: options.redacted ?? false,
  }
  return { records: byId, plan, input }
}
