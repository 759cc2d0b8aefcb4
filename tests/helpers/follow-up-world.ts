import type { Db } from '../../lib/server/db/connect'
import { setConferencePhase } from '../../lib/server/db/repositories/conferences'
import { insertPlanVersion } from '../../lib/server/db/repositories/plan-versions'
import { seedConference, seedInvitation, seedUser } from '../../lib/server/db/seed'
import { emptyPlan, type Plan, type PlanAgreement, type PlanPerson } from '../../lib/plan/schema'

/**
 * A conference whose plan was agreed at `frozenAt`: Mama Sanne brings Sem to school every
 * Wednesday with Tante Amira as backup; Opa Kees calls every other week (no backup); the
 * professional owns nothing. Invitations for each (the raw tokens), phase plan en afspraken.
 */
export const WEDNESDAY = 'shape:wednesday'
export const CALLS = 'shape:calls'

function person(id: string, name: string): PlanPerson {
  return { id, name, relation: '', ring: 'inner', group: 'family', support: [], note: '', ties: [] }
}

function agreement(a: Partial<PlanAgreement> & Pick<PlanAgreement, 'id' | 'what' | 'when'>): PlanAgreement {
  return { owners: [], backup: null, howWeKnow: '', answers: [], status: 'open', ...a }
}

export function followUpPlan(): Plan {
  return {
    ...emptyPlan(),
    people: [person('shape:sanne', 'Mama Sanne'), person('shape:amira', 'Tante Amira'), person('shape:kees', 'Opa Kees')],
    agreements: [
      agreement({
        id: WEDNESDAY,
        what: 'Sem naar school brengen',
        when: 'elke woensdag',
        owners: [{ id: 'shape:sanne', name: 'Mama Sanne' }],
        backup: { id: 'shape:amira', name: 'Tante Amira' },
        howWeKnow: 'Sem is om half negen op school',
      }),
      agreement({ id: CALLS, what: 'Bellen met Sem', when: 'om de week', owners: [{ id: 'shape:kees', name: 'Opa Kees' }], howWeKnow: 'Sem vertelt erover' }),
    ],
  }
}

export async function seedFollowUpWorld(db: Db, frozenAt: Date, options: { title?: string; facilitatorUser?: { id: string; name: string } } = {}) {
  const title = options.title ?? 'Familie de Vries'
  const facilitatorUser = options.facilitatorUser ?? (await seedUser(db, { email: `f-${Math.random()}@example.org`, name: 'Fenna Facilitator' }))
  const { conference, facilitator } = await seedConference(db, { facilitator: facilitatorUser, title })
  const mother = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Mama Sanne', role: 'family' })
  const aunt = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Tante Amira', role: 'network' })
  const grandpa = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Opa Kees', role: 'network' })
  const professional = await seedInvitation(db, { conferenceId: conference.id, displayName: 'Jeugdbeschermer Jan', role: 'professional' })
  await setConferencePhase(db, { conferenceId: conference.id, phase: 'plan_en_afspraken' })
  const version = await insertPlanVersion(db, {
    conferenceId: conference.id,
    plan: followUpPlan(),
    boardState: new Uint8Array(),
    boardSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    agreedBy: [],
    frozenBy: facilitator.id,
    frozenAt,
  })
  return { facilitatorUser, conference, facilitator, mother, aunt, grandpa, professional, version }
}
