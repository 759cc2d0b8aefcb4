/**
 * How often an agreement happens, read from the "when" people type on the board ("elke dag",
 * "elke schooldag 7:30", "maandag en donderdag", "om de week", "twice a week"…), as occurrences per
 * week. Used to make the load per network member visible (DOMAIN.md: "asking too much of the same
 * aunt breaks relationships"). A rough reading on purpose: it only has to tell "daily" from "now
 * and then". What it does not recognise is `'unknown'`, never a guess: the load view says
 * "onbekend" for it, so nobody is told an aunt is fine when we simply could not read her task.
 *
 * Weekends: "in het weekend" / "in the weekend" / "weekends" means both days (2); "elk weekend" /
 * "every weekend" counts weekends (a weekend stay, 1); "om het andere weekend" / "every other
 * weekend" is 0.5.
 */

export type Frequency = number | 'unknown'

// Occurrences per week of one of each unit.
const unitPerWeek: ReadonlyArray<[RegExp, number]> = [
  [/^(dag|dagen|day|days|etmaal)$/, 7],
  [/^(week|weken|weeks|wk|w)$/, 1],
  [/^(maand|maanden|mnd|month|months)$/, 0.25],
  [/^(kwartaal|kwartalen|quarter|quarters)$/, 1 / 13],
  [/^(jaar|jaren|year|years)$/, 1 / 52],
]
const UNIT = '(dag|dagen|day|days|etmaal|week|weken|weeks|wk|w|maand|maanden|mnd|month|months|kwartaal|kwartalen|quarter|quarters|jaar|jaren|year|years)'

const numberWords: Record<string, number> = {
  een: 1, eens: 1, one: 1, once: 1,
  twee: 2, two: 2, twice: 2,
  drie: 3, three: 3, thrice: 3,
  vier: 4, four: 4,
  vijf: 5, five: 5,
  zes: 6, six: 6,
  zeven: 7, seven: 7,
  acht: 8, eight: 8,
  negen: 9, nine: 9,
  tien: 10, ten: 10,
}
const NUMBER = `(\\d+|${Object.keys(numberWords).join('|')})`

const dayNames: ReadonlyArray<RegExp> = [
  /maandag|monday/,
  /dinsdag|tuesday/,
  /woensdag|wednesday/,
  /donderdag|thursday/,
  /vrijdag|friday/,
  /zaterdag|saturday/,
  /zondag|sunday/,
]
// For ranges ("maandag t/m vrijdag", "ma-vr", "Monday to Friday"): full names and short forms, in week order.
const dayTokens: ReadonlyArray<string> = [
  'maandag|ma|monday|mon',
  'dinsdag|di|tuesday|tue|tues',
  'woensdag|wo|wednesday|wed',
  'donderdag|do|thursday|thu|thur|thurs',
  'vrijdag|vr|friday|fri',
  'zaterdag|za|saturday|sat',
  'zondag|zo|sunday|sun',
]
const DAY = `(${dayTokens.join('|')})`
const dayRange = new RegExp(`\\b${DAY}\\s*(?:t/m|tm|tot en met|tot|-|–|to|through|till|until)\\s*${DAY}\\b`)

const SEPARATOR = '(?:per|in de|in het|in the|a|an|each|every|elke|iedere|/|p/?)'
// "2x per week", "twee keer per maand", "3 times a day", "2x/week", "2 keer week".
const timesPerUnit = new RegExp(`\\b${NUMBER}\\s*(?:x|keer|maal|times)\\s*(?:${SEPARATOR}\\s*)?${UNIT}\\b`)
// "3 dagen per week", "twee avonden in de week", "one morning a week".
const partsPerUnit = new RegExp(
  `\\b${NUMBER}\\s+(?:dag|dagen|day|days|ochtend|ochtenden|morning|mornings|middag|middagen|afternoon|afternoons|avond|avonden|evening|evenings|nacht|nachten|night|nights)\\s+${SEPARATOR}\\s*${UNIT}\\b`,
)
// "once a week", "twice a month", "eens per week".
const wordPerUnit = new RegExp(`\\b(once|twice|thrice|eens)\\s+${SEPARATOR}\\s*${UNIT}\\b`)
// "elke 2 weken", "iedere drie dagen", "every 2 weeks", "om de twee weken".
const everyNUnits = new RegExp(`\\b(?:elke|iedere|every|om de)\\s+${NUMBER}\\s+${UNIT}\\b`)
const everyOtherDay = /\b(om de (andere )?dag|every other day|every second day|alternate days)\b/
const everyOtherWeek = /\b(om de (andere )?week|(twee|2)-?wekelijks|every other week|every second week|fortnight(ly)?|biweekly|bi-weekly)\b/
const everyOtherWeekend = /\b(om het (andere )?weekend|om de (andere )?weekend|(elk|ieder) (tweede|ander) weekend|every (other|second) weekend|alternate weekends)\b/
// "twice weekly", "3x wekelijks": a number with an adverb of the unit.
const timesAdverb = new RegExp(`\\b${NUMBER}(?:\\s*(?:x|keer|maal|times)\\s*|\\s+)(dagelijks|daily|wekelijks|weekly|maandelijks|monthly)\\b`)
// "1x per 2 weken", "twice every 3 months".
const timesPerNUnits = new RegExp(`\\b${NUMBER}\\s*(?:x|keer|maal|times)\\s*(?:per|in|every|elke|iedere)\\s+${NUMBER}\\s+${UNIT}\\b`)
const daily = /\b(dagelijks|elke dag|iedere dag|alle dagen|per dag|daily|every day|each day|everyday|a day|per day|7 dagen per week|zeven dagen per week)\b/
const schoolDays = /\b(schooldag|schooldagen|school ?day|school ?days|na school|voor school|uit school|after school|before school|naar school|to school)\b/
// Parts of the day count as daily only when no day of the week is named ("maandag 's avonds" is weekly).
const partOfEveryDay = /(\b(elke|iedere) (ochtend|middag|avond|nacht)|'s (ochtends|middags|avonds|nachts)|\bevery (morning|afternoon|evening|night)|\beach (morning|afternoon|evening|night))\b/
const weekdays = /\b(elke werkdag|iedere werkdag|werkdagen|doordeweeks|every weekday|weekdays)\b/
const everyWeekend = /\b(elk|ieder|elke|iedere) weekend\b|\b(every|each) weekend\b/
const weekendDays = /\b(in het weekend|in de weekenden|in the weekend|at the weekend|on weekends|weekends|zaterdag en zondag|saturday and sunday)\b/
const weekly = /\b(wekelijks|elke week|iedere week|per week|in de week|weekly|every week|each week|a week)\b/
const monthly = /\b(maandelijks|elke maand|iedere maand|per maand|monthly|every month|each month|a month)\b/
const yearly = /\b(jaarlijks|elk jaar|ieder jaar|per jaar|yearly|annually|every year|each year|a year)\b/

function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[×]/g, 'x')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

function numberOf(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : (numberWords[token] ?? 1)
}

function perWeekOfUnit(unit: string): number {
  for (const [pattern, perWeek] of unitPerWeek) if (pattern.test(unit)) return perWeek
  return 1
}

function perWeekOfAdverb(adverb: string): number {
  if (adverb === 'dagelijks' || adverb === 'daily') return 7
  if (adverb === 'maandelijks' || adverb === 'monthly') return 0.25
  return 1
}

function dayIndex(token: string): number {
  return dayTokens.findIndex((names) => names.split('|').includes(token))
}

/** Occurrences per week of a "when" text; `'unknown'` when it says nothing we recognise (or nothing at all). */
export function occurrencesPerWeek(when: string): Frequency {
  const text = normalise(when)
  if (text === '') return 'unknown'

  const every = everyNUnits.exec(text)
  if (every) {
    const n = numberOf(every[1] ?? '')
    return n > 0 ? perWeekOfUnit(every[2] ?? '') / n : 'unknown'
  }
  const perN = timesPerNUnits.exec(text)
  if (perN) {
    const n = numberOf(perN[2] ?? '')
    return n > 0 ? (numberOf(perN[1] ?? '') * perWeekOfUnit(perN[3] ?? '')) / n : 'unknown'
  }
  const count = timesPerUnit.exec(text) ?? partsPerUnit.exec(text) ?? wordPerUnit.exec(text)
  if (count) return numberOf(count[1] ?? '') * perWeekOfUnit(count[2] ?? '')
  const adverb = timesAdverb.exec(text)
  if (adverb) return numberOf(adverb[1] ?? '') * perWeekOfAdverb(adverb[2] ?? '')
  if (everyOtherDay.test(text)) return 3.5
  if (everyOtherWeekend.test(text)) return 0.5
  if (everyOtherWeek.test(text)) return 0.5
  if (daily.test(text)) return 7
  if (weekdays.test(text)) return 5

  // "maandag t/m vrijdag", "ma-do": every day of the range once a week.
  const range = dayRange.exec(text)
  if (range) {
    const from = dayIndex(range[1] ?? '')
    const to = dayIndex(range[2] ?? '')
    if (from >= 0 && to >= 0) return ((to - from + 7) % 7) + 1
  }
  // "maandag en donderdag", "elke zaterdagochtend": once a week for every day named.
  const days = dayNames.filter((day) => day.test(text)).length
  if (days > 0) return days
  if (weekendDays.test(text)) return 2
  if (everyWeekend.test(text)) return 1
  // "elke schooldag", "na school": the five school days (holidays aside: a rough reading).
  if (schoolDays.test(text)) return 5
  if (partOfEveryDay.test(text)) return 7

  if (weekly.test(text)) return 1
  if (monthly.test(text)) return 0.25
  if (yearly.test(text)) return 1 / 52
  return 'unknown'
}
