import type { Messages } from '../types'

const history: Messages<'history'> = {
  'open': 'السجلّ',
  'title': 'سجلّ اللوحة',
  'intro': 'تُحفظ اللوحة أثناء العمل. اختر لحظة لتنظر إليها وتعيدها.',
  'close': 'أغلق السجلّ',
  'loading': 'جارٍ التحميل…',
  'empty': 'لم يُحفظ شيء بعد. تُحفظ اللوحة كل بضع دقائق عندما يتغير شيء، وعند كل مرحلة جديدة.',
  'loadFailed': 'تعذّر تحميل السجلّ. حاول مرة أخرى.',
  'retry': 'حاول مرة أخرى',

  'reason.interval': 'حُفظت أثناء العمل',
  'reason.phase-change': 'عند مرحلة جديدة',
  'reason.version': 'عند نسخة متفق عليها من الخطة',
  'reason.before-delete': 'قبل حذف عناصر كثيرة مباشرة',
  'reason.before-restore': 'قبل استعادة اللوحة مباشرة',

  'items': '{count} عناصر',
  'editors': 'عدّلها {names}',
  'editorsNone': 'لم يعدّل أحد اللوحة',
  'unknownName': 'شخص لم يعد مشاركًا',
  'choose': 'عرض',

  'preview.title': 'اللوحة في {time}',
  'preview.alt': 'كيف كانت اللوحة في {time}',
  'preview.counts': 'آنذاك {then} عناصر، والآن {now} عناصر على اللوحة.',
  'back': 'رجوع إلى القائمة',

  'restoreBoard': 'استعد اللوحة كلها',
  'restoreBoardHint': 'تعود اللوحة إلى هذه اللحظة عند الجميع. ما أُضيف بعدها يختفي.',
  'restoreItems': 'أعد العناصر المحذوفة',
  'deletedTitle': 'حُذف منذ هذه اللحظة: {count}',
  'deletedNone': 'لم يُحذف شيء منذ هذه اللحظة.',
  'itemUntitled': 'عنصر بلا نص',
  'selectAll': 'اختر الكل',

  'confirmBoard': 'هل أنت متأكد؟ تعود اللوحة كلها إلى {time} عند الجميع.',
  'confirmItems': 'هل تعيد {count} عناصر إلى اللوحة؟',
  'confirmUndo': 'خطأ؟ اللوحة كما كانت قبل الاستعادة تبقى في السجلّ.',
  'confirm': 'نعم، استعد',
  'cancel': 'إلغاء',
  'restoring': 'جارٍ الاستعادة…',

  'restoredBoard': 'أُعيدت اللوحة إلى {time}. الجميع يرونها الآن. على اللوحة {count} عناصر.',
  'restoredItems': 'أُعيد {count} عناصر. الجميع يرونها الآن.',
  'unchanged': 'كانت اللوحة هكذا من قبل. لم يتغير شيء.',
  'failed': 'لم تنجح الاستعادة. حاول مرة أخرى.',
  'forbidden': 'لا يُسمح لك باستعادة اللوحة الآن.',

  'audit.restoredBoard': 'أعاد اللوحة إلى لحظة سابقة',
  'audit.restoredItems': 'أعاد عناصر محذوفة',
}

export default history
