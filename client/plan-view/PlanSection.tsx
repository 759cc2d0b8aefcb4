import type { ReactNode } from 'react'
import styles from './Plan.module.css'

/** One section of the plan: a heading (h2) that names it for screen readers too. */
export function PlanSection({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby={`plan-${name}`} data-testid={`plan-section-${name}`}>
      <h2 id={`plan-${name}`}>{title}</h2>
      {children}
    </section>
  )
}

/** What an empty section says, in plain words. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className={styles.empty}>{children}</p>
}
