import common from './common'

/**
 * Dutch copy, grouped by area. Each area is its own file so features can add copy
 * without touching each other's files. Dutch is the reference: other locales mirror its keys.
 */
export const nl = {
  common,
}
