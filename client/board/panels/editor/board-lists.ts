'use client'

import { useEditor, useValue } from 'tldraw'
import { useT } from '@/client/i18n/I18nProvider'

export interface Option {
  value: string
  label: string
}

const sameOptions = (a: Option[], b: Option[]) => a.length === b.length && a.every((option, i) => option.value === b[i]?.value && option.label === b[i]?.label)

/** Options that stay the same array while their content does, so a form does not re-render on every move. */
function useOptions(name: string, compute: () => Option[], language: unknown): Option[] {
  const editor = useEditor()
  // Lives as long as the computed value below (made again only when the editor or language changes).
  let last: Option[] = []
  return useValue(
    name,
    () => {
      const next = compute()
      if (!sameOptions(last, next)) last = next
      return last
    },
    [editor, language],
  )
}

/** The people on the board, by name: whom an agreement can be given to. */
export function usePeopleOptions(): Option[] {
  const editor = useEditor()
  const t = useT()
  const unnamed = t('items.person.noName')
  return useOptions('kring people', () =>
    editor
      .getCurrentPageShapes()
      .flatMap((shape) => (shape.type === 'kring-person' ? [{ value: shape.id as string, label: shape.props.name || unnamed }] : []))
      .sort((a, b) => a.label.localeCompare(b.label)),
    t,
  )
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

/**
 * What an agreement or a next step can answer: worries, danger statements and needs; for an
 * agreement (`bottomLines`) also the professionals' bottom lines, which only an agreement meets.
 */
export function useAnswerOptions({ bottomLines = false }: { bottomLines?: boolean } = {}): Option[] {
  const editor = useEditor()
  const t = useT()
  return useOptions(
    bottomLines ? 'kring answers and bottom lines' : 'kring answers',
    () =>
      editor.getCurrentPageShapes().flatMap((shape) => {
        if (shape.type === 'kring-card' && (shape.props.kind === 'worry' || shape.props.kind === 'need')) {
          return [{ value: shape.id as string, label: `${t(`items.card.${shape.props.kind}`)}: ${short(shape.props.text) || '—'}` }]
        }
        if (shape.type === 'kring-danger') return [{ value: shape.id as string, label: `${t('items.danger.danger')}: ${short(shape.props.danger) || '—'}` }]
        if (bottomLines && shape.type === 'kring-bottom-line') {
          return [{ value: shape.id as string, label: `${t('items.type.kring-bottom-line')}: ${short(shape.props.text) || '—'}` }]
        }
        return []
      }),
    t,
  )
}
