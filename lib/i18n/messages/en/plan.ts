import type { Messages } from '../types'

const plan: Messages<'plan'> = {
  'title': 'Plan',
}

export default plan
