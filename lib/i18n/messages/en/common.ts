import type { Messages } from '../types'

const common: Messages<'common'> = {
  appName: 'Kring',
  tagline: 'Making a plan together, at the table and from afar.',
  loading: 'Loading…',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  back: 'Back',
  language: 'Language',
  signOut: 'Sign out',
  errorGeneric: 'Something went wrong. Please try again.',
  'role.facilitator': 'Facilitator',
  'role.family': 'Family',
  'role.child': 'Child/young person',
  'role.network': 'Network',
  'role.professional': 'Professional',
  'role.observer': 'Observer',
  'kind.familiegroepsplan': 'Family group plan',
  'kind.veiligheidsplan': 'Safety plan',
  'kind.netwerkkaart': 'Network map',
  'kind.evaluatie': 'Review',
  'phase.voorbereiding': 'Preparation',
  'phase.informatie': 'Information',
  'phase.besloten_deel': 'Private family time',
  'phase.plan_en_afspraken': 'Plan and agreements',
  'phase.afgesloten': 'Closed',
  'device.phone': 'phone',
  'device.desktop': 'computer',
}

export default common
