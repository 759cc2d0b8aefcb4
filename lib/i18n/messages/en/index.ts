import type { AllMessages } from '../types'
import common from './common'

export const en: AllMessages = {
  common,
}
