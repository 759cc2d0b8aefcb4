import type { AllMessages } from '../types'
import phone from './phone'
import followUp from './followUp'
import retention from './retention'
import board from './board'
import common from './common'
import exports from './exports'
import facilitation from './facilitation'
import history from './history'
import items from './items'
import meeting from './meeting'
import plan from './plan'
import versions from './versions'
import web from './web'

/** Turkish copy, grouped by area like the Dutch reference. */
export const tr: AllMessages = {
  phone,
  followUp,
  retention,
  common,
  web,
  board,
  items,
  plan,
  exports,
  versions,
  facilitation,
  meeting,
  history,
}
