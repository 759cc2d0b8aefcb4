/** Dutch copy for the plan view, live checks, agreeing and freezing. */
const plan = {
  'title': 'Plan',
}

export default plan
