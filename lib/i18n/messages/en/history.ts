import type { Messages } from '../types'

const history: Messages<'history'> = {
  'open': 'History',
  'title': 'Board history',
  'intro': 'The board is saved as you go. Pick a moment to look at it and bring it back.',
  'close': 'Close history',
  'loading': 'Loading…',
  'empty': 'Nothing saved yet. The board is saved every few minutes when something changes, and at every new phase.',
  'loadFailed': 'The history could not be loaded. Please try again.',
  'retry': 'Try again',

  'reason.interval': 'Saved along the way',
  'reason.phase-change': 'At a new phase',
  'reason.version': 'At an agreed version of the plan',
  'reason.before-delete': 'Just before many items were deleted',
  'reason.before-restore': 'Just before the board was restored',

  'items': '{count} items',
  'editors': 'Edited by {names}',
  'editorsNone': 'Nobody edited the board',
  'unknownName': 'someone no longer taking part',
  'choose': 'View',

  'preview.title': 'The board at {time}',
  'preview.alt': 'What the board looked like at {time}',
  'preview.counts': 'Then {then} items, now {now} items on the board.',
  'back': 'Back to the list',

  'restoreBoard': 'Restore the whole board',
  'restoreBoardHint': 'The board goes back to this moment for everyone. What was added after it disappears.',
  'restoreItems': 'Bring back deleted items',
  'deletedTitle': 'Deleted since this moment: {count}',
  'deletedNone': 'Nothing has been deleted since this moment.',
  'itemUntitled': 'Item without text',
  'selectAll': 'Tick all',

  'confirmBoard': 'Are you sure? The whole board goes back to {time} for everyone.',
  'confirmItems': 'Bring {count} items back onto the board?',
  'confirmUndo': 'A mistake? The board from just before the restore stays in the history.',
  'confirm': 'Yes, restore',
  'cancel': 'Cancel',
  'restoring': 'Restoring…',

  'restoredBoard': 'The board has been restored to {time}. Everyone sees it now. There are {count} items on the board.',
  'restoredItems': '{count} items have been brought back. Everyone sees them now.',
  'unchanged': 'The board already was like that. Nothing changed.',
  'failed': 'Restoring did not work. Please try again.',
  'forbidden': 'You may not restore the board now.',

  'audit.restoredBoard': 'Took the board back to an earlier moment',
  'audit.restoredItems': 'Brought back deleted items',
}

export default history
