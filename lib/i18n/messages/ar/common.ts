import type { Messages } from '../types'

const common: Messages<'common'> = {
  appName: 'Kring',
  tagline: 'نضع خطة معًا، حول الطاولة ومن بعيد.',
  loading: 'جارٍ التحميل…',
  save: 'حفظ',
  cancel: 'إلغاء',
  close: 'إغلاق',
  back: 'رجوع',
  language: 'اللغة',
  signOut: 'تسجيل الخروج',
  errorGeneric: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  'role.facilitator': 'الميسِّر',
  'role.family': 'العائلة',
  'role.child': 'طفل/شاب',
  'role.network': 'الشبكة',
  'role.professional': 'مختص',
  'role.observer': 'مستمع',
  'kind.familiegroepsplan': 'خطة العائلة',
  'kind.veiligheidsplan': 'خطة السلامة',
  'kind.netwerkkaart': 'خريطة الشبكة',
  'kind.evaluatie': 'تقييم',
  'phase.voorbereiding': 'التحضير',
  'phase.informatie': 'المعلومات',
  'phase.besloten_deel': 'وقت العائلة الخاص',
  'phase.plan_en_afspraken': 'الخطة والاتفاقات',
  'phase.afgesloten': 'انتهى',
  'device.phone': 'هاتف',
  'device.desktop': 'حاسوب',
}

export default common
