import type { Messages } from '../types'

/** Turkish copy for the facilitation tools: raised hands, follow me, the phase timer, spotlight. */
const facilitation: Messages<'facilitation'> = {
  'bar.label': 'Toplantı yönetimi',

  'hand.raise': 'El kaldır',
  'hand.lower': 'El indir',
  'hand.raisedHint': 'Eliniz kalkık. Sıranız: {place}.',

  'queue.open': 'Eller',
  'queue.openLabel': 'Kalkan eller: {count}',
  'queue.title': 'Kalkan eller',
  'queue.empty': 'Kimse el kaldırmadı.',
  'queue.someone': 'Biri',
  'queue.give': 'Söz ver',
  'queue.giveLabel': 'Söz ver: {name} (eli iner)',
  'queue.clearAll': 'Bütün elleri indir',
  'queue.close': 'Kapat',

  'follow.start': 'Beni izleyin',
  'follow.startLabel': 'Panoda sizin gördüğünüzü herkes de görsün',
  'follow.stop': 'İzletmeyi bitir',
  'follow.leading': 'Herkes sizi izliyor',
  'follow.leadingElsewhere': 'Herkes diğer ekranınızı izliyor',
  'follow.banner': 'Toplantı yöneticisini izliyorsunuz',
  'follow.stepOut': 'Kendim bakayım',
  'follow.steppedOut': 'Kendiniz bakıyorsunuz',
  'follow.rejoin': 'Yeniden izle',

  'timer.label': 'Bu aşamanın süresi',
  'timer.remaining': 'Kalan: {time}',
  'timer.remainingLabel': 'Bu aşama için kalan süre: {time}',
  'timer.up': 'Süre doldu',
  'timer.set': 'Zamanlayıcı',
  'timer.setLabel': 'Bu aşama için zamanlayıcı kur',
  'timer.minutes': 'Dakika',
  'timer.start': 'Başlat',
  'timer.stop': 'Zamanlayıcıyı durdur',
  'timer.close': 'Kapat',

  'spotlight.set': 'Öne çıkar',
  'spotlight.setLabel': 'Panonun seçilen kısmını herkes için öne çıkar',
  'spotlight.needSelection': 'Önce panoda öne çıkarmak istediğiniz yeri seçin',
  'spotlight.clear': 'Öne çıkarmayı bitir',
  'spotlight.active': 'Öne çıkarıldı',
  'spotlight.show': 'Göster',
  'spotlight.showLabel': 'Panonun öne çıkarılan kısmını göster',

  'error.forbidden': 'Bu şu an olmaz.',
  'error.offline': 'Bağlantı yok. Birazdan tekrar deneyin.',
  'error.conflict': 'Az önce bir şey değişti. Lütfen tekrar deneyin.',
  'error.failed': 'Olmadı. Lütfen tekrar deneyin.',
}

export default facilitation
