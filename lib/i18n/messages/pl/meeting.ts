import type { Messages } from '../types'

/**
 * Polish copy for the meeting area: phases, private family time ("czas dla rodziny"), the waiting
 * room, the lobby and the facilitator's controls. Phrased so no sentence needs the reader's gender.
 */
const meeting: Messages<'meeting'> = {
  'phase.voorbereiding': 'Przygotowanie',
  'phase.informatie': 'Informacje',
  'phase.besloten_deel': 'Czas dla rodziny (bez specjalistów)',
  'phase.plan_en_afspraken': 'Plan i ustalenia',
  'phase.afgesloten': 'Zakończone',
  'phase.label': 'Etap {number} z {total}: {phase}',
  'phase.unknown': 'Wczytywanie etapu…',

  'timer.left': 'zostało: {time}',
  'timer.label': 'Czas na ten etap: zostało {time}',
  'timer.over': 'czas minął',
  'timer.overLabel': 'Czas na ten etap minął',

  'controls.title': 'Etap spotkania',
  'controls.previous': 'Wstecz',
  'controls.previousLabel': 'Wróć do etapu: {phase}',
  'controls.next': 'Dalej: {phase}',
  'controls.nextLabel': 'Przejdź do następnego etapu: {phase}',
  'controls.busy': 'Chwileczkę…',
  'controls.confirmPrivateTitle': 'Rozpocząć czas dla rodziny?',
  'controls.confirmPrivateBody': 'Specjaliści opuszczają teraz tablicę. Rodzina i bliscy tworzą plan między sobą.',
  'controls.confirmPrivateFacilitatorLeaves': 'Ty też opuszczasz tablicę. Zobaczysz ją znowu, gdy będą gotowi.',
  'controls.confirmPrivateFacilitatorStays': 'Zostajesz, tak jak ustawiono.',
  'controls.confirmPrivateYes': 'Tak, rozpocznij czas dla rodziny',
  'controls.confirmCloseTitle': 'Zakończyć spotkanie?',
  'controls.confirmCloseBody': 'Potem nikt nie będzie mógł już zmieniać tablicy. Wszyscy nadal będą mogli ją oglądać.',
  'controls.confirmCloseYes': 'Tak, zakończ spotkanie',

  'settings.title': 'Ustawienia',
  'settings.facilitatorStays': 'Osoba prowadząca zostaje podczas czasu dla rodziny',
  'settings.facilitatorStaysHint': 'Gdy to jest wyłączone, opuszczasz tablicę tak jak specjaliści.',

  'waiting.title': 'Rodzina i bliscy rozmawiają teraz między sobą.',
  'waiting.body': 'Gdy będą gotowi, tablica znów się dla ciebie otworzy.',
  'waiting.hint': 'Nie musisz nic robić. Zostaw tę stronę otwartą; tablica wróci sama.',
  'waiting.facilitatorHint': 'Tutaj nadal widzisz, kto jest obecny i kto czeka na wejście.',

  'notice.welcomeBack': 'Rodzina jest gotowa. Zapraszamy z powrotem.',
  'notice.admitted': 'Możesz już wejść. Witamy na spotkaniu.',
  'notice.privateTimeOver': 'Czas dla rodziny się skończył. Specjaliści wracają do tablicy.',
  'notice.dismiss': 'Zamknij komunikat',

  'lobby.title': 'Chwileczkę: osoba prowadząca zaraz cię wpuści.',
  'lobby.body': 'Zostaw tę stronę otwartą. Tablica otworzy się sama, gdy osoba prowadząca cię wpuści.',
  'lobby.listTitle': 'Czekają na wejście',
  'lobby.since': 'czeka od godz. {time}',
  'lobby.admit': 'Wpuść',
  'lobby.decline': 'Odmów',
  'lobby.admitLabel': 'Wpuść: {name}',
  'lobby.declineLabel': 'Odmów wejścia: {name}',
  'lobby.arrivedOne': '{name} czeka na wejście.',
  'lobby.arrivedMany': 'Osoby czekające na wejście: {count}.',
  'lobby.show': 'Pokaż',
  'lobby.confirmDeclineTitle': 'Odmówić wejścia: {name}?',
  'lobby.confirmDeclineBody': '{name} nie weźmie wtedy udziału w tym spotkaniu i dostanie o tym uprzejmą wiadomość.',
  'lobby.confirmDeclineYes': 'Tak, odmów',

  'ready.intro': 'Czas dla rodziny: teraz razem tworzycie plan.',
  'ready.button': 'Jesteśmy gotowi',
  'ready.confirmTitle': 'Czy jesteście gotowi?',
  'ready.confirmBody': 'Wtedy specjaliści wrócą do tablicy i zobaczą wasz plan.',
  'ready.confirmYes': 'Tak, jesteśmy gotowi',
  'ready.notYet': 'Jeszcze nie',

  'readonly.observer': 'Tylko oglądasz; nie możesz niczego zmieniać.',
  'readonly.closed': 'Spotkanie jest zakończone. Możesz jeszcze oglądać tablicę, ale już jej nie zmienisz.',
  'readonly.other': 'Możesz teraz oglądać tablicę, ale nie możesz jej zmieniać.',

  'participant.manage': 'Zmień',
  'participant.manageLabel': 'Zmień rolę lub udział: {name}',
  'participant.role': 'Rola',
  'participant.roleLabel': 'Rola: {name}',
  'participant.remove': 'Usuń',
  'participant.removeLabel': 'Usuń ze spotkania: {name}',
  'participant.removeTitle': 'Usunąć ze spotkania: {name}?',
  'participant.removeBody': 'Tablica i spotkanie od razu się zamkną dla tej osoby ({name}). Czy {name} może później wrócić?',
  'participant.removeKeep': 'Może później wrócić',
  'participant.removeKeepHint': 'Zaproszenie pozostaje ważne. Jeśli {name} wróci, najpierw poczeka, aż wpuścisz tę osobę.',
  'participant.removeRevoke': 'Wycofaj zaproszenie',
  'participant.removeRevokeHint': 'Link przestanie działać. To, co było zapisane z tablicy na urządzeniu tej osoby ({name}), zostanie usunięte.',

  'error.forbidden': 'Teraz nie wolno tego zrobić.',
  'error.conflict': 'To już niemożliwe: spotkanie w międzyczasie się zmieniło.',
  'error.notFound': 'Tej osoby nie ma już na tym spotkaniu.',
  'error.badRequest': 'Coś było nie tak z tą prośbą. Odśwież stronę i spróbuj ponownie.',
  'error.unavailable': 'Brak połączenia ze spotkaniem. Spróbuj za chwilę.',

  'access.removedTitle': 'Osoba prowadząca usunęła cię ze spotkania.',
  'access.removedBody': 'Nie możesz już widzieć tablicy. To, co było zapisane z tej tablicy na tym urządzeniu, zostało usunięte. Jeśli możesz później wrócić, link z zaproszenia znowu otworzy spotkanie.',
  'access.declinedTitle': 'Osoba prowadząca cię nie wpuściła.',
  'access.declinedBody': 'Osoba prowadząca zdecydowała, że teraz nie weźmiesz udziału w tym spotkaniu. To nie jest ocena ciebie. Masz pytania? Skontaktuj się z osobą prowadzącą.',
}

export default meeting
