import { policyTableMarkdown } from './policy'

/**
 * The README's policy section body: the table for the default conference, and the one column that
 * changes when the facilitator stays during private family time. Generated, never hand-edited.
 */
export function policyDocsSection(): string {
  const staying = policyTableMarkdown({ facilitatorStaysInPrivateTime: true })
    .split('\n')
    .map((line) => {
      const cells = line.split(' | ')
      // | action | voorbereiding | informatie | besloten_deel | … → keep the action and besloten_deel columns.
      return `${cells[0]} | ${cells[3]} |`
    })
    .join('\n')
  return [
    policyTableMarkdown(),
    '',
    'When the conference lets the facilitator stay during private family time, the `besloten_deel` column reads:',
    '',
    staying,
  ].join('\n')
}
