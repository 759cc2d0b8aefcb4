/** Dutch copy for the board area: the live board's header, connection, roster and notices. */
const board = {
  'header.label': 'Bord',
  'header.me': '{name} · {role}',
  'header.meLabel': 'Jij bent {name}, {role}',
  'header.phase': 'Fase: {phase}',

  'header.plan': 'Plan',
  'header.planLabel': 'Het plan lezen, zoals het nu op het bord staat',

  'status.connected': 'Verbonden',
  'status.connecting': 'Verbinden…',
  'status.offline': 'Geen verbinding',
  'status.connectedDetail': 'Verbonden: je wijzigingen gaan meteen naar iedereen.',
  'status.connectingDetail': 'Verbinding maken met het bord…',
  'status.offlineDetail': 'Geen verbinding — je wijzigingen blijven bewaard en worden verstuurd zodra je weer online bent.',

  'roster.title': 'Aanwezig',
  'roster.toggleShow': 'Toon wie er zijn',
  'roster.toggleHide': 'Verberg wie er zijn',
  'roster.count': '{online} van {total}',
  'roster.you': 'jij',
  'roster.online': 'online',
  'roster.offline': 'niet verbonden',
  'roster.phone': 'op een telefoon',
  'roster.loading': 'Even geduld, de lijst wordt geladen…',
  'roster.unavailable': 'De lijst met deelnemers is nu niet bereikbaar. Het bord werkt gewoon door.',

  'canvas.label': 'Het gezamenlijke bord',
  'canvas.loading': 'Het bord wordt geladen…',

  'notice.rejectedOne': 'Een wijziging van iemand anders kon niet worden getoond.',
  'notice.rejectedMany': '{count} wijzigingen van anderen konden niet worden getoond.',
  'notice.rejectedHint': 'Die wijzigingen blijven bewaard; herlaad de pagina om het opnieuw te proberen.',
  'notice.outdated': 'Er is een nieuwere versie van het bord. Herlaad de pagina; wat je nu verandert, wordt niet verstuurd.',
  'notice.tooLarge': 'Een wijziging is te groot om te versturen, bijvoorbeeld een grote afbeelding. Maak haar ongedaan of gebruik een kleinere.',
  'notice.refusedBottomLine': 'Alleen professionals kunnen ondergrenzen aanpassen. Je wijziging is niet bewaard; het bord is opnieuw geladen.',
  'notice.refusedReadOnly': 'Je kunt het bord nu niet veranderen. Je wijziging is niet bewaard; het bord is opnieuw geladen.',
  'notice.refusedScaleMark': 'Alleen wie een score op de schaal zette, kan hem verplaatsen. Je wijziging is niet bewaard; het bord is opnieuw geladen.',
  'notice.refusedOther': 'Een wijziging van je is niet bewaard. Het bord is opnieuw geladen.',
  'notice.refusedInvalidRecord': 'Een wijziging van je klopte niet en is niet bewaard (het bord neemt alleen onderdelen aan die het kent). Het bord is opnieuw geladen.',
  'notice.refusedNewerSchema': 'Je gebruikt een nieuwere versie van het bord dan de server. Je wijziging is niet bewaard; probeer het later opnieuw of vraag de beheerder de server bij te werken.',
  'notice.refusedBoardFull': 'Het bord is vol: er kan niets meer bij. Je wijziging is niet bewaard; verwijder eerst iets, bijvoorbeeld een grote afbeelding.',
  'notice.refusedRateLimited': 'Je verandert het bord te snel achter elkaar. Je laatste wijziging is niet bewaard; het bord is opnieuw geladen. Doe het iets rustiger.',
  'notice.reload': 'Pagina herladen',
  'notice.dismiss': 'Melding sluiten',

  'access.withdrawnTitle': 'Je hebt geen toegang meer tot dit bord.',
  'access.withdrawnBody': 'Je uitnodiging is ingetrokken. Wat van dit bord op dit apparaat bewaard was, is verwijderd. Denk je dat dit niet klopt? Vraag de gespreksleider om een nieuwe link.',
  'access.signedOutTitle': 'Je bent niet meer aangemeld.',
  'access.signedOutBody': 'Open je uitnodigingslink opnieuw, of meld je opnieuw aan als je een account hebt. Wat je op dit apparaat veranderde, blijft bewaard.',
  'access.signIn': 'Opnieuw aanmelden',
  'access.notFoundTitle': 'Dit bord bestaat niet meer.',
  'access.notFoundBody': 'Misschien is de bijeenkomst afgesloten en opgeruimd. Vraag de gespreksleider wat er is gebeurd.',
  'access.home': 'Naar de startpagina',
} as const

export default board
