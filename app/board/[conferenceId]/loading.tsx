import { getServerTranslator } from '@/lib/server/web/translator'

/** Shown while the board page resolves access; the board itself shows its own progress after. */
export default async function BoardLoading() {
  const { t } = await getServerTranslator()
  return (
    <div className="board-loading" role="status" aria-live="polite">
      <div>
        <div className="board-loading__ring" aria-hidden="true" />
        {t('web.board.loading')}
      </div>
    </div>
  )
}
