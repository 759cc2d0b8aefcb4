import type { Messages } from '../types'

const facilitation: Messages<'facilitation'> = {
  'bar.label': 'إدارة الاجتماع',

  'hand.raise': 'ارفع يدك',
  'hand.lower': 'أنزل يدك',
  'hand.raisedHint': 'يدك مرفوعة. دورك رقم {place}.',

  'queue.open': 'الأيدي',
  'queue.openLabel': 'الأيدي المرفوعة: {count}',
  'queue.title': 'الأيدي المرفوعة',
  'queue.empty': 'لم يرفع أحد يده.',
  'queue.someone': 'شخص ما',
  'queue.give': 'أعطِ الكلمة',
  'queue.giveLabel': 'أعطِ الكلمة لـ {name} (تنزل يده)',
  'queue.clearAll': 'أنزل كل الأيدي',
  'queue.close': 'إغلاق',

  'follow.start': 'اتبعوني',
  'follow.startLabel': 'دع الجميع يرون ما تراه على اللوحة',
  'follow.stop': 'أوقف «اتبعوني»',
  'follow.leading': 'الجميع يتبعونك',
  'follow.leadingElsewhere': 'الجميع يتبعون شاشتك الأخرى',
  'follow.banner': 'أنت تتبع الميسِّر',
  'follow.stepOut': 'أتجوّل بنفسي',
  'follow.steppedOut': 'أنت تتجوّل في اللوحة بنفسك',
  'follow.rejoin': 'تابع مرة أخرى',

  'timer.label': 'وقت هذه المرحلة',
  'timer.remaining': 'بقي {time}',
  'timer.remainingLabel': 'بقي {time} لهذه المرحلة',
  'timer.up': 'انتهى الوقت',
  'timer.set': 'المؤقّت',
  'timer.setLabel': 'اضبط مؤقّتًا لهذه المرحلة',
  'timer.minutes': 'دقائق',
  'timer.start': 'ابدأ',
  'timer.stop': 'أوقف المؤقّت',
  'timer.close': 'إغلاق',

  'spotlight.set': 'تسليط الضوء',
  'spotlight.setLabel': 'سلّط الضوء للجميع على الجزء المحدد من اللوحة',
  'spotlight.needSelection': 'اختر أولًا ما تريد تسليط الضوء عليه',
  'spotlight.clear': 'أنهِ تسليط الضوء',
  'spotlight.active': 'تحت الضوء',
  'spotlight.show': 'أرني',
  'spotlight.showLabel': 'أظهر الجزء من اللوحة الذي عليه الضوء',

  'error.forbidden': 'هذا غير ممكن الآن.',
  'error.offline': 'لا يوجد اتصال. حاول مرة أخرى بعد قليل.',
  'error.conflict': 'تغيّر شيء للتو. حاول مرة أخرى.',
  'error.failed': 'لم ينجح ذلك. حاول مرة أخرى.',
}

export default facilitation
