import type { TLUiOverrides } from 'tldraw'
import { keepAllowed, type Toolset } from './toolset'

/** tldraw's UI overrides for a toolset: its tools and actions, filtered (see toolset.ts). */
export function boardUiOverrides(toolset: Toolset): TLUiOverrides {
  return {
    tools: (_editor, tools) => keepAllowed(tools, toolset.hasTool),
    actions: (_editor, actions) => keepAllowed(actions, toolset.hasAction),
  }
}
