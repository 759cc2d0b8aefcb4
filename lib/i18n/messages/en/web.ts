import type { Messages } from '../types'

const web: Messages<'web'> = {
}

export default web
