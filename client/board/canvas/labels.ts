'use client'

import { useCallback } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { defaultSupportKinds, type CardKind } from '@/lib/board/items'
import type { ItemIconName } from './ItemIcon'

const knownSupport = new Set<string>(defaultSupportKinds)
type KnownSupport = (typeof defaultSupportKinds)[number]

/** A kind of support in words: the known ones through i18n, ones the facilitator added as typed. */
export function useSupportLabel(): (kind: string) => string {
  const t = useT()
  return useCallback((kind: string) => (knownSupport.has(kind) ? t(`items.support.${kind as KnownSupport}`) : kind), [t])
}

export const cardIcons: Record<CardKind, ItemIconName> = {
  'central-question': 'question',
  'going-well': 'sun',
  worry: 'worry',
  'next-step': 'step',
  need: 'heart',
  prompt: 'prompt',
}
