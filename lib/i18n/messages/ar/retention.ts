import type { Messages } from '../types'

/** Arabic copy for keeping and deleting: the retention date, deleting a conference, my data (see ../nl/retention.ts). */
const retention: Messages<'retention'> = {
  'title': 'الحفظ والحذف',
  'retainUntil': 'يحذف Kring هذا الاجتماع في {date}، أي بعد {days} يومًا من آخر نشاط.',
  'activityHint': 'النشاط هو أي تغيير في اللوحة، أو في مرحلة، أو في دعوة، أو موافقة، أو تنزيل. ما دام هناك نشاط، يتأخر هذا التاريخ معه.',
  'chooseLabel': 'الحذف في',
  'chooseHint': 'اختر تاريخًا بين {earliest} و{latest}.',
  'save': 'احفظ التاريخ',
  'saving': 'جارٍ الحفظ…',
  'saved': 'حُفظ التاريخ الجديد.',
  'delete.open': 'احذف الاجتماع الآن',
  'delete.loading': 'جارٍ عدّ ما سيُحذف…',
  'delete.title': 'هل تريد حذف هذا الاجتماع نهائيًا؟',
  'delete.intro': 'سيُحذف ما يلي عند الجميع، ولا يمكن التراجع عن ذلك:',
  'delete.items': 'العناصر على اللوحة: {count}',
  'delete.versions': 'النسخ المتفق عليها من الخطة (مع ملفات PDF الخاصة بها): {count}',
  'delete.participants': 'المشاركون مع روابط دعواتهم: {count}',
  'delete.checkpoints': 'اللحظات المحفوظة في سجلّ اللوحة: {count}',
  'delete.audit': 'يحتفظ سجلّ الأحداث فقط بمن فعل ماذا (أرقام وأحداث، بلا محتوى وبلا أسماء)، لمدة {days} يومًا.',
  'delete.export': 'إن لم يحدث ذلك بعد، فاحفظ أولًا ملف PDF للخطة في الملف.',
  'delete.confirmCheck': 'أفهم أن هذا لا يمكن استرجاعه',
  'delete.confirm': 'احذف نهائيًا',
  'delete.deleting': 'جارٍ الحذف…',
  'delete.cancel': 'إلغاء',
  'myData.link': 'نزّل بياناتي',
  'myData.hint': 'كل ما يحفظه Kring عنك في هذا الاجتماع، في ملف (JSON).',
  'audit.changed': 'تغيير مدة الحفظ: {days} يومًا بعد آخر نشاط',
  'audit.personalData': 'تنزيل البيانات الشخصية',
}

export default retention
