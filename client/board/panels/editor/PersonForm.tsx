'use client'

import type { TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { personGroups, rings } from '@/lib/board/items'
import { groupLabelKey, ringLabelKey } from '@/lib/board/labels'
import { useBoardSettings } from '../../canvas/board-context'
import { useSupportLabel } from '../../canvas/labels'
import { CheckList, SelectField, TextField } from './fields'
import { useSetProp } from './use-set-prop'

/**
 * A person on the network map. The group comes first: whoever adds someone chose it in the palette
 * ("Iemand uit het gezin / het netwerk", a professional, an institution), and here it can be
 * corrected before anything else, so nobody stays "network" by default.
 */
export function PersonForm({ shape }: { shape: TLShape<'kring-person'> }) {
  const t = useT()
  const set = useSetProp(shape)
  const supportLabel = useSupportLabel()
  const { supportKinds } = useBoardSettings()
  const { name, relation, group, ring, support, note } = shape.props
  // Kinds the board no longer lists stay visible while a person still has them, so they can be unticked.
  const kinds = [...supportKinds, ...support.filter((kind) => !supportKinds.includes(kind))]
  return (
    <>
      <SelectField
        label={t('items.editor.group')}
        value={group}
        options={personGroups.map((value) => ({ value, label: t(groupLabelKey(value)) }))}
        onChange={(value) => set('group', value)}
      />
      <TextField label={t('items.editor.name')} value={name} onChange={(value) => set('name', value)} autoComplete="off" testId="field-name" />
      <TextField label={t('items.editor.relation')} hint={t('items.editor.relationHint')} value={relation} onChange={(value) => set('relation', value)} />
      <SelectField
        label={t('items.editor.ring')}
        value={ring}
        options={rings.map((value) => ({ value, label: t(ringLabelKey(value)) }))}
        onChange={(value) => set('ring', value)}
      />
      <CheckList
        legend={t('items.editor.support')}
        options={kinds.map((kind) => ({ value: kind, label: supportLabel(kind) }))}
        selected={support}
        onChange={(value) => set('support', value)}
      />
      <TextField label={t('items.editor.note')} value={note} multiline onChange={(value) => set('note', value)} />
    </>
  )
}
