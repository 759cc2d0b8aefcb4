import type { Messages } from '../types'

/** Polish copy for keeping and deleting: the retention date, deleting a conference, my data (see ../nl/retention.ts). */
const retention: Messages<'retention'> = {
  'title': 'Przechowywanie i usuwanie',
  'retainUntil': 'Kring usunie to spotkanie {date} (dni od ostatniej aktywności: {days}).',
  'activityHint': 'Aktywność to każda zmiana na tablicy, zmiana etapu, zaproszenie, zgoda albo pobranie pliku. Dopóki coś się dzieje, data przesuwa się dalej.',
  'chooseLabel': 'Usuń dnia',
  'chooseHint': 'Wybierz datę od {earliest} do {latest}.',
  'save': 'Zapisz datę',
  'saving': 'Zapisywanie…',
  'saved': 'Nowa data została zapisana.',
  'delete.open': 'Usuń spotkanie teraz',
  'delete.loading': 'Liczenie, co zniknie…',
  'delete.title': 'Usunąć to spotkanie na zawsze?',
  'delete.intro': 'To zniknie dla wszystkich i nie da się tego cofnąć:',
  'delete.items': 'Elementy na tablicy: {count}',
  'delete.versions': 'Zatwierdzone wersje planu (z plikami PDF): {count}',
  'delete.participants': 'Uczestnicy z linkami z zaproszenia: {count}',
  'delete.checkpoints': 'Zapisane chwile w historii tablicy: {count}',
  'delete.audit': 'Dziennik zdarzeń zachowuje tylko, kto co zrobił (numery i zdarzenia, bez treści i bez imion). Liczba dni: {days}.',
  'delete.export': 'Jeśli jeszcze tego nie zrobiono, najpierw pobierz PDF planu do akt.',
  'delete.confirmCheck': 'Rozumiem, że tego nie da się przywrócić',
  'delete.confirm': 'Usuń na zawsze',
  'delete.deleting': 'Usuwanie…',
  'delete.cancel': 'Anuluj',
  'myData.link': 'Pobierz moje dane',
  'myData.hint': 'Wszystko, co Kring przechowuje o tobie w tym spotkaniu, jako plik (JSON).',
  'audit.changed': 'Zmieniono okres przechowywania (dni od ostatniej aktywności: {days})',
  'audit.personalData': 'Pobrano własne dane',
}

export default retention
