import type { AllMessages } from '../types'
import board from './board'
import common from './common'
import exports from './exports'
import items from './items'
import plan from './plan'
import versions from './versions'
import web from './web'

export const en: AllMessages = {
  common,
  web,
  board,
  items,
  plan,
  exports,
  versions,
}
