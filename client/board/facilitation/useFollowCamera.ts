'use client'

import { useEffect } from 'react'
import { react, type Editor, type TLEventInfo } from 'tldraw'
import { LEADER_UPDATES_PER_SECOND, sameBox, type FollowView } from '@/lib/conference/facilitation-follow'
import type { FacilitationClient } from '@/lib/meeting/facilitation-client'
import type { PageBox } from '@/lib/protocol/facilitation'
import { throttlePerSecond } from '@/lib/sync/throttle'
import type { FollowStore } from './follow-store'

/** How long a follower's camera glides to the leader's viewport. */
export const FOLLOW_ANIMATION_MS = 200

/** The editor's viewport as a PageBox, or null while the canvas has no size (nothing to show). */
export function viewportOf(editor: Editor): PageBox | null {
  const bounds = editor.getViewportPageBounds()
  if (!(bounds.w > 0 && bounds.h > 0)) return null
  return { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
}

/** The leading device: send where it looks whenever its camera moves, about 8 times a second at most. */
export function useLeadViewport(editor: Editor | null, client: FacilitationClient | null, leading: boolean): void {
  useEffect(() => {
    if (!editor || !client || !leading) return
    // follow:start carried the viewport as it was: only changes from here on.
    let last = viewportOf(editor)
    const send = throttlePerSecond((box: PageBox) => void client.sendViewport(box), LEADER_UPDATES_PER_SECOND)
    const stop = react('follow me: send the leader viewport', () => {
      const box = viewportOf(editor)
      if (!box || sameBox(box, last)) return
      last = box
      send(box)
    })
    return () => {
      stop()
      send.cancel()
    }
  }, [editor, client, leading])
}

/**
 * A following device: glide to the leader's viewport on every update, until the person steps
 * out. Moving the board oneself (wheel, pinch, dragging, zoom buttons or keys) steps out; a
 * camera move made for the leader, or the window changing size, does not.
 */
export function useFollowLeader(editor: Editor | null, store: FollowStore | null, view: FollowView, follows: boolean): void {
  const viewport = follows ? view.viewport : null

  useEffect(() => {
    if (!editor || !store || !viewport) return
    store.markLeaderMove(FOLLOW_ANIMATION_MS)
    editor.zoomToBounds(viewport, { inset: 0, animation: { duration: FOLLOW_ANIMATION_MS } })
  }, [editor, store, viewport])

  useEffect(() => {
    if (!editor || !store || !follows) return
    const stepOut = () => store.dispatch({ type: 'step-out' })
    const onEvent = (info: TLEventInfo) => {
      // Caught here too, so moving the board during a glide still counts as the person's own:
      // wheel, pinch, dragging with the hand tool or with space / the middle button held.
      if (info.type === 'wheel' || (info.type === 'pinch' && info.name === 'pinch_start')) return stepOut()
      if (info.type === 'pointer' && info.name === 'pointer_move' && (editor.inputs.getIsPanning() || editor.isIn('hand.dragging'))) stepOut()
    }
    editor.on('event', onEvent)
    let last = { camera: editor.getCamera(), screen: editor.getViewportScreenBounds().clone() }
    const stop = react('follow me: step out when the person moves the board', () => {
      const camera = editor.getCamera()
      const screen = editor.getViewportScreenBounds()
      const resized = !screen.equals(last.screen)
      const moved = camera.x !== last.camera.x || camera.y !== last.camera.y || camera.z !== last.camera.z
      last = { camera, screen: screen.clone() }
      if (resized) {
        // Rotated or resized: fit the leader's view to the new screen.
        const current = store.getView().viewport
        if (current) {
          store.markLeaderMove(0)
          // Not from inside this reaction: moving the camera here would re-run it at once.
          queueMicrotask(() => editor.zoomToBounds(current, { inset: 0 }))
        }
        return
      }
      if (moved && !store.leaderMoving()) stepOut()
    })
    return () => {
      editor.off('event', onEvent)
      stop()
    }
  }, [editor, store, follows])
}
