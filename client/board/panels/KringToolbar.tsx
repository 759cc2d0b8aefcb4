'use client'

import { DefaultSharePanel } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { useBoardMay } from '../canvas/board-policy'
import { ItemIcon, type ItemIconName } from '../canvas/ItemIcon'
import styles from './panels.module.css'
import { usePanels, type PanelName } from './panels-context'

function ToolButton({ panel, icon, label, secondary }: { panel: PanelName; icon: ItemIconName; label: string; secondary?: boolean }) {
  const { open, toggle } = usePanels()
  return (
    <button
      type="button"
      className={`${styles.toolButton} ${secondary ? styles.secondary : styles.primary}`}
      aria-expanded={open === panel}
      data-testid={`tool-${panel}`}
      onClick={() => toggle(panel)}
    >
      <ItemIcon name={icon} size={18} />
      <span className={styles.toolLabel}>{label}</span>
    </button>
  )
}

/**
 * The board's own tools, in tldraw's top-right zone (its share panel slot, whose people menu
 * stays): add an item for everyone; the who-question deck and template areas for whoever leads.
 */
export function KringToolbar() {
  const t = useT()
  // The who-question deck and template areas put structure on the board: for whoever leads the
  // conference and may write on the board now.
  const may = useBoardMay()
  const leads = may('facilitation.lead') && may('board.write')
  return (
    <div className={styles.toolbar} role="toolbar" aria-label={t('items.title')}>
      <ToolButton panel="add" icon="plus" label={t('items.palette.open')} />
      {leads ? <ToolButton panel="deck" icon="prompt" label={t('items.deck.open')} secondary /> : null}
      {leads ? <ToolButton panel="area" icon="area" label={t('items.areaAdd.open')} secondary /> : null}
      {may('board.restore') ? <ToolButton panel="history" icon="history" label={t('history.open')} secondary /> : null}
      <DefaultSharePanel />
    </div>
  )
}
