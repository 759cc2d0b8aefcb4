import { expect, test } from '@playwright/test'
import type { Db } from '../../lib/server/db/connect'
import { findUserByEmail } from '../../lib/server/db/repositories/users'
import { setConferencePhase } from '../../lib/server/db/repositories/conferences'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { seedConference, seedInvitation } from '../../lib/server/db/seed'
import { emptyPlan, type PlanAgreement, type PlanPerson } from '../../lib/plan/schema'
import { newPhoneContext, signIn } from './support/flows'
import { createFacilitator, openE2eDatabase } from './support/seed'

/**
 * Who is who, between meetings: on the agreed board the grandmother is "Oma Fatima", her invitation
 * says "Fatima", so Kring does not guess; two invitations say "Mohamed" for the one Mohamed on the
 * board, so it does not guess there either. The facilitator links Oma Fatima on the follow-up view;
 * Fatima's "Mijn afspraken" then shows her agreement, and the Mohamed row still says it is not linked.
 */
let db: Db

test.beforeAll(async () => {
  db = await openE2eDatabase()
})

test.afterAll(async () => {
  await db.destroy()
})

const person = (id: string, name: string): PlanPerson => ({ id, name, relation: '', ring: 'inner', group: 'family', support: [], note: '', ties: [] })
const agreement = (id: string, what: string, owner: PlanPerson): PlanAgreement => ({
  id,
  what,
  owners: [{ id: owner.id, name: owner.name }],
  when: 'elke woensdag',
  backup: null,
  howWeKnow: 'Sem vertelt het aan mama',
  answers: [],
  status: 'open',
})

test('the facilitator links "Oma Fatima" to Fatima\'s invitation, and her agreement reaches her phone', async ({ browser, baseURL }) => {
  const account = await createFacilitator(db)
  const facilitatorUser = (await findUserByEmail(db, account.email))!
  const { conference, facilitator } = await seedConference(db, { facilitator: facilitatorUser, title: 'Familie El Amrani' })
  const fatima = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Fatima', role: 'network' })
  await seedInvitation(db, { conferenceId: conference.id, displayName: 'Mohamed', role: 'family' })
  await seedInvitation(db, { conferenceId: conference.id, displayName: 'Mohamed', role: 'network' })
  const oma = person('shape:oma', 'Oma Fatima')
  const mohamed = person('shape:mohamed', 'Mohamed')
  await setConferencePhase(db, { conferenceId: conference.id, phase: 'plan_en_afspraken' })
  await insertPlanVersion(db, {
    conferenceId: conference.id,
    plan: { ...emptyPlan(), people: [oma, mohamed], agreements: [agreement('shape:pickup', 'Sem ophalen van school', oma), agreement('shape:football', 'Naar voetbal brengen', mohamed)] },
    boardState: new Uint8Array(),
    boardSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    agreedBy: [],
    frozenBy: facilitator.id,
    frozenAt: new Date(Date.now() - 24 * 60 * 60 * 1000),
  })

  // Fatima, on her phone: nothing in her name yet ("Oma Fatima" is not "Fatima").
  const phone = await newPhoneContext(browser)
  const fatimaPage = await phone.newPage()
  await fatimaPage.goto(`${baseURL}/join/${fatima.token}`)
  await fatimaPage.getByTestId('join-my-agreements').tap()
  await expect(fatimaPage).toHaveURL(new RegExp(`/conferences/${conference.id}/my-agreements$`))
  await expect(fatimaPage.getByText('Er staan geen afspraken op jouw naam.', { exact: false })).toBeVisible()
  await expect(fatimaPage.getByTestId('my-agreement')).toHaveCount(0)

  // The facilitator's follow-up view: neither is linked, each says why.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const deskPage = await desk.newPage()
  await signIn(deskPage, account)
  await expect(deskPage.getByTestId('create-conference-form')).toBeVisible()
  await deskPage.goto(`${baseURL}/conferences/${conference.id}/follow-up`)
  const omaRow = deskPage.locator('[data-testid="person-link"][data-person="shape:oma"]')
  const mohamedRow = deskPage.locator('[data-testid="person-link"][data-person="shape:mohamed"]')
  await expect(omaRow.getByTestId('person-link-status')).toHaveText('Niet gekoppeld: geen genodigde met deze naam')
  await expect(mohamedRow.getByTestId('person-link-status')).toHaveText('Niet gekoppeld: meer mensen hebben deze naam')
  await expect(deskPage.getByTestId('unlinked-notice')).toContainText('(2)')
  await deskPage.screenshot({ path: 'test-results/person-links-0-view-top.png' })
  await deskPage.getByTestId('people-links').screenshot({ path: 'test-results/person-links-1-not-linked.png' })

  await omaRow.getByLabel('Wie is Oma Fatima?').selectOption({ label: 'Fatima (Netwerk)' })
  await omaRow.getByRole('button', { name: 'Bewaren' }).click()
  await expect(omaRow.getByTestId('person-link-status')).toHaveText('Gekoppeld aan Fatima')
  await expect(omaRow).toHaveAttribute('data-state', 'linked')
  await expect(mohamedRow).toHaveAttribute('data-state', 'ambiguous')
  await expect(deskPage.getByTestId('unlinked-notice')).toContainText('(1)')
  await deskPage.getByTestId('people-links').screenshot({ path: 'test-results/person-links-2-linked.png' })

  // Fatima's page now holds her agreement, and only hers.
  await fatimaPage.reload()
  const mine = fatimaPage.getByTestId('my-agreement')
  await expect(mine).toHaveCount(1)
  await expect(mine).toContainText('Sem ophalen van school')
  await expect(mine.getByTestId('due')).toHaveText('Nog niet ingevuld voor deze week')
  await fatimaPage.screenshot({ path: 'test-results/person-links-3-fatima-mine.png', fullPage: true })

  // The same section for a facilitator who reads Arabic: right to left, in her words.
  await deskPage.locator('.language-switcher button[value="ar"]').click()
  await expect(deskPage.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(omaRow.getByTestId('person-link-status')).toHaveText('مربوط بـ Fatima')
  await deskPage.getByTestId('people-links').screenshot({ path: 'test-results/person-links-4-arabic.png' })

  await phone.close()
  await desk.close()
})
