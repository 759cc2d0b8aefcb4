/** Dutch copy for the typed board items, their editor, the templates' areas and the who-question deck. */
const items = {
  /** The name of the board's (only) page. */
  'page.name': 'Bord',
  'title': 'Onderdelen van het bord',
}

export default items
