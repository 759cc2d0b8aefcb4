'use client'

import { useId, useState, type ReactNode } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import styles from './editor.module.css'
import type { FieldError } from './validate'

/**
 * Form fields of the item editor. Each writes through `onChange`, which answers with an error
 * when the value cannot be stored: the field then keeps what was typed, shows why, and the
 * board keeps its last valid value.
 */

type Write<T> = (value: T) => FieldError | null

function useWrite<T>(onChange: Write<T>) {
  const [draft, setDraft] = useState<T | null>(null)
  const [error, setError] = useState<FieldError | null>(null)
  const write = (value: T) => {
    const problem = onChange(value)
    setError(problem)
    setDraft(problem ? value : null)
  }
  return { draft, error, write }
}

function ErrorText({ id, error }: { id: string; error: FieldError | null }) {
  const t = useT()
  if (!error) return null
  return (
    <p id={id} className={styles.error} role="alert">
      {t(error.key, error.values)}
    </p>
  )
}

export function TextField({
  label,
  hint,
  value,
  onChange,
  multiline = false,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  testId,
}: {
  label: string
  hint?: string
  value: string
  onChange: Write<string>
  multiline?: boolean
  type?: 'text' | 'tel'
  inputMode?: 'text' | 'tel'
  autoComplete?: string
  testId?: string
}) {
  const id = useId()
  const { draft, error, write } = useWrite(onChange)
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    value: draft ?? value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
    className: styles.input,
  }
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => write(event.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} autoComplete={autoComplete} onChange={(event) => write(event.target.value)} />
      )}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  )
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string
  value: V
  options: { value: V; label: string }[]
  onChange: Write<V>
  testId?: string
}) {
  const id = useId()
  const { error, write } = useWrite(onChange)
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select id={id} className={styles.input} value={value} data-testid={testId} onChange={(event) => write(event.target.value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  )
}

/** Several of a list (people, support kinds, worries): checkboxes, so a phone user taps them. */
export function CheckList({
  legend,
  hint,
  options,
  selected,
  onChange,
  empty,
  testId,
}: {
  legend: string
  hint?: string
  options: { value: string; label: string }[]
  selected: readonly string[]
  onChange: Write<string[]>
  empty?: ReactNode
  testId?: string
}) {
  const id = useId()
  const { error, write } = useWrite(onChange)
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected.filter((item) => item !== value), value] : selected.filter((item) => item !== value)
    write(next)
  }
  return (
    <fieldset className={styles.fieldset} data-testid={testId} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className={styles.label}>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {options.length === 0 ? <p className={styles.hint}>{empty}</p> : null}
      <div className={styles.checks}>
        {options.map((option) => (
          <label key={option.value} className={styles.check}>
            <input type="checkbox" checked={selected.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`} error={error} />
    </fieldset>
  )
}
