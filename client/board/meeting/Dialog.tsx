'use client'

import { useEffect, useId, useRef, type ReactNode } from 'react'
import styles from './meeting.module.css'

export interface DialogProps {
  open: boolean
  title: string
  children?: ReactNode
  /** The buttons; the first one gets the focus when the dialog opens unless another asks for it. */
  actions: ReactNode
  /** Escape, the backdrop's close, or a cancel button. */
  onCancel(): void
  testId?: string
}

/**
 * A modal question (the browser's own <dialog>: focus stays inside, Escape cancels, it sits above
 * the canvas in the top layer). Used where a step sends people away or cannot be undone.
 */
export function Dialog({ open, title, children, actions, onCancel, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        // Closing is React's business (the `open` prop), not the browser's.
        event.preventDefault()
        onCancel()
      }}
      // Keys typed here are not drawing commands for the canvas behind.
      onKeyDown={(event) => event.stopPropagation()}
    >
      {open ? (
        <>
          <h2 id={titleId} className={styles.dialogTitle}>
            {title}
          </h2>
          <div className={styles.dialogBody}>{children}</div>
          <div className={styles.dialogActions}>{actions}</div>
        </>
      ) : null}
    </dialog>
  )
}
