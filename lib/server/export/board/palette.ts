import type { TieKind } from '../../../board/items'

/**
 * Colours of the board image. tldraw's named colours use the light theme's values of tldraw 5.4
 * (copied: lib/ does not load tldraw's editor), so a facilitator sees the colours they picked.
 */
export const TLDRAW_COLORS: Record<string, { solid: string; semi: string; note: string }> = {
  black: { solid: '#1d1d1d', semi: '#e8e8e8', note: '#FCE19C' },
  blue: { solid: '#4465e9', semi: '#dce1f8', note: '#8AA3FF' },
  green: { solid: '#099268', semi: '#d3e9e3', note: '#6FC896' },
  grey: { solid: '#9fa8b2', semi: '#eceef0', note: '#C0CAD3' },
  'light-blue': { solid: '#4ba1f1', semi: '#ddedfa', note: '#9BC4FD' },
  'light-green': { solid: '#4cb05e', semi: '#dbf0e0', note: '#98D08A' },
  'light-red': { solid: '#f87777', semi: '#f4dadb', note: '#F7A5A1' },
  'light-violet': { solid: '#e085f4', semi: '#f5eafa', note: '#DFB0F9' },
  orange: { solid: '#e16919', semi: '#f8e2d4', note: '#FAA475' },
  red: { solid: '#e03131', semi: '#f4dadb', note: '#FC8282' },
  violet: { solid: '#ae3ec9', semi: '#ecdcf2', note: '#DB91FD' },
  yellow: { solid: '#f1ac4b', semi: '#f9f0e6', note: '#FED49A' },
  white: { solid: '#FFFFFF', semi: '#f5f5f5', note: '#FFFFFF' },
}

export function tldrawColor(name: unknown): { solid: string; semi: string; note: string } {
  return (typeof name === 'string' && TLDRAW_COLORS[name]) || TLDRAW_COLORS.black!
}

export const INK = '#1d2a2f'
export const MUTED = '#3c4a50'
export const PAPER = '#ffffff'
export const BACKGROUND = '#f9fafb'

// The items' colours: one definition (lib/board/item-colors.ts) for the canvas and the exports.
export {
  agreementColors as AGREEMENT_COLORS,
  bottomLineColors as BOTTOM_LINE_COLORS,
  cardColors as CARD_COLORS,
  dangerColors as DANGER_COLORS,
  goalColors as GOAL_COLORS,
  groupColors as GROUP_COLORS,
  houseColors as HOUSE_COLORS,
  safetyColors as SAFETY_COLORS,
  type ItemColors,
} from '../../../board/item-colors'

/** The template areas (area.module.css). */
export const AREA = {
  frame: '#fbfaf6',
  frameStroke: '#b9b1a1',
  titleBar: '#efebe2',
  divider: '#d8d2c5',
  ringStroke: '#9aa6ab',
  ringFills: ['#f3f1ea', '#eaf2ef', '#e0ece8'],
  core: '#1f6b63',
  stainStroke: '#8a6d00',
  stainFills: ['#fbf6e3', '#f6ebc4', '#efdc9d'],
}

/** How each kind of tie is drawn (and shown in the legend). */
export const TIE_STYLES: Record<TieKind, { color: string; width: number; dash: string | null }> = {
  strong: { color: '#1f6b63', width: 6, dash: null },
  weak: { color: '#6b7780', width: 2.5, dash: '10 8' },
  strained: { color: '#b3261e', width: 3.5, dash: '14 5 3 5' },
}
