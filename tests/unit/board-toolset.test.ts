import { describe, expect, it } from 'vitest'
import { conferencePhases, participantRoles, type ConferencePhase, type ParticipantRole } from '../../lib/conference/model'
import { may } from '../../lib/conference/policy'
import { boardUiOverrides } from '../../client/board/canvas/board-ui-overrides'
import { chooseToolset, keepAllowed, REMOVED_ACTIONS, REMOVED_TOOLS } from '../../client/board/canvas/toolset'

// tldraw 5.4's own tool and action ids (the ones the menus and toolbar show), as the overrides receive them.
const TLDRAW_TOOLS = ['select', 'hand', 'eraser', 'draw', 'text', 'note', 'asset', 'embed', 'arrow', 'frame', 'line', 'highlight', 'laser', 'geo', 'rectangle', 'ellipse']
const TLDRAW_ACTIONS = [
  'undo', 'redo', 'copy', 'paste', 'cut', 'delete', 'duplicate', 'select-all', 'zoom-in', 'group',
  'export-as-svg', 'export-as-png', 'export-all-as-svg', 'export-all-as-png', 'copy-as-svg', 'copy-as-png', 'copy-as-json',
  'print', 'insert-media', 'insert-embed', 'download-original', 'flatten-to-image', 'convert-to-embed',
]
const byId = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, { id }]))

function toolsetOf(role: ParticipantRole, phase: ConferencePhase) {
  return chooseToolset((action) => may(role, phase, action))
}

describe('the toolset per permission', () => {
  it('gives the full set exactly to whoever may arrange the board, the simple set to everyone else', () => {
    for (const role of participantRoles) {
      for (const phase of conferencePhases) {
        const expected = may(role, phase, 'board.arrange') ? 'full' : 'simple'
        expect(toolsetOf(role, phase).kind, `${role} in ${phase}`).toBe(expected)
      }
    }
    expect(toolsetOf('facilitator', 'informatie').kind).toBe('full')
    expect(toolsetOf('family', 'informatie').kind).toBe('simple')
    // Nothing known yet (the meeting has not said the phase): the simple set.
    expect(chooseToolset(() => false).kind).toBe('simple')
  })

  it('gives family, child, network and professionals select, hand, note and pen, and no eraser', () => {
    for (const role of ['family', 'child', 'network', 'professional', 'observer'] as const) {
      const tools = Object.keys(keepAllowed(byId(TLDRAW_TOOLS), toolsetOf(role, 'informatie').hasTool))
      expect(tools, role).toEqual(['select', 'hand', 'draw', 'note'])
    }
  })

  it('keeps the facilitator\'s eraser, shapes and arrows, but no upload or embed tool', () => {
    const tools = Object.keys(keepAllowed(byId(TLDRAW_TOOLS), toolsetOf('facilitator', 'informatie').hasTool))
    expect(tools).toEqual(expect.arrayContaining(['select', 'hand', 'eraser', 'draw', 'text', 'note', 'arrow', 'frame', 'rectangle']))
    expect(tools).not.toContain('asset')
    expect(tools).not.toContain('embed')
  })

  it('removes export, print, copy-as, upload and embed actions for everyone, keeps editing', () => {
    for (const role of participantRoles) {
      const actions = Object.keys(keepAllowed(byId(TLDRAW_ACTIONS), toolsetOf(role, 'informatie').hasAction))
      for (const removed of REMOVED_ACTIONS) expect(actions, role).not.toContain(removed)
      expect(actions).toEqual(expect.arrayContaining(['undo', 'redo', 'copy', 'paste', 'delete']))
    }
    expect(REMOVED_TOOLS).toEqual(['asset', 'embed'])
  })

  it('applies the set through tldraw\'s overrides', () => {
    const overrides = boardUiOverrides(toolsetOf('network', 'informatie'))
    const editor = {} as Parameters<NonNullable<typeof overrides.tools>>[0]
    const helpers = {} as Parameters<NonNullable<typeof overrides.tools>>[2]
    const tools = overrides.tools!(editor, byId(TLDRAW_TOOLS) as never, helpers)
    const actions = overrides.actions!(editor, byId(TLDRAW_ACTIONS) as never, helpers)
    expect(Object.keys(tools)).toEqual(['select', 'hand', 'draw', 'note'])
    expect(actions['export-as-png']).toBeUndefined()
    expect(actions['print']).toBeUndefined()
    expect(actions['undo']).toBeDefined()
  })
})
