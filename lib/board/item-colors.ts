import type { CardKind, House, PersonGroup } from './items'

/**
 * The colours of the board's items: one accent (borders, headings, icons; dark enough for 4.5:1
 * on white and on its own tint) and one soft tint (the card's background) per kind. The label
 * always says the same as the colour, so nobody has to tell colours apart.
 */
export interface ItemColors {
  accent: string
  tint: string
}

export const groupColors: Record<PersonGroup, ItemColors> = {
  family: { accent: '#a63d22', tint: '#fbeae4' },
  network: { accent: '#1f6b63', tint: '#e2efec' },
  professional: { accent: '#2f55a8', tint: '#e7ecf8' },
  institution: { accent: '#4d5c62', tint: '#eceff0' },
}

export const cardColors: Record<CardKind, ItemColors> = {
  'central-question': { accent: '#5b3fc4', tint: '#efeafc' },
  'going-well': { accent: '#2a6e2d', tint: '#e6f3e4' },
  worry: { accent: '#a3261b', tint: '#fbe6e2' },
  'next-step': { accent: '#1d5a9f', tint: '#e3edf9' },
  need: { accent: '#7a5f00', tint: '#fbf3d6' },
  prompt: { accent: '#4d5c62', tint: '#f3f1ea' },
}

export const houseColors: Record<House, ItemColors> = {
  worries: { accent: '#44558a', tint: '#e8ebf5' },
  'good-things': { accent: '#2a6e2d', tint: '#eaf5df' },
  dreams: { accent: '#7e3a8a', tint: '#f4e8f6' },
}

export const dangerColors: ItemColors = { accent: '#9f3423', tint: '#f9e7e3' }
export const goalColors: ItemColors = { accent: '#2a6e2d', tint: '#e6f3e4' }
export const agreementColors: ItemColors = { accent: '#1f6b63', tint: '#ffffff' }
export const safetyColors: ItemColors = { accent: '#9a4a00', tint: '#fdf1e3' }
export const scaleColors: ItemColors = { accent: '#1d2a2f', tint: '#ffffff' }
export const bottomLineColors: ItemColors = { accent: '#6b2a5e', tint: '#f6e9f2' }
export const areaColors: ItemColors = { accent: '#4d5c62', tint: '#fbfaf6' }
