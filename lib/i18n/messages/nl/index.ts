import board from './board'
import common from './common'
import web from './web'

/**
 * Dutch copy, grouped by area. Each area is its own file so features can add copy
 * without touching each other's files. Dutch is the reference: other locales mirror its keys.
 * common: shared words; web: pages, sign-in, conferences, invitations; board: the live board.
 */
export const nl = {
  common,
  web,
  board,
}
