'use client'

import { useMemo } from 'react'
import { Tldraw, type TldrawProps } from 'tldraw'
import { useBoardMay } from './board-policy'
import { boardUiOverrides } from './board-ui-overrides'
import { chooseToolset } from './toolset'
import styles from './toolset.module.css'

/**
 * tldraw with the toolset the policy gives this person (toolset.ts): the full set for whoever
 * arranges the board, the simple one for everyone else, and for nobody tldraw's exports, print,
 * uploads or embeds. Rendered inside BoardPolicyProvider, which it asks.
 */
export function BoardTldraw(props: TldrawProps) {
  const may = useBoardMay()
  const toolset = chooseToolset(may)
  // One overrides object per kind of set: tldraw rebuilds its menus when it changes.
  const overrides = useMemo(() => boardUiOverrides(toolset), [toolset])
  return (
    <div className={styles.board} data-toolset={toolset.kind} style={{ position: 'absolute', inset: 0 }}>
      <Tldraw {...props} overrides={overrides} />
    </div>
  )
}
