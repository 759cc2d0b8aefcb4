import type { nl } from './nl/index'

export type Areas = typeof nl
export type Area = keyof Areas
/** Another locale's copy for an area: the same keys as Dutch, any text. */
export type Messages<A extends Area> = { [K in keyof Areas[A]]: string }
export type AllMessages = { [A in Area]: Messages<A> }
/** A key as used in code: 'area.key', e.g. 'common.save' or 'board.roster.title'. */
export type MessageKey = { [A in Area]: `${A}.${Extract<keyof Areas[A], string>}` }[Area]
