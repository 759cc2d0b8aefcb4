'use client'

import type { TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { agreementStatuses } from '@/lib/board/items'
import { useAnswerOptions, usePeopleOptions, type Option } from './board-lists'
import { CheckList, SelectField, TextField } from './fields'
import { useSetProp } from './use-set-prop'

/** People referenced by the agreement but no longer on the board stay listed, so they can be unticked. */
function withMissing(options: Option[], ids: readonly string[], label: string): Option[] {
  const known = new Set(options.map((option) => option.value))
  return [...options, ...ids.filter((id) => id && !known.has(id)).map((id) => ({ value: id, label }))]
}

export function AgreementForm({ shape }: { shape: TLShape<'kring-agreement'> }) {
  const t = useT()
  const set = useSetProp(shape)
  const people = usePeopleOptions()
  const answerOptions = useAnswerOptions({ bottomLines: true })
  const { what, ownerIds, when, backupId, howWeKnow, answers, status } = shape.props
  const gone = t('items.agreement.personGone')
  return (
    <>
      <TextField label={t('items.agreement.what')} value={what} multiline onChange={(value) => set('what', value)} testId="field-what" />
      <CheckList
        legend={t('items.editor.owners')}
        options={withMissing(people, ownerIds, gone)}
        selected={ownerIds}
        empty={t('items.editor.noPersons')}
        onChange={(value) => set('ownerIds', value)}
        testId="field-owners"
      />
      <TextField label={t('items.agreement.when')} value={when} onChange={(value) => set('when', value)} testId="field-when" />
      <SelectField
        label={t('items.agreement.backup')}
        value={backupId}
        options={[{ value: '', label: t('items.editor.backupNone') }, ...withMissing(people, [backupId], gone)]}
        onChange={(value) => set('backupId', value as typeof backupId)}
        testId="field-backup"
      />
      <TextField label={t('items.agreement.howWeKnow')} value={howWeKnow} multiline onChange={(value) => set('howWeKnow', value)} />
      <CheckList
        legend={t('items.agreement.answers')}
        hint={t('items.editor.agreementAnswersHint')}
        options={answerOptions}
        selected={answers}
        empty={t('items.editor.noAgreementAnswers')}
        onChange={(value) => set('answers', value)}
      />
      <SelectField
        label={t('items.agreement.status')}
        value={status}
        options={agreementStatuses.map((value) => ({ value, label: t(`items.agreement.status.${value}`) }))}
        onChange={(value) => set('status', value)}
      />
    </>
  )
}
