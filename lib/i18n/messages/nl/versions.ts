/** Dutch copy for agreeing on the plan, the frozen versions and the export screen. */
const versions = {
  'title': 'Vastgestelde versies',
}

export default versions
