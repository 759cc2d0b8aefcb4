/** Dutch copy for the board's history: checkpoints and restoring (the facilitator's Geschiedenis panel). */
const history = {
  'open': 'Geschiedenis',
  'title': 'Geschiedenis van het bord',
  'intro': 'Het bord wordt steeds bewaard. Kies een moment om te bekijken en terug te zetten.',
  'close': 'Geschiedenis sluiten',
  'loading': 'Even laden…',
  'empty': 'Er is nog niets bewaard. Het bord wordt elke paar minuten bewaard als er iets verandert, en bij elke nieuwe fase.',
  'loadFailed': 'De geschiedenis kon niet worden geladen. Probeer het opnieuw.',
  'retry': 'Opnieuw proberen',

  'reason.interval': 'Tussentijds bewaard',
  'reason.phase-change': 'Bij een nieuwe fase',
  'reason.version': 'Bij een vastgestelde versie van het plan',
  'reason.before-delete': 'Vlak voordat veel items werden verwijderd',
  'reason.before-restore': 'Vlak voordat het bord werd hersteld',

  'items': '{count} items',
  'editors': 'Bewerkt door {names}',
  'editorsNone': 'Niemand bewerkte het bord',
  'unknownName': 'iemand die niet meer meedoet',
  'choose': 'Bekijken',

  'preview.title': 'Het bord om {time}',
  'preview.alt': 'Zo zag het bord eruit om {time}',
  'preview.counts': 'Toen {then} items, nu {now} items op het bord.',
  'back': 'Terug naar de lijst',

  'restoreBoard': 'Herstel het hele bord',
  'restoreBoardHint': 'Het bord gaat voor iedereen terug naar dit moment. Wat daarna is toegevoegd, verdwijnt.',
  'restoreItems': 'Haal verwijderde items terug',
  'deletedTitle': 'Verwijderd sinds dit moment: {count}',
  'deletedNone': 'Sinds dit moment is niets verwijderd.',
  'itemUntitled': 'Item zonder tekst',
  'selectAll': 'Alles aanvinken',

  'confirmBoard': 'Weet je het zeker? Het hele bord gaat voor iedereen terug naar {time}.',
  'confirmItems': '{count} items terughalen op het bord?',
  'confirmUndo': 'Vergist? Het bord van vlak voor het herstel blijft in de geschiedenis staan.',
  'confirm': 'Ja, herstellen',
  'cancel': 'Annuleren',
  'restoring': 'Bezig met herstellen…',

  'restoredBoard': 'Het bord is hersteld naar {time}. Iedereen ziet het nu. Er staan {count} items op het bord.',
  'restoredItems': '{count} items zijn teruggehaald. Iedereen ziet ze nu.',
  'unchanged': 'Het bord was al zo. Er is niets veranderd.',
  'failed': 'Herstellen is niet gelukt. Probeer het opnieuw.',
  'forbidden': 'Je mag het bord nu niet herstellen.',

  'audit.restoredBoard': 'Het bord teruggezet naar een eerder moment',
  'audit.restoredItems': 'Verwijderde items teruggehaald',
}

export default history
