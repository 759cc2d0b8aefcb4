import type { AllMessages } from '../types'
import board from './board'
import common from './common'
import web from './web'

export const en: AllMessages = {
  common,
  web,
  board,
}
