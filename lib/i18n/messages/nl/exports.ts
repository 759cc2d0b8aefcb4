/** Dutch copy for the exported plan (PDF, JSON, images) and the export screen. */
const exports = {
  'title': 'Exporteren',
}

export default exports
