import type { Messages } from '../types'

/** Polish copy for the board's history: checkpoints and restoring. */
const history: Messages<'history'> = {
  'open': 'Historia',
  'title': 'Historia tablicy',
  'intro': 'Tablica jest zapisywana na bieżąco. Wybierz chwilę, żeby ją obejrzeć i przywrócić.',
  'close': 'Zamknij historię',
  'loading': 'Wczytywanie…',
  'empty': 'Nic jeszcze nie zostało zapisane. Tablica jest zapisywana co kilka minut, gdy coś się zmienia, i przy każdym nowym etapie.',
  'loadFailed': 'Nie udało się wczytać historii. Spróbuj ponownie.',
  'retry': 'Spróbuj ponownie',

  'reason.interval': 'Zapis w trakcie',
  'reason.phase-change': 'Przy nowym etapie',
  'reason.version': 'Przy zatwierdzonej wersji planu',
  'reason.before-delete': 'Tuż przed usunięciem wielu elementów',
  'reason.before-restore': 'Tuż przed przywróceniem tablicy',

  'items': 'Elementy: {count}',
  'editors': 'Osoby, które zmieniały tablicę: {names}',
  'editorsNone': 'Nikt nie zmieniał tablicy',
  'unknownName': 'ktoś, kto już nie uczestniczy',
  'choose': 'Zobacz',

  'preview.title': 'Tablica o godz. {time}',
  'preview.alt': 'Tak wyglądała tablica o godz. {time}',
  'preview.counts': 'Elementy wtedy: {then}, teraz na tablicy: {now}.',
  'back': 'Wróć do listy',

  'restoreBoard': 'Przywróć całą tablicę',
  'restoreBoardHint': 'Tablica wróci dla wszystkich do tej chwili. To, co dodano później, zniknie.',
  'restoreItems': 'Przywróć usunięte elementy',
  'deletedTitle': 'Usunięte od tej chwili: {count}',
  'deletedNone': 'Od tej chwili nic nie zostało usunięte.',
  'itemUntitled': 'Element bez tekstu',
  'selectAll': 'Zaznacz wszystko',

  'confirmBoard': 'Na pewno? Cała tablica wróci dla wszystkich do stanu z godz. {time}.',
  'confirmItems': 'Przywrócić usunięte elementy na tablicę (liczba: {count})?',
  'confirmUndo': 'Pomyłka? Tablica sprzed przywrócenia zostaje w historii.',
  'confirm': 'Tak, przywróć',
  'cancel': 'Anuluj',
  'restoring': 'Przywracanie…',

  'restoredBoard': 'Tablica została przywrócona do stanu z godz. {time}. Wszyscy ją teraz widzą. Elementy na tablicy: {count}.',
  'restoredItems': 'Przywrócone elementy: {count}. Wszyscy je teraz widzą.',
  'unchanged': 'Tablica już tak wyglądała. Nic się nie zmieniło.',
  'failed': 'Nie udało się przywrócić. Spróbuj ponownie.',
  'forbidden': 'Nie możesz teraz przywracać tablicy.',

  'audit.restoredBoard': 'Przywrócono tablicę do wcześniejszej chwili',
  'audit.restoredItems': 'Przywrócono usunięte elementy',
}

export default history
