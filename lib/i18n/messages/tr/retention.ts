import type { Messages } from '../types'

/** Turkish copy for keeping and deleting: the retention date, deleting a conference, my data (see ../nl/retention.ts). */
const retention: Messages<'retention'> = {
  'title': 'Saklama ve silme',
  'retainUntil': 'Kring bu toplantıyı şu tarihte siler: {date}. Bu tarih, son etkinlikten {days} gün sonrasıdır.',
  'activityHint': 'Etkinlik; panoda, bir aşamada ya da bir davette yapılan her değişiklik, her onay ve her indirmedir. Etkinlik olduğu sürece tarih de ileri kayar.',
  'chooseLabel': 'Silme tarihi',
  'chooseHint': 'En erken {earliest}, en geç {latest} olan bir tarih seçin.',
  'save': 'Tarihi kaydet',
  'saving': 'Kaydediliyor…',
  'saved': 'Yeni tarih kaydedildi.',
  'delete.open': 'Toplantıyı şimdi sil',
  'delete.loading': 'Silinecek olanlar sayılıyor…',
  'delete.title': 'Bu toplantı kalıcı olarak silinsin mi?',
  'delete.intro': 'Şunlar herkes için silinir ve geri alınamaz:',
  'delete.items': 'Panodaki öğeler: {count}',
  'delete.versions': 'Planın kesinleşen sürümleri (PDF dosyalarıyla birlikte): {count}',
  'delete.participants': 'Katılımcılar ve davet bağlantıları: {count}',
  'delete.checkpoints': 'Panonun geçmişinde kaydedilen anlar: {count}',
  'delete.audit': 'Kayıt defteri yalnızca kimin ne yaptığını (numaralar ve olaylar; içerik ve isim yok) {days} gün boyunca saklar.',
  'delete.export': 'Henüz yapılmadıysa önce planın PDF dosyasını indirip dosyaya koyun.',
  'delete.confirmCheck': 'Bunun geri getirilemeyeceğini anlıyorum',
  'delete.confirm': 'Kalıcı olarak sil',
  'delete.deleting': 'Siliniyor…',
  'delete.cancel': 'Vazgeç',
  'myData.link': 'Verilerimi indir',
  'myData.hint': 'Kring’in bu toplantıda sizinle ilgili sakladığı her şey, bir dosya olarak (JSON).',
  'audit.changed': 'Saklama süresi değişti: son etkinlikten {days} gün sonra',
  'audit.personalData': 'Kendi verilerini indirdi',
}

export default retention
