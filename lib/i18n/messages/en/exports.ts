import type { Messages } from '../types'

const exports: Messages<'exports'> = {
  'title': 'Export',
}

export default exports
