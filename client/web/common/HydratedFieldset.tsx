'use client'

import type { ReactNode } from 'react'
import { useHydrated } from './use-hydrated'
import styles from './HydratedFieldset.module.css'

/**
 * The controlled fields of a form that only works with its script: disabled until the page has
 * hydrated (see ./use-hydrated.ts), so nothing typed before then is put back to the old value or
 * saved as it. The form's FormFooter says meanwhile that the form is still loading.
 */
export function HydratedFieldset({ children }: { children: ReactNode }) {
  const hydrated = useHydrated()
  return (
    <fieldset className={styles.fields} disabled={!hydrated} data-hydrated={hydrated}>
      {children}
    </fieldset>
  )
}
