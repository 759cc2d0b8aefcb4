import type { Messages } from '../types'

const items: Messages<'items'> = {
  /** The name of the board's (only) page. */
  'page.name': 'Board',
  'title': 'Board items',
}

export default items
