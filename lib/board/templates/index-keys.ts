import type { TLShape } from '@tldraw/tlschema'

export type IndexKey = TLShape['index']

// tldraw orders siblings by fractional index keys (base 62): the integer part's first character
// gives its length ('a' = one more digit, 'b' = two more), and a key never ends in a fractional
// '0'. Whole-number keys are enough for a template, so no fractional part is ever produced.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const ONE_DIGIT = DIGITS.length - 1 // 'a1'…'az' (after tldraw's zero key 'a0')
const TWO_DIGITS = DIGITS.length * DIGITS.length // 'b00'…'bzz'

/** The n-th sibling index key in ascending order: 'a1', 'a2', … 'az', 'b00', 'b01', … */
export function indexKeyAt(n: number): IndexKey {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`index ${n} is not a position`)
  if (n < ONE_DIGIT) return `a${DIGITS[n + 1]}` as IndexKey
  const m = n - ONE_DIGIT
  if (m < TWO_DIGITS) return `b${DIGITS[Math.floor(m / DIGITS.length)]}${DIGITS[m % DIGITS.length]}` as IndexKey
  throw new RangeError(`a template never holds ${n + 1} shapes on one parent`)
}
