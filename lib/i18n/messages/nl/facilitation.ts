/** Dutch copy for the facilitation tools on the board: raised hands, follow me, the phase timer, spotlight. */
const facilitation = {
  'bar.label': 'Gespreksleiding',

  'hand.raise': 'Hand opsteken',
  'hand.lower': 'Hand laten zakken',
  'hand.raisedHint': 'Je hand is omhoog. Je bent nummer {place}.',

  'queue.open': 'Handen',
  'queue.openLabel': 'Handen omhoog: {count}',
  'queue.title': 'Handen omhoog',
  'queue.empty': 'Niemand heeft een hand opgestoken.',
  'queue.someone': 'Iemand',
  'queue.give': 'Beurt geven',
  'queue.giveLabel': 'Geef {name} de beurt (hand gaat omlaag)',
  'queue.clearAll': 'Alle handen omlaag',
  'queue.close': 'Sluiten',

  'follow.start': 'Volg mij',
  'follow.startLabel': 'Laat iedereen meekijken met wat jij op het bord ziet',
  'follow.stop': 'Volg mij uit',
  'follow.leading': 'Iedereen kijkt met je mee',
  'follow.leadingElsewhere': 'Iedereen kijkt mee met je andere scherm',
  'follow.banner': 'Je volgt de gespreksleider',
  'follow.stepOut': 'Zelf rondkijken',
  'follow.steppedOut': 'Je kijkt zelf rond',
  'follow.rejoin': 'Weer volgen',

  'timer.label': 'Tijd voor deze fase',
  'timer.remaining': 'Nog {time}',
  'timer.remainingLabel': 'Nog {time} voor deze fase',
  'timer.up': 'De tijd is om',
  'timer.set': 'Timer',
  'timer.setLabel': 'Timer voor deze fase zetten',
  'timer.minutes': 'Minuten',
  'timer.start': 'Start',
  'timer.stop': 'Timer stoppen',
  'timer.close': 'Sluiten',

  'spotlight.set': 'Licht uit',
  'spotlight.setLabel': 'Licht het gekozen deel van het bord uit voor iedereen',
  'spotlight.needSelection': 'Kies eerst op het bord wat je wilt uitlichten',
  'spotlight.clear': 'Uitlichten stoppen',
  'spotlight.active': 'Uitgelicht',
  'spotlight.show': 'Laat zien',
  'spotlight.showLabel': 'Laat het uitgelichte deel van het bord zien',

  'error.forbidden': 'Dat kan nu niet.',
  'error.offline': 'Geen verbinding. Probeer het zo nog eens.',
  'error.conflict': 'Er veranderde net iets. Probeer het nog eens.',
  'error.failed': 'Dat lukte niet. Probeer het nog eens.',
}

export default facilitation
