'use client'

import type { TLShape } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'
import { cardKinds } from '@/lib/board/items'
import { useAnswerOptions } from './board-lists'
import { CheckList, SelectField, TextField } from './fields'
import { useSetProp } from './use-set-prop'

export function CardForm({ shape }: { shape: TLShape<'kring-card'> }) {
  const t = useT()
  const set = useSetProp(shape)
  const answerOptions = useAnswerOptions()
  const { kind, text, answers } = shape.props
  return (
    <>
      <SelectField
        label={t('items.editor.kind')}
        value={kind}
        options={cardKinds.map((value) => ({ value, label: t(`items.card.${value}`) }))}
        onChange={(value) => set('kind', value)}
      />
      <TextField label={t('items.editor.text')} value={text} multiline onChange={(value) => set('text', value)} testId="field-text" />
      {kind === 'next-step' ? (
        <CheckList
          legend={t('items.editor.answers')}
          hint={t('items.editor.answersHint')}
          options={answerOptions.filter((option) => option.value !== shape.id)}
          selected={answers}
          empty={t('items.editor.noAnswers')}
          onChange={(value) => set('answers', value)}
        />
      ) : null}
    </>
  )
}
