import { atom, createTLStore, createUserId, defaultBindingUtils, defaultShapeUtils, UserRecordType, type TLStore } from 'tldraw'
import { kringShapeUtils } from '../canvas'

/** The shape utils of a Kring board: tldraw's own and Kring's items. The store and the editor must get the same. */
export const boardShapeUtils = [...defaultShapeUtils, ...kringShapeUtils]

/**
 * The tldraw store of a board on this device. Its schema must serialize exactly like
 * createKringTLSchema() (lib/board/tldraw-schema.ts), with which the server writes new boards:
 * otherwise the binding would take the server's template for a document of another version.
 */
export function createBoardStore(user: { participantId: string; displayName: string; color: string }): TLStore {
  return createTLStore({
    shapeUtils: boardShapeUtils,
    bindingUtils: defaultBindingUtils,
    // Attribution (who made a shape) names the participant, not a random browser id.
    users: {
      currentUser: atom('kring participant', UserRecordType.create({ id: createUserId(user.participantId), name: user.displayName, color: user.color })),
    },
  })
}
