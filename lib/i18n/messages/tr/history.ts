import type { Messages } from '../types'

/** Turkish copy for the board's history: checkpoints and restoring. */
const history: Messages<'history'> = {
  'open': 'Geçmiş',
  'title': 'Panonun geçmişi',
  'intro': 'Pano sürekli kaydediliyor. Bakmak ve geri getirmek için bir an seçin.',
  'close': 'Geçmişi kapat',
  'loading': 'Yükleniyor…',
  'empty': 'Henüz hiçbir şey kaydedilmedi. Bir şey değiştiğinde pano birkaç dakikada bir kaydedilir, her yeni aşamada da.',
  'loadFailed': 'Geçmiş yüklenemedi. Lütfen tekrar deneyin.',
  'retry': 'Tekrar dene',

  'reason.interval': 'Ara kayıt',
  'reason.phase-change': 'Yeni bir aşamada',
  'reason.version': 'Planın kesinleşen bir sürümünde',
  'reason.before-delete': 'Birçok öğe silinmeden hemen önce',
  'reason.before-restore': 'Pano geri getirilmeden hemen önce',

  'items': '{count} öğe',
  'editors': 'Değiştirenler: {names}',
  'editorsNone': 'Panoyu kimse değiştirmedi',
  'unknownName': 'artık katılmayan biri',
  'choose': 'Bak',

  'preview.title': 'Pano, saat {time}',
  'preview.alt': 'Panonun saat {time} itibarıyla görünüşü',
  'preview.counts': 'O zaman {then} öğe, şimdi panoda {now} öğe var.',
  'back': 'Listeye dön',

  'restoreBoard': 'Bütün panoyu geri getir',
  'restoreBoardHint': 'Pano herkes için bu ana geri döner. Bundan sonra eklenenler kaybolur.',
  'restoreItems': 'Silinen öğeleri geri getir',
  'deletedTitle': 'Bu andan beri silinenler: {count}',
  'deletedNone': 'Bu andan beri hiçbir şey silinmedi.',
  'itemUntitled': 'Yazısız öğe',
  'selectAll': 'Hepsini işaretle',

  'confirmBoard': 'Emin misiniz? Bütün pano herkes için şu ana geri döner: {time}.',
  'confirmItems': '{count} öğe panoya geri getirilsin mi?',
  'confirmUndo': 'Yanlışlık mı oldu? Geri getirmeden hemen önceki pano geçmişte kalır.',
  'confirm': 'Evet, geri getir',
  'cancel': 'Vazgeç',
  'restoring': 'Geri getiriliyor…',

  'restoredBoard': 'Pano şu ana geri getirildi: {time}. Artık herkes bunu görüyor. Panoda {count} öğe var.',
  'restoredItems': '{count} öğe geri getirildi. Artık herkes onları görüyor.',
  'unchanged': 'Pano zaten böyleydi. Hiçbir şey değişmedi.',
  'failed': 'Geri getirilemedi. Lütfen tekrar deneyin.',
  'forbidden': 'Panoyu şu an geri getiremezsiniz.',

  'audit.restoredBoard': 'Panoyu daha önceki bir ana geri getirdi',
  'audit.restoredItems': 'Silinen öğeleri geri getirdi',
}

export default history
