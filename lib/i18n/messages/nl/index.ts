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

/**
 * Dutch copy, grouped by area. Each area is its own file so features can add copy
 * without touching each other's files. Dutch is the reference: other locales mirror its keys.
 * common: shared words; web: pages, sign-in, conferences, invitations; board: the live board;
 * items: the typed board items and templates; plan: plan view and checks;
 * exports: exported documents; versions: agreeing, frozen versions and the export screen; history: the board's checkpoints and restoring.
 */
export const nl = {
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
