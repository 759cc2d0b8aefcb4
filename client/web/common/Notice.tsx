import type { ReactNode } from 'react'

/** A calm, centred message with a heading (an invalid link, no access, not found). */
export function Notice({ title, children, tone = 'neutral' }: { title: string; children: ReactNode; tone?: 'neutral' | 'warning' }) {
  return (
    <section className={`notice notice--${tone}`} aria-labelledby="notice-title">
      <h1 id="notice-title" className="notice__title">
        {title}
      </h1>
      <div className="notice__body">{children}</div>
    </section>
  )
}
