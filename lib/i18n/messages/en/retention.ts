import type { Messages } from '../types'

const retention: Messages<'retention'> = {
  'title': 'Keeping and deleting',
  'retainUntil': 'Kring deletes this conference on {date}: {days} days after the last activity.',
  'activityHint': 'Activity is any change to the board, a phase, an invitation, an agreement or a download. As long as there is activity, the date moves along.',
  'chooseLabel': 'Delete on',
  'chooseHint': 'Choose a date from {earliest} to {latest}.',
  'save': 'Save date',
  'saving': 'Saving…',
  'saved': 'The new date has been saved.',
  'delete.open': 'Delete conference now',
  'delete.loading': 'Counting what will go…',
  'delete.title': 'Delete this conference for good?',
  'delete.intro': 'This goes, for everyone, and cannot be undone:',
  'delete.items': 'Items on the board: {count}',
  'delete.versions': 'Agreed versions of the plan (with their PDFs): {count}',
  'delete.participants': 'Participants with their invitation links: {count}',
  'delete.checkpoints': 'Saved moments in the board’s history: {count}',
  'delete.audit': 'The audit log keeps only who did what (numbers and events, no content and no names), for {days} days.',
  'delete.export': 'File the plan’s PDF in the case file first if that has not been done yet.',
  'delete.confirmCheck': 'I understand this cannot be brought back',
  'delete.confirm': 'Delete for good',
  'delete.deleting': 'Deleting…',
  'delete.cancel': 'Cancel',
  'myData.link': 'Download my data',
  'myData.hint': 'Everything Kring keeps about you in this conference, as a file (JSON).',
  'audit.changed': 'Retention changed: {days} days after the last activity',
  'audit.personalData': 'Downloaded their own data',
}

export default retention
