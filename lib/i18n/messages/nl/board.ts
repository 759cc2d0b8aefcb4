/** Dutch copy for the board area. */
const board = {
} as const

export default board
