import type { Messages } from '../types'

/**
 * Turkish copy for the meeting area: phases, private family time, the waiting room, the lobby and
 * the facilitator's controls. Plain words; "ailenin kendi zamanı" for the besloten deel.
 */
const meeting: Messages<'meeting'> = {
  'phase.voorbereiding': 'Hazırlık',
  'phase.informatie': 'Bilgilendirme',
  'phase.besloten_deel': 'Ailenin kendi zamanı',
  'phase.plan_en_afspraken': 'Plan ve anlaşmalar',
  'phase.afgesloten': 'Kapandı',
  'phase.label': 'Aşama {number} / {total}: {phase}',
  'phase.unknown': 'Aşama yükleniyor…',

  'timer.left': 'kalan: {time}',
  'timer.label': 'Bu aşama için kalan süre: {time}',
  'timer.over': 'süre doldu',
  'timer.overLabel': 'Bu aşamanın süresi doldu',

  'controls.title': 'Toplantının aşaması',
  'controls.previous': 'Geri',
  'controls.previousLabel': 'Önceki aşamaya dön: {phase}',
  'controls.next': 'Sonraki: {phase}',
  'controls.nextLabel': 'Sonraki aşamaya geç: {phase}',
  'controls.busy': 'Biraz bekleyin…',
  'controls.confirmPrivateTitle': 'Ailenin kendi zamanı başlasın mı?',
  'controls.confirmPrivateBody': 'Uzmanlar şimdi panodan ayrılıyor. Aile ve yakın çevresi planı kendi aralarında yapıyor.',
  'controls.confirmPrivateFacilitatorLeaves': 'Siz de panodan ayrılıyorsunuz. Onlar hazır olunca panoyu yeniden göreceksiniz.',
  'controls.confirmPrivateFacilitatorStays': 'Ayarlandığı gibi, siz kalıyorsunuz.',
  'controls.confirmPrivateYes': 'Evet, ailenin kendi zamanı başlasın',
  'controls.confirmCloseTitle': 'Toplantı kapatılsın mı?',
  'controls.confirmCloseBody': 'Bundan sonra kimse panoyu değiştiremez. Ama herkes ona bakmaya devam edebilir.',
  'controls.confirmCloseYes': 'Evet, toplantıyı kapat',

  'settings.title': 'Ayarlar',
  'settings.facilitatorStays': 'Ailenin kendi zamanında toplantı yöneticisi kalsın',
  'settings.facilitatorStaysHint': 'Bu kapalıysa, siz de uzmanlar gibi panodan ayrılırsınız.',

  'waiting.title': 'Aile ve yakın çevresi şimdi kendi aralarında konuşuyor.',
  'waiting.body': 'Onlar hazır olunca geri çağrılacaksınız.',
  'waiting.hint': 'Bir şey yapmanız gerekmiyor. Bu sayfayı açık bırakın; pano kendiliğinden geri gelir.',
  'waiting.facilitatorHint': 'Burada kimin olduğunu ve kimin içeri girmek için beklediğini görmeye devam edebilirsiniz.',

  'notice.welcomeBack': 'Aile hazır. Yeniden hoş geldiniz.',
  'notice.admitted': 'İçeri alındınız. Toplantıya hoş geldiniz.',
  'notice.privateTimeOver': 'Ailenin kendi zamanı bitti. Uzmanlar panoya geri geliyor.',
  'notice.dismiss': 'Uyarıyı kapat',

  'lobby.title': 'Biraz bekleyin: toplantı yöneticisi sizi birazdan içeri alacak.',
  'lobby.body': 'Bu sayfayı açık bırakın. İçeri alınınca pano kendiliğinden açılır.',
  'lobby.listTitle': 'İçeri girmek için bekleyenler',
  'lobby.since': 'bekliyor (saat {time} itibarıyla)',
  'lobby.admit': 'İçeri al',
  'lobby.decline': 'Reddet',
  'lobby.admitLabel': 'İçeri al: {name}',
  'lobby.declineLabel': 'Reddet: {name}',
  'lobby.arrivedOne': '{name} içeri girmek için bekliyor.',
  'lobby.arrivedMany': '{count} kişi içeri girmek için bekliyor.',
  'lobby.show': 'Göster',
  'lobby.confirmDeclineTitle': 'Reddedilsin mi: {name}?',
  'lobby.confirmDeclineBody': '{name} bu toplantıya katılmayacak ve bu ona nazikçe bildirilecek.',
  'lobby.confirmDeclineYes': 'Evet, reddet',

  'ready.intro': 'Ailenin kendi zamanı: planı şimdi birlikte yapıyorsunuz.',
  'ready.button': 'Hazırız',
  'ready.confirmTitle': 'Hazır mısınız?',
  'ready.confirmBody': 'O zaman uzmanlar panoya geri gelir ve planınızı görür.',
  'ready.confirmYes': 'Evet, hazırız',
  'ready.notYet': 'Henüz değil',

  'readonly.observer': 'Sadece bakıyorsunuz; bir şey değiştiremezsiniz.',
  'readonly.closed': 'Toplantı kapandı. Panoya hâlâ bakabilirsiniz ama artık değiştiremezsiniz.',
  'readonly.other': 'Panoya şu an bakabilirsiniz ama değiştiremezsiniz.',

  'participant.manage': 'Değiştir',
  'participant.manageLabel': 'Rolü ya da katılımı değiştir: {name}',
  'participant.role': 'Rol',
  'participant.roleLabel': 'Rol: {name}',
  'participant.remove': 'Çıkar',
  'participant.removeLabel': 'Toplantıdan çıkar: {name}',
  'participant.removeTitle': 'Toplantıdan çıkarılsın mı: {name}?',
  'participant.removeBody': 'Pano ve toplantı {name} için hemen kapanır. {name} daha sonra yeniden girebilsin mi?',
  'participant.removeKeep': 'Daha sonra yeniden girebilir',
  'participant.removeKeepHint': 'Davet geçerli kalır. {name} geri gelirse, siz içeri alana kadar bekler.',
  'participant.removeRevoke': 'Daveti geri al',
  'participant.removeRevokeHint': 'Bağlantı artık çalışmaz. {name} adlı kişinin cihazında saklanan pano bilgileri silinir.',

  'error.forbidden': 'Buna şu an izin yok.',
  'error.conflict': 'Bu artık olmuyor: toplantı bu arada değişti.',
  'error.notFound': 'Bu kişi artık bu toplantıda değil.',
  'error.badRequest': 'Bu istek doğru değildi. Sayfayı yenileyin ve tekrar deneyin.',
  'error.unavailable': 'Toplantıyla bağlantı yok. Birazdan tekrar deneyin.',

  'access.removedTitle': 'Toplantı yöneticisi sizi toplantıdan çıkardı.',
  'access.removedBody': 'Panoyu artık göremezsiniz. Bu cihazda saklanan pano bilgileri silindi. Daha sonra geri gelmenize izin verilirse, davet bağlantınız toplantıyı yeniden açar.',
  'access.declinedTitle': 'İçeri alınmadınız.',
  'access.declinedBody': 'Toplantı yöneticisi şu an bu toplantıya katılmamanıza karar verdi. Bu sizinle ilgili bir yargı değildir. Sorunuz varsa toplantı yöneticisiyle görüşün.',
}

export default meeting
