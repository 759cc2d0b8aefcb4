import type { Messages } from '../types'

const board: Messages<'board'> = {
}

export default board
