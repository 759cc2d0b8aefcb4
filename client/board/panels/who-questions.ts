import type { MessageKey } from '@/lib/i18n'

/**
 * The who-question deck (wie-vragen): questions that help a family name the people around it,
 * in our own words, grouped the way a facilitator works through them. The texts are in i18n
 * (items.deck.*); a question put on the board is written in the facilitator's language.
 */
export const whoQuestionGroups: { group: MessageKey; questions: MessageKey[] }[] = [
  {
    group: 'items.deck.group.trust',
    questions: ['items.deck.trust.1', 'items.deck.trust.2', 'items.deck.trust.3', 'items.deck.trust.4', 'items.deck.trust.5'],
  },
  {
    group: 'items.deck.group.advice',
    questions: ['items.deck.advice.1', 'items.deck.advice.2', 'items.deck.advice.3', 'items.deck.advice.4'],
  },
  {
    group: 'items.deck.group.good-times',
    questions: ['items.deck.good-times.1', 'items.deck.good-times.2', 'items.deck.good-times.3', 'items.deck.good-times.4', 'items.deck.good-times.5'],
  },
  {
    group: 'items.deck.group.crisis',
    questions: ['items.deck.crisis.1', 'items.deck.crisis.2', 'items.deck.crisis.3', 'items.deck.crisis.4', 'items.deck.crisis.5'],
  },
  {
    group: 'items.deck.group.who-can-help',
    questions: [
      'items.deck.who-can-help.1',
      'items.deck.who-can-help.2',
      'items.deck.who-can-help.3',
      'items.deck.who-can-help.4',
      'items.deck.who-can-help.5',
      'items.deck.who-can-help.6',
    ],
  },
]

/** The data type of a who-question dragged from the deck onto the canvas. */
export const WHO_QUESTION_DRAG_TYPE = 'application/x-kring-who-question'
