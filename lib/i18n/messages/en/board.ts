import type { Messages } from '../types'

const board: Messages<'board'> = {
  'header.label': 'Board',
  'header.me': '{name} · {role}',
  'header.meLabel': 'You are {name}, {role}',
  'header.phase': 'Phase: {phase}',

  'header.plan': 'Plan',
  'header.planLabel': 'Read the plan as it stands on the board now',

  'status.connected': 'Connected',
  'status.connecting': 'Connecting…',
  'status.offline': 'No connection',
  'status.connectedDetail': 'Connected: your changes reach everyone straight away.',
  'status.connectingDetail': 'Connecting to the board…',
  'status.offlineDetail': 'No connection — your changes are kept and will be sent as soon as you are back online.',
  'status.failed': 'Not loaded',
  'status.failedDetail': 'The board could not be loaded; what you do is not saved.',

  'roster.title': 'Present',
  'roster.toggleShow': 'Show who is here',
  'roster.toggleHide': 'Hide who is here',
  'roster.count': '{online} of {total}',
  'roster.you': 'you',
  'roster.online': 'online',
  'roster.offline': 'not connected',
  'roster.phone': 'on a phone',
  'roster.loading': 'One moment, loading the list…',
  'roster.unavailable': 'The list of participants cannot be reached right now. The board keeps working.',

  'canvas.label': 'The shared board',
  'canvas.loading': 'Loading the board…',

  'notice.rejectedOne': '1 item on this board could not be shown; the facilitator can restore or remove it.',
  'notice.rejectedMany': '{count} items on this board could not be shown; the facilitator can restore or remove them.',
  'notice.rejectedHint': 'They are kept; the rest of the board works as usual.',
  'notice.reparentedOne': '1 item on this board was stuck to itself and now stands loose on the board; the facilitator can check it.',
  'notice.reparentedMany': '{count} items on this board were stuck to each other and now stand loose on the board; the facilitator can check them.',
  'notice.loadFailed': 'The board could not be loaded: it holds something this browser cannot read. What you do now is not saved. Reload the page or ask the facilitator for help.',
  'notice.loadFailedTitle': 'The board could not be loaded',
  'notice.imagesRefused': 'Images, files and links cannot go on the board. Write what you want to show in a note instead.',
  'notice.outdated': 'There is a newer version of the board. Reload the page; what you change now is not sent.',
  'notice.tooLarge': 'A change is too large to send, for example a big image. Undo it or use a smaller one.',
  'notice.refusedBottomLine': 'Only professionals can change bottom lines. Your change was not saved; the board has been reloaded.',
  'notice.refusedReadOnly': 'You cannot change the board now. Your change was not saved; the board has been reloaded.',
  'notice.refusedScaleMark': 'Only the person who placed a score on the scale can move it. Your change was not saved; the board has been reloaded.',
  'notice.refusedOther': 'A change of yours was not saved. The board has been reloaded.',
  'notice.reload': 'Reload page',
  'notice.dismiss': 'Close notice',

  'access.withdrawnTitle': 'You no longer have access to this board.',
  'access.withdrawnBody': 'Your invitation was withdrawn. What this device kept of the board has been removed. If you think this is a mistake, ask the facilitator for a new link.',
  'access.signedOutTitle': 'You are no longer signed in.',
  'access.signedOutBody': 'Open your invitation link again, or sign in again if you have an account. What you changed on this device is kept.',
  'access.signIn': 'Sign in again',
  'access.notFoundTitle': 'This board no longer exists.',
  'access.notFoundBody': 'The meeting may have been closed and cleared away. Ask the facilitator what happened.',
  'access.home': 'To the home page',
}

export default board
