import { getServerTranslator } from '@/lib/server/web/translator'

/** While the plan page resolves access; the plan shows its own progress after. */
export default async function PlanLoading() {
  const { t } = await getServerTranslator()
  return (
    <div className="board-loading" role="status" aria-live="polite">
      <div>
        <div className="board-loading__ring" aria-hidden="true" />
        {t('plan.view.loading')}
      </div>
    </div>
  )
}
