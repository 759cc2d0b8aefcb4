import type { ItemProps, ItemType } from '../../../board/items'

/**
 * Items nobody wrote anything on: on the canvas they invite people to ("Nog leeg: tik om te
 * schrijven", "Naam nog invullen"); in an exported image they are only noise, and their hints
 * are no part of the plan. The export leaves them out (issue 11). A scale stays: it has its
 * standard question and its marks.
 */

const blank = (...texts: string[]) => texts.every((text) => text.trim() === '')

const rules: { [K in ItemType]?: (p: ItemProps<K>) => boolean } = {
  'kring-person': (p) => blank(p.name, p.relation, p.note),
  'kring-card': (p) => blank(p.text),
  'kring-danger': (p) => blank(p.danger, p.goal),
  'kring-agreement': (p) => blank(p.what, p.when, p.howWeKnow) && p.ownerIds.length === 0 && p.backupId === '',
  'kring-safety-item': (p) => blank(p.signal, p.action, p.contactName, p.contactPhone, p.safePlace),
  'kring-house-card': (p) => blank(p.text, p.emoji),
  'kring-bottom-line': (p) => blank(p.text),
}

export function isBlankItem<K extends ItemType>(type: K, props: ItemProps<K>): boolean {
  const rule = rules[type] as ((p: ItemProps<K>) => boolean) | undefined
  return rule ? rule(props) : false
}
