'use client'

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTldrawCurrentUser, type Editor, type TLComponents, type TLUserPreferences } from 'tldraw'
import 'tldraw/tldraw.css'
import type { ConferencePhase, ParticipantRole } from '@/lib/conference/model'
import type { PolicyContext } from '@/lib/conference/policy'
import { isLocale, type Locale } from '@/lib/i18n'
import { LocaleResponse } from '@/lib/protocol/api'
import { callApi } from '@/client/web/api-client'
import { participantColor } from '@/lib/sync/participant-color'
import type { RecordRejectedError } from '@/lib/sync/record-rejection'
import { bindBoardDocument, bindBoardPresence } from '../session/board-bindings'
import { createBoardStore } from '../session/board-store'
import { BoardChecksProvider } from './board-checks'
import { BoardItemsProvider } from './board-context'
import { BoardPolicyProvider } from './board-policy'
import { BoardTldraw } from './BoardTldraw'
import { loadTldrawFontsWhenDrawn } from './fonts-when-drawn'
import { kringShapeUtils } from '.'
import { FirstView } from './first-view'
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

/** Kring's switcher, from tldraw's language menu: the cookie and her invitation change, the page reloads in it. */
async function switchLanguage(next: Locale): Promise<void> {
  try {
    await callApi('POST', '/api/locale', LocaleResponse, { locale: next, returnTo: window.location.pathname })
    window.location.reload()
  } catch {
    // No connection: the board stays in the current language.
  }
}

// No images on the board in this version (README, "Toolset"): tldraw accepts no image or video
// type, and refuse-external-content.ts turns pasted and dropped files away with a notice.
const NO_MEDIA_TYPES: readonly string[] = []

// The board's own tools sit in tldraw's top-right zone; its style panel gives way to the item editor.
// No page menu: a Kring board has one page, and its name (stored in the language the board was
// made in) would put a third language on a relative's screen.
const components: TLComponents = { SharePanel: KringToolbar, StylePanel: KringStylePanel, PageMenu: null }

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
    const binding = bindBoardDocument(store, session.doc, { onRejected, onReparented, onOutdated })
    setBound(true)
    return () => {
      binding.dispose()
      setBound(false)
    }
  }, [store, session.doc, onRejected, onReparented, onOutdated])

  // tldraw's own preferences (dark mode, snapping…) may change; who we are may not, nor the
  // language: tldraw's menus speak Kring's chosen language (its `locale` prop alone only reaches
  // the loading screen; the menus read the user's preference, which defaults to the browser's).
  const [preferences, setPreferences] = useState<TLUserPreferences>(() => ({ id: participantId, name: displayName, color, locale, colorScheme: 'light' }))
  const keepIdentity = useCallback(
    (next: TLUserPreferences) => {
      // A language picked in tldraw's own menu is a choice for all of Kring (kept like the switcher's).
      if (next.locale && next.locale !== locale && isLocale(next.locale)) void switchLanguage(next.locale)
      setPreferences({ ...next, id: participantId, name: displayName, color, locale })
    },
    [participantId, displayName, color, locale],
  )
  const user = useTldrawCurrentUser({ userPreferences: preferences, setUserPreferences: keepIdentity })

  const onMount = useCallback(
    (editor: Editor) => {
      loadTldrawFontsWhenDrawn(editor)
      const presence = bindBoardPresence(store, session.awareness, { participantId, name: displayName })
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
              {/* A phone opens fitted to the area the current phase works on, a desktop to the whole template. */}
              <FirstView phase={phase} />
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
