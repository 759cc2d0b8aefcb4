import type { Messages } from '../types'

/** Turkish copy for shared words (mirrors the Dutch keys). */
const common: Messages<'common'> = {
  appName: 'Kring',
  tagline: 'Birlikte bir plan yapmak: aynı masada ya da uzaktan.',
  loading: 'Yükleniyor…',
  save: 'Kaydet',
  cancel: 'Vazgeç',
  close: 'Kapat',
  back: 'Geri',
  language: 'Dil',
  signOut: 'Çıkış yap',
  errorGeneric: 'Bir sorun oldu. Lütfen tekrar deneyin.',
  'role.facilitator': 'Toplantı yöneticisi',
  'role.family': 'Aile',
  'role.child': 'Çocuk/genç',
  'role.network': 'Yakın çevre',
  'role.professional': 'Uzman',
  'role.observer': 'Dinleyici',
  'kind.familiegroepsplan': 'Aile planı',
  'kind.veiligheidsplan': 'Güvenlik planı',
  'kind.netwerkkaart': 'Yakın çevre haritası',
  'kind.evaluatie': 'Değerlendirme',
  'phase.voorbereiding': 'Hazırlık',
  'phase.informatie': 'Bilgilendirme',
  'phase.besloten_deel': 'Ailenin kendi zamanı',
  'phase.plan_en_afspraken': 'Plan ve anlaşmalar',
  'phase.afgesloten': 'Kapandı',
  'device.phone': 'telefon',
  'device.desktop': 'bilgisayar',
}

export default common
