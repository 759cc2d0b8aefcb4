import type { ReactNode } from 'react'

/**
 * Small line icons for the board's items, by person group and card kind. Decorative: the label
 * next to each icon says the same in words.
 */
export type ItemIconName =
  | 'family'
  | 'network'
  | 'professional'
  | 'institution'
  | 'question'
  | 'sun'
  | 'worry'
  | 'step'
  | 'heart'
  | 'prompt'
  | 'danger'
  | 'goal'
  | 'scale'
  | 'agreement'
  | 'shield'
  | 'phone'
  | 'house'
  | 'area'
  | 'plan'
  | 'plus'
  | 'close'
  | 'bottom-line'
  | 'lock'
  | 'check'
  | 'history'

const paths: Record<ItemIconName, ReactNode> = {
  family: (
    <>
      <path d="M3 11 12 4l9 7" />
      <path d="M5 10v10h14V10" />
      <path d="M12 17.5s-3-1.8-3-3.7a1.6 1.6 0 0 1 3-.8 1.6 1.6 0 0 1 3 .8c0 1.9-3 3.7-3 3.7Z" />
    </>
  ),
  network: (
    <>
      <circle cx="9" cy="8" r="3.2" />
      <path d="M3 20c0-3.4 2.7-5.6 6-5.6s6 2.2 6 5.6" />
      <circle cx="17" cy="9" r="2.4" />
      <path d="M17 14c2.4 0 4 1.7 4 4.2" />
    </>
  ),
  professional: (
    <>
      <rect x="3" y="7" width="18" height="13" rx="2" />
      <path d="M9 7V5h6v2M3 12h18" />
    </>
  ),
  institution: (
    <>
      <path d="M3 9 12 4l9 5" />
      <path d="M5 10v8M9.5 10v8M14.5 10v8M19 10v8M3 20h18" />
    </>
  ),
  question: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5" />
      <circle cx="12" cy="17" r=".6" />
    </>
  ),
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8" />
    </>
  ),
  worry: (
    <>
      <path d="M6 17a4 4 0 0 1-.4-8A6 6 0 0 1 17 7.5a4.5 4.5 0 0 1 1 8.9" />
      <path d="M9 20l1-2M13 21l1-2M17 20l.5-1" />
    </>
  ),
  step: (
    <>
      <path d="M4 12h14" />
      <path d="m13 6 6 6-6 6" />
    </>
  ),
  heart: <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z" />,
  prompt: (
    <>
      <path d="M4 5h16v11H9l-5 4Z" />
      <path d="M10 9.2a2 2 0 1 1 2.8 1.8c-.5.2-.8.6-.8 1.2" />
    </>
  ),
  danger: (
    <>
      <path d="M12 3 2.5 20h19Z" />
      <path d="M12 10v4.5" />
      <circle cx="12" cy="17.2" r=".6" />
    </>
  ),
  goal: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="4.5" />
      <circle cx="12" cy="12" r=".8" />
    </>
  ),
  scale: (
    <>
      <path d="M3 16h18" />
      <path d="M3 13v6M12 13v6M21 13v6M7.5 14.5v3M16.5 14.5v3" />
      <path d="m12 4 2.5 4h-5Z" />
    </>
  ),
  agreement: (
    <>
      <rect x="5" y="3" width="14" height="18" rx="2" />
      <path d="m8.5 12 2.3 2.3 4.7-4.8M9 7h6M9 17.5h6" />
    </>
  ),
  shield: (
    <>
      <path d="M12 3 4.5 6v5.5c0 4.6 3.2 8 7.5 9.5 4.3-1.5 7.5-4.9 7.5-9.5V6Z" />
      <path d="m9 12 2.2 2.2L15.5 10" />
    </>
  ),
  phone: <path d="M6.5 3.5h3l1.5 4-2 1.3a11 11 0 0 0 6.2 6.2l1.3-2 4 1.5v3A2 2 0 0 1 18.3 20 15.5 15.5 0 0 1 4 5.7a2 2 0 0 1 2.5-2.2Z" />,
  house: (
    <>
      <path d="M3 11 12 4l9 7" />
      <path d="M5.5 9.5V20h13V9.5" />
      <path d="M10 20v-5h4v5" />
    </>
  ),
  area: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <path d="M3 8h18M9 8v13M15 8v13" />
    </>
  ),
  plan: (
    <>
      <rect x="5" y="3" width="14" height="18" rx="2" />
      <path d="M9 8h6M9 12h6M9 16h4" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
  // A floor with an arrow coming down onto it: the level a plan may not go below.
  'bottom-line': (
    <>
      <path d="M12 3.5v8M8.5 8.5l3.5 3.5 3.5-3.5" />
      <path d="M3 15h18M6 15l-2 4.5M10.5 15l-2 4.5M15 15l-2 4.5M19.5 15l-2 4.5" />
    </>
  ),
  lock: (
    <>
      <rect x="5" y="10.5" width="14" height="10" rx="2" />
      <path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" />
    </>
  ),
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  // A clock with an arrow turning back: the board's history.
  history: (
    <>
      <path d="M3.5 12a8.5 8.5 0 1 0 2.5-6" />
      <path d="M3 3.5V8h4.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
}

export function ItemIcon({ name, size = 20, className }: { name: ItemIconName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  )
}
