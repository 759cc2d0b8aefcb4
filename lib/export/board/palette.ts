import type { CardKind, House, PersonGroup, TieKind } from '../../board/items'

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

/**
 * The items' colours as the canvas draws them (app/board/.../items/item-colors.ts; copied, since
 * lib/ cannot import app/): an accent for borders and headings, a tint for the background.
 */
export interface ItemColors {
  accent: string
  tint: string
}

export const GROUP_COLORS: Record<PersonGroup, ItemColors> = {
  family: { accent: '#a63d22', tint: '#fbeae4' },
  network: { accent: '#1f6b63', tint: '#e2efec' },
  professional: { accent: '#2f55a8', tint: '#e7ecf8' },
  institution: { accent: '#4d5c62', tint: '#eceff0' },
}

export const CARD_COLORS: Record<CardKind, ItemColors> = {
  'central-question': { accent: '#5b3fc4', tint: '#efeafc' },
  'going-well': { accent: '#2a6e2d', tint: '#e6f3e4' },
  worry: { accent: '#a3261b', tint: '#fbe6e2' },
  'next-step': { accent: '#1d5a9f', tint: '#e3edf9' },
  need: { accent: '#7a5f00', tint: '#fbf3d6' },
  prompt: { accent: '#4d5c62', tint: '#f3f1ea' },
}

export const HOUSE_COLORS: Record<House, ItemColors> = {
  worries: { accent: '#44558a', tint: '#e8ebf5' },
  'good-things': { accent: '#2a6e2d', tint: '#eaf5df' },
  dreams: { accent: '#7e3a8a', tint: '#f4e8f6' },
}

export const DANGER_COLORS: ItemColors = { accent: '#9f3423', tint: '#f9e7e3' }
export const GOAL_COLORS: ItemColors = { accent: '#2a6e2d', tint: '#e6f3e4' }
export const AGREEMENT_COLORS: ItemColors = { accent: '#1f6b63', tint: '#ffffff' }
export const SAFETY_COLORS: ItemColors = { accent: '#9a4a00', tint: '#fdf1e3' }
export const BOTTOM_LINE_COLORS: ItemColors = { accent: '#6b2a5e', tint: '#f6e9f2' }

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
