/** Dutch copy for the web area. */
const web = {
} as const

export default web
