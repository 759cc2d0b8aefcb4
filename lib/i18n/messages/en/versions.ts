import type { Messages } from '../types'

const versions: Messages<'versions'> = {
  'title': 'Agreed versions',
}

export default versions
