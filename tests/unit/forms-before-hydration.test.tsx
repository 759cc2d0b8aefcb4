import type { ReactElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { I18nProvider } from '../../client/i18n/I18nProvider'
import { InviteForm } from '../../client/web/conference/InviteForm'
import { RetentionSection } from '../../client/web/conference/RetentionSection'
import { catalogOf } from '../../lib/i18n/catalogs'

/**
 * What a facilitator gets in the server's HTML, before the page's script runs: a form whose fields
 * would lose (or silently save the old value instead of) what is typed then is not usable yet, and
 * says it is still loading. Once hydrated the fields work (tests/e2e/delete-conference.spec.ts).
 */
function serverHtml(element: ReactElement): string {
  return renderToString(
    <I18nProvider locale="nl" messages={catalogOf('nl')}>
      {element}
    </I18nProvider>,
  )
}

const retention = {
  retainUntil: '2027-12-03T12:00:00.000Z',
  lastActivityAt: '2026-12-03T12:00:00.000Z',
  retentionDays: 365,
  earliest: '2026-12-10',
  latest: '2027-12-03',
  auditDays: 730,
}

describe('forms in the server HTML, before hydration', () => {
  it('the retention form: the date field and the save button are off, and it says it is loading', () => {
    const html = serverHtml(<RetentionSection conferenceId="c1" retention={retention} mayDelete={false} />)
    expect(html).toMatch(/<fieldset[^>]*disabled=""[^>]*data-hydrated="false"/)
    expect(html).toMatch(/<button type="submit" class="button" disabled="">Datum opslaan<\/button>/)
    expect(html).toContain('Het formulier wordt nog geladen…')
    // The date field is not controlled (the submit reads it), and starts at the stored date.
    expect(html).toMatch(/<input[^>]*type="date"[^>]*name="retainUntil"[^>]*value="2027-12-03"/)
  })

  it('the invitation form: the fields are off until the script runs', () => {
    const html = serverHtml(<InviteForm conferenceId="c1" onInvited={() => {}} />)
    expect(html).toMatch(/<fieldset[^>]*disabled=""/)
    expect(html).toContain('Het formulier wordt nog geladen…')
  })
})
