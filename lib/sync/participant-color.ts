/**
 * Cursor and name-tag colours: dark enough for white text on them, distinct from each other.
 * A participant keeps one colour on every device and for everyone, because it is derived from
 * their id alone (not chosen by their client).
 */
export const PARTICIPANT_COLORS = [
  '#1f6b63', // teal
  '#b5452b', // brick
  '#3b5bb5', // blue
  '#8a3f96', // purple
  '#8a6d00', // ochre
  '#2f7d32', // green
  '#c2185b', // raspberry
  '#5d4037', // brown
  '#00798c', // petrol
  '#6a4fd1', // violet
  '#a33a3a', // red
  '#456b00', // olive
] as const

/** FNV-1a: a small, stable string hash (the same in every browser and in Node). */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function participantColor(participantId: string): string {
  return PARTICIPANT_COLORS[hash(participantId) % PARTICIPANT_COLORS.length] ?? PARTICIPANT_COLORS[0]
}
