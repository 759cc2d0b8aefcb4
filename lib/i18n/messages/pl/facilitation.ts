import type { Messages } from '../types'

/** Polish copy for the facilitation tools: raised hands, follow me, the phase timer, spotlight. */
const facilitation: Messages<'facilitation'> = {
  'bar.label': 'Prowadzenie spotkania',

  'hand.raise': 'Podnieś rękę',
  'hand.lower': 'Opuść rękę',
  'hand.raisedHint': 'Twoja ręka jest podniesiona. Twoje miejsce w kolejce: {place}.',

  'queue.open': 'Ręce',
  'queue.openLabel': 'Podniesione ręce: {count}',
  'queue.title': 'Podniesione ręce',
  'queue.empty': 'Nikt nie podniósł ręki.',
  'queue.someone': 'Ktoś',
  'queue.give': 'Udziel głosu',
  'queue.giveLabel': 'Udziel głosu: {name} (ręka zostanie opuszczona)',
  'queue.clearAll': 'Opuść wszystkie ręce',
  'queue.close': 'Zamknij',

  'follow.start': 'Patrzcie ze mną',
  'follow.startLabel': 'Niech wszyscy widzą to, co ty widzisz na tablicy',
  'follow.stop': 'Wyłącz „Patrzcie ze mną”',
  'follow.leading': 'Wszyscy patrzą razem z tobą',
  'follow.leadingElsewhere': 'Wszyscy patrzą na twój drugi ekran',
  'follow.banner': 'Patrzysz razem z osobą prowadzącą',
  'follow.stepOut': 'Oglądaj samodzielnie',
  'follow.steppedOut': 'Oglądasz tablicę samodzielnie',
  'follow.rejoin': 'Znowu patrz razem',

  'timer.label': 'Czas na ten etap',
  'timer.remaining': 'Zostało: {time}',
  'timer.remainingLabel': 'Na ten etap zostało: {time}',
  'timer.up': 'Czas minął',
  'timer.set': 'Minutnik',
  'timer.setLabel': 'Ustaw minutnik na ten etap',
  'timer.minutes': 'Minuty',
  'timer.start': 'Start',
  'timer.stop': 'Zatrzymaj minutnik',
  'timer.close': 'Zamknij',

  'spotlight.set': 'Wyróżnij',
  'spotlight.setLabel': 'Wyróżnij dla wszystkich zaznaczoną część tablicy',
  'spotlight.needSelection': 'Najpierw zaznacz na tablicy to, co chcesz wyróżnić',
  'spotlight.clear': 'Zakończ wyróżnianie',
  'spotlight.active': 'Wyróżnione',
  'spotlight.show': 'Pokaż',
  'spotlight.showLabel': 'Pokaż wyróżnioną część tablicy',

  'error.forbidden': 'Teraz nie można tego zrobić.',
  'error.offline': 'Brak połączenia. Spróbuj za chwilę.',
  'error.conflict': 'Coś się właśnie zmieniło. Spróbuj jeszcze raz.',
  'error.failed': 'Nie udało się. Spróbuj jeszcze raz.',
}

export default facilitation
