'use client'

import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  atom,
  createTLStore,
  createUserId,
  defaultBindingUtils,
  defaultShapeUtils,
  Tldraw,
  UserRecordType,
  useTldrawCurrentUser,
  type TLUserPreferences,
} from 'tldraw'
import 'tldraw/tldraw.css'
import type { Locale } from '@/lib/i18n'
import { bindStoreToDoc } from '@/lib/sync/bind-store-to-doc'
import { participantColor } from '@/lib/sync/participant-color'
import { bindPresence } from '@/lib/sync/presence'
import type { RecordRejectedError } from '@/lib/sync/record-rejection'
import { tldrawAssetUrls } from './tldraw-asset-urls'
import type { BoardSession } from './useBoardSync'

export interface BoardCanvasProps {
  session: BoardSession
  me: { participantId: string; displayName: string }
  locale: Locale
  licenseKey?: string
  onRejected(recordId: string, error: RecordRejectedError): void
  onOutdated(): void
}

// Images are stored inside the board (base64); keep one well under the sync message limit, so
// a photo cannot become an edit that can never be sent. tldraw says so itself when it refuses.
const MAX_ASSET_BYTES = 1024 * 1024

/**
 * The tldraw canvas, bound to the board's Yjs document (lib/sync/bind-store-to-doc) and to the
 * others' presence (lib/sync/presence). Loaded only in the browser (see BoardClient).
 */
export function BoardCanvas({ session, me, locale, licenseKey, onRejected, onOutdated }: BoardCanvasProps) {
  const { participantId, displayName } = me
  const color = participantColor(participantId)

  const store = useMemo(
    () =>
      createTLStore({
        shapeUtils: defaultShapeUtils,
        bindingUtils: defaultBindingUtils,
        // Attribution (who made a shape) names the participant, not a random browser id.
        users: {
          currentUser: atom('kring participant', UserRecordType.create({ id: createUserId(participantId), name: displayName, color })),
        },
      }),
    [participantId, displayName, color],
  )

  // Bind before tldraw mounts, so the editor starts on the board's content.
  const [bound, setBound] = useState(false)
  useEffect(() => {
    const binding = bindStoreToDoc(store, session.doc, { onRejected, onOutdated })
    setBound(true)
    return () => {
      binding.dispose()
      setBound(false)
    }
  }, [store, session.doc, onRejected, onOutdated])

  // tldraw's own preferences (dark mode, snapping…) may change; who we are may not.
  const [preferences, setPreferences] = useState<TLUserPreferences>(() => ({ id: participantId, name: displayName, color, colorScheme: 'light' }))
  const keepIdentity = useCallback(
    (next: TLUserPreferences) => setPreferences({ ...next, id: participantId, name: displayName, color }),
    [participantId, displayName, color],
  )
  const user = useTldrawCurrentUser({ userPreferences: preferences, setUserPreferences: keepIdentity })

  const onMount = useCallback(() => {
    const presence = bindPresence(store, session.awareness, { user: { participantId, name: displayName } })
    return () => presence.dispose()
  }, [store, session.awareness, participantId, displayName])

  if (!bound) return null
  return (
    <Tldraw
      store={store}
      user={user}
      locale={locale}
      licenseKey={licenseKey}
      assetUrls={tldrawAssetUrls}
      maxAssetSize={MAX_ASSET_BYTES}
      onMount={onMount}
    />
  )
}

export default BoardCanvas
