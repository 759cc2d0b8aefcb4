'use client'

import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { Ticker } from '@/lib/plan/bottom-line-tick'
import { checkPlan } from '@/lib/plan/checks'
import { AgreementsSection } from './AgreementsSection'
import { BottomLinesSection } from './BottomLinesSection'
import { CheckSummary } from './CheckSummary'
import { ChildVoiceSection } from './ChildVoiceSection'
import { PeopleSection } from './PeopleSection'
import { PlanFactsHeader } from './PlanFactsHeader'
import { planLookup } from './plan-lookup'
import { SafetyPlanSection } from './SafetyPlanSection'
import { ScalesSection } from './ScalesSection'
import { CentralQuestionSection, DangersSection, NeedsSection, NextStepsSection, TextListSection } from './TextSections'
import type { DerivedPlan } from './useDerivedPlan'

/**
 * The whole plan: the checks' summary on top, then every section in the order of the plan.
 * `ticker`: who ticks bottom lines off from here, when they may now; null for everyone else.
 */
export function PlanView({ derived, doc, canSetThreshold, ticker = null }: { derived: DerivedPlan; doc: Y.Doc; canSetThreshold: boolean; ticker?: Ticker | null }) {
  const { plan, findings, settings } = derived
  const checks = useMemo(() => checkPlan(plan, settings, findings), [plan, settings, findings])
  const lookup = useMemo(() => planLookup(plan, findings), [plan, findings])

  return (
    <>
      <PlanFactsHeader />
      <CheckSummary
        checks={checks}
        lookup={lookup}
        settings={settings}
        doc={doc}
        canSetThreshold={canSetThreshold}
        checkable={plan.agreements.length + plan.worries.length + plan.dangers.length + plan.bottomLines.length > 0}
      />
      <CentralQuestionSection items={plan.centralQuestion} />
      <BottomLinesSection bottomLines={plan.bottomLines} agreements={plan.agreements} doc={doc} ticker={ticker} />
      <PeopleSection people={plan.people} checks={checks} lookup={lookup} />
      <TextListSection section="goingWell" items={plan.goingWell} checks={checks} />
      <TextListSection section="worries" items={plan.worries} checks={checks} />
      <NextStepsSection items={plan.nextSteps} lookup={lookup} />
      <DangersSection items={plan.dangers} checks={checks} />
      <ScalesSection scales={plan.scales} />
      <AgreementsSection agreements={plan.agreements} checks={checks} lookup={lookup} />
      <SafetyPlanSection items={plan.safetyPlan} />
      <ChildVoiceSection childVoice={plan.childVoice} />
      <NeedsSection items={plan.needs} />
    </>
  )
}
