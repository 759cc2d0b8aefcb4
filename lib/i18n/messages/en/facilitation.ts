import type { Messages } from '../types'

const facilitation: Messages<'facilitation'> = {
  'bar.label': 'Facilitation',

  'hand.raise': 'Raise hand',
  'hand.lower': 'Lower hand',
  'hand.raisedHint': 'Your hand is up. You are number {place}.',

  'queue.open': 'Hands',
  'queue.openLabel': 'Hands raised: {count}',
  'queue.title': 'Hands raised',
  'queue.empty': 'Nobody has raised a hand.',
  'queue.someone': 'Someone',
  'queue.give': 'Give the floor',
  'queue.giveLabel': 'Give {name} the floor (their hand goes down)',
  'queue.clearAll': 'Lower all hands',
  'queue.close': 'Close',

  'follow.start': 'Follow me',
  'follow.startLabel': 'Let everyone see what you see on the board',
  'follow.stop': 'Stop follow me',
  'follow.leading': 'Everyone is following you',
  'follow.leadingElsewhere': 'Everyone is following your other screen',
  'follow.banner': 'You are following the facilitator',
  'follow.stepOut': 'Look around myself',
  'follow.steppedOut': 'You are looking around yourself',
  'follow.rejoin': 'Follow again',

  'timer.label': 'Time for this phase',
  'timer.remaining': '{time} left',
  'timer.remainingLabel': '{time} left for this phase',
  'timer.up': 'Time is up',
  'timer.set': 'Timer',
  'timer.setLabel': 'Set a timer for this phase',
  'timer.minutes': 'Minutes',
  'timer.start': 'Start',
  'timer.stop': 'Stop timer',
  'timer.close': 'Close',

  'spotlight.set': 'Spotlight',
  'spotlight.setLabel': 'Put the selected part of the board in the spotlight for everyone',
  'spotlight.needSelection': 'First select what you want to put in the spotlight',
  'spotlight.clear': 'End spotlight',
  'spotlight.active': 'In the spotlight',
  'spotlight.show': 'Show me',
  'spotlight.showLabel': 'Show the part of the board in the spotlight',

  'error.forbidden': 'That is not possible right now.',
  'error.offline': 'No connection. Please try again in a moment.',
  'error.conflict': 'Something just changed. Please try again.',
  'error.failed': 'That did not work. Please try again.',
}

export default facilitation
