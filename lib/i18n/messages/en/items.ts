import type { Messages } from '../types'

const items: Messages<'items'> = {
  'title': 'Board items',
}

export default items
