import type { AllMessages } from '../types'
import board from './board'
import common from './common'
import exports from './exports'
import facilitation from './facilitation'
import followUp from './followUp'
import history from './history'
import items from './items'
import meeting from './meeting'
import phone from './phone'
import plan from './plan'
import retention from './retention'
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
  facilitation,
  meeting,
  history,
  retention,
  followUp,
  phone,
}
