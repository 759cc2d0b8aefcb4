/** Dutch copy for the exported plan (PDF, JSON, images) and the export screen. */
const exports = {
  'title': 'Exporteren',

  // The PDF: head, notices, footer.
  'pdf.subtitle': '{kind} · vastgesteld op {date}',
  'pdf.redacted': 'Versie zonder namen: iedereen staat erin met voorletters en rol, telefoonnummers, e-mail- en huisadressen en notities over mensen zijn weggelaten.',
  'pdf.footer': 'Versie {version} · vastgesteld op {date} · bladzijde {page} van {pages}',
  'pdf.empty': 'Niets ingevuld.',
  'pdf.boardMissing': 'Er is geen afbeelding van het bord.',

  // PDF sections, in reading order.
  'section.participants': 'Wie waren erbij',
  'section.centralQuestion': 'De vraag',
  'section.bottomLines': 'Ondergrenzen',
  'section.board': 'De netwerkkaart en het bord',
  'section.network': 'Het netwerk',
  'section.goingWell': 'Wat gaat goed',
  'section.worries': 'Waar maken we ons zorgen over',
  'section.nextSteps': 'Wat moet er gebeuren',
  'section.dangers': 'Gevaar en veiligheidsdoelen',
  'section.scales': 'Schalen van 0 tot 10',
  'section.agreements': 'Afspraken',
  'section.safetyPlan': 'Veiligheidsplan',
  'section.childVoice': 'Wat het kind zegt',
  'section.needs': 'Wat is er het meest nodig',
  'section.agreedBy': 'Wie hebben ja gezegd',

  // Table columns.
  'col.name': 'Naam',
  'col.role': 'Rol',
  'col.relation': 'Wie is het',
  'col.ring': 'Kring',
  'col.support': 'Helpt met',
  'col.danger': 'Gevaar',
  'col.goal': 'Veiligheidsdoel',
  'col.what': 'Wat',
  'col.who': 'Wie',
  'col.when': 'Wanneer',
  'col.backup': 'Wie springt in',
  'col.howWeKnow': 'Zo weten we dat het werkt',
  'col.status': 'Gelukt?',
  'col.signal': 'Waarschuwingssignaal',
  'col.action': 'Wat doen we dan',
  'col.call': 'Wie bellen we',
  'col.safePlace': 'Veilige plek',
  'col.score': 'Cijfer',
  'col.at': 'Wanneer',
  'col.how': 'Hoe',
  'col.bottomLine': 'Ondergrens',
  'col.answeredBy': 'Afspraken die hierop antwoorden',
  'col.ticked': 'Afgevinkt',

  'agreed.self': 'zelf bevestigd',
  'agreed.spoken': 'mondeling ja, vastgelegd door de gespreksleider',
  'person.deleted': '(niet meer op het bord)',
  'backup.none': 'nog niemand',
  'scale.value': '{value} van 10',
  'scale.noMarks': 'Nog niemand heeft een cijfer gegeven.',
  'child.drawings': 'Tekeningen in de huizen: {count} (te zien op het bord).',
  'bottomLine.notAnswered': 'nog geen afspraak',
  'bottomLine.agreementMissing': '(afspraak zonder omschrijving)',
  'bottomLine.open': 'nog niet afgevinkt',
  'bottomLine.tickedBy': 'door {name} op {date}',
  'bottomLine.reason': 'reden: {reason}',
  'bottomLine.tickedByNoDate': 'door {name}',

  'support.practical': 'praktisch',
  'support.emotional': 'steun en troost',
  'support.informative': 'advies',
  'support.normative': 'goed voorbeeld',
  'status.open': 'nog open',
  'status.held': 'gelukt',
  'status.partly': 'deels gelukt',
  'status.not-held': 'niet gelukt',

  // The redacted export: the title instead of the conference's, and the role after each person's initials.
  'redact.title': '{kind} (geanonimiseerd)',
  'redact.role.facilitator': 'gespreksleider',
  'redact.role.family': 'familie',
  'redact.role.child': 'kind',
  'redact.role.network': 'netwerk',
  'redact.role.professional': 'professional',
  'redact.role.observer': 'waarnemer',
  'redact.role.institution': 'organisatie',

  // The board image.
  'board.empty': 'Het bord is leeg.',
  'board.image': 'afbeelding',

  // The child's three houses in the PDF.
  'house.worries': 'Huis van zorgen',
  'house.good-things': 'Huis van goede dingen',
  'house.dreams': 'Huis van dromen',
}

export default exports
