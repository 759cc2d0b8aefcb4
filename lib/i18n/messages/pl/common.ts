import type { Messages } from '../types'

/** Polish copy for shared words (mirrors the Dutch keys). */
const common: Messages<'common'> = {
  appName: 'Kring',
  tagline: 'Wspólnie tworzymy plan, przy stole i na odległość.',
  loading: 'Wczytywanie…',
  save: 'Zapisz',
  cancel: 'Anuluj',
  close: 'Zamknij',
  back: 'Wstecz',
  language: 'Język',
  signOut: 'Wyloguj się',
  errorGeneric: 'Coś poszło nie tak. Spróbuj ponownie.',
  'role.facilitator': 'Osoba prowadząca',
  'role.family': 'Rodzina',
  'role.child': 'Dziecko/młoda osoba',
  'role.network': 'Bliscy',
  'role.professional': 'Specjalista',
  'role.observer': 'Obserwator',
  'kind.familiegroepsplan': 'Plan rodzinny',
  'kind.veiligheidsplan': 'Plan bezpieczeństwa',
  'kind.netwerkkaart': 'Mapa bliskich',
  'kind.evaluatie': 'Podsumowanie',
  'phase.voorbereiding': 'Przygotowanie',
  'phase.informatie': 'Informacje',
  'phase.besloten_deel': 'Czas dla rodziny',
  'phase.plan_en_afspraken': 'Plan i ustalenia',
  'phase.afgesloten': 'Zakończone',
  'device.phone': 'telefon',
  'device.desktop': 'komputer',
}

export default common
