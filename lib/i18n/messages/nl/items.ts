/** Dutch copy for the typed board items, their editor, the templates' areas and the who-question deck. */
const items = {
  'title': 'Onderdelen van het bord',
}

export default items
