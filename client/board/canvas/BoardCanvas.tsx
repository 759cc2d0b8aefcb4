'use client'

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTldrawCurrentUser, type Editor, type TLComponents, type TLUserPreferences } from 'tldraw'
import 'tldraw/tldraw.css'
import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import type { PolicyContext } from '@/lib/conference/policy'
import type { Locale } from '@/lib/i18n'
import { bindStoreToDoc } from '@/lib/sync/bind-store-to-doc'
import { participantColor } from '@/lib/sync/participant-color'
import { bindPresence } from '@/lib/sync/presence'
import type { RecordRejectedError } from '@/lib/sync/record-rejection'
import { createBoardStore } from '../session/board-store'
import { BoardChecksProvider } from './board-checks'
import { BoardItemsProvider } from './board-context'
import { BoardPolicyProvider } from './board-policy'
import { BoardTldraw } from './BoardTldraw'
import { loadTldrawFontsWhenDrawn } from './fonts-when-drawn'
import { kringShapeUtils } from '.'
import { PhoneFocus } from './phone-focus'
import { ReclassifyOnMove } from './reclassify-on-move'
import { RemovalGuard } from './removal-guard'
import { refuseExternalContent } from './refuse-external-content'
import { guardScaleMarks } from './scale-mark-guard'
import { meetingPermissions } from '../meeting/meeting-role'
import { BoardPanels } from '../panels/BoardPanels'
import { KringStylePanel } from '../panels/KringStylePanel'
import { KringToolbar } from '../panels/KringToolbar'
import { PanelsProvider } from '../panels/panels-context'
import { tldrawAssetUrls } from './tldraw-asset-urls'
import type { BoardSession } from '../session/useBoardSync'

export interface BoardCanvasProps {
  session: BoardSession
  me: { participantId: string; displayName: string; role: ParticipantRole }
  locale: Locale
  licenseKey?: string
  onRejected(recordId: string, error: RecordRejectedError): void
  /** Shapes of a parent cycle were shown on the page instead (see lib/sync/parent-cycles). */
  onReparented(recordIds: string[]): void
  /** A pasted or dropped image, file, link or embed was refused (images are not allowed on the board). */
  onContentRefused(): void
  onOutdated(): void
  /** The meeting's current phase (null until known): with the setting, what the tools offer. */
  phase: ConferencePhase | null
  /** The conference's setting (whether the facilitator stays in private time), from the meeting. */
  policyContext: PolicyContext
  /** What the meeting puts inside the editor (read-only mode, facilitation tools). */
  children?: ReactNode
}

// No images on the board in this version (README, "Toolset"): tldraw accepts no image or video
// type, and refuse-external-content.ts turns pasted and dropped files away with a notice.
const NO_MEDIA_TYPES: readonly string[] = []

// The board's own tools sit in tldraw's top-right zone; its style panel gives way to the item editor.
const components: TLComponents = { SharePanel: KringToolbar, StylePanel: KringStylePanel }

/**
 * The tldraw canvas, bound to the board's Yjs document (lib/sync/bind-store-to-doc) and to the
 * others' presence (lib/sync/presence), with Kring's typed items (./items), their panels
 * (./panels) and the plan's live checks. Loaded only in the browser (see BoardClient).
 */
export function BoardCanvas(props: BoardCanvasProps) {
  const { session, me, locale, licenseKey, onRejected, onReparented, onContentRefused, onOutdated, phase, policyContext, children } = props
  const { participantId, displayName, role } = me
  const color = participantColor(participantId)

  const store = useMemo(() => createBoardStore({ participantId, displayName, color }), [participantId, displayName, color])

  // Bind before tldraw mounts, so the editor starts on the board's content.
  const [bound, setBound] = useState(false)
  useEffect(() => {
    const binding = bindStoreToDoc(store, session.doc, { onRejected, onReparented, onOutdated })
    setBound(true)
    return () => {
      binding.dispose()
      setBound(false)
    }
  }, [store, session.doc, onRejected, onReparented, onOutdated])

  // tldraw's own preferences (dark mode, snapping…) may change; who we are may not.
  const [preferences, setPreferences] = useState<TLUserPreferences>(() => ({ id: participantId, name: displayName, color, colorScheme: 'light' }))
  const keepIdentity = useCallback(
    (next: TLUserPreferences) => setPreferences({ ...next, id: participantId, name: displayName, color }),
    [participantId, displayName, color],
  )
  const user = useTldrawCurrentUser({ userPreferences: preferences, setUserPreferences: keepIdentity })

  const onMount = useCallback(
    (editor: Editor) => {
      loadTldrawFontsWhenDrawn(editor)
      const presence = bindPresence(store, session.awareness, { user: { participantId, name: displayName } })
      // Only a mark's owner moves it (lib/board/ownership.ts), enforced on this device. Removing
      // someone else's mark is the policy's question, as on the sync server.
      const removesOthersMarks = meetingPermissions(role, phase, policyContext).canRemoveOthersMarks
      const unguard = guardScaleMarks(editor, { participantId, mayRemoveOthersMarks: removesOthersMarks })
      refuseExternalContent(editor, onContentRefused)
      return () => {
        unguard()
        presence.dispose()
      }
    },
    [store, session.awareness, participantId, displayName, role, phase, policyContext, onContentRefused],
  )

  const boardMe = useMemo(() => ({ participantId, displayName, role }), [participantId, displayName, role])

  if (!bound) return null
  return (
    <BoardItemsProvider doc={session.doc} me={boardMe}>
      <BoardPolicyProvider phase={phase} context={policyContext}>
        <BoardChecksProvider doc={session.doc}>
          <PanelsProvider>
            <BoardTldraw
              store={store}
              shapeUtils={kringShapeUtils}
              components={components}
              user={user}
              locale={locale}
              licenseKey={licenseKey}
              assetUrls={tldrawAssetUrls}
              acceptedImageMimeTypes={NO_MEDIA_TYPES}
              acceptedVideoMimeTypes={NO_MEDIA_TYPES}
              onMount={onMount}
            >
              {/* Removing others' items and changing areas: only with board.arrange, as on the server. */}
              <RemovalGuard />
              {/* A card dragged into another column becomes that kind, a person into another ring that ring. */}
              <ReclassifyOnMove />
              {/* A phone opens fitted to the area the current phase works on. */}
              <PhoneFocus phase={phase} />
              <BoardPanels />
              {children}
            </BoardTldraw>
          </PanelsProvider>
        </BoardChecksProvider>
      </BoardPolicyProvider>
    </BoardItemsProvider>
  )
}

export default BoardCanvas
