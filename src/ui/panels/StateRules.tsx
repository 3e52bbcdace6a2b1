// The rules table for a state: which commands the server takes there, and the reply that refuses the others
// (503, -ERR, BAD). It is the very table the engine checks its sequence with (model/*/rules.ts).
import { tm } from '../../content/modes'
import { ts } from '../../content/states'
import type { Lang } from '../../content/types'
import { commandText, commandsIn, type ChartTransition } from '../../lessons/statechart'
import type { Protocol } from '../../model'

interface Props {
  readonly state: string
  readonly lang: Lang
  readonly protocol?: Protocol
  readonly testId?: string
  /** The ways out of the state (the chart's details list them under the table). */
  readonly moves?: readonly ChartTransition[]
}

export default function StateRules({ state, lang, protocol = 'smtp', testId = 'state.rules', moves }: Props) {
  const rules = commandsIn(protocol, state)
  const out =
    moves && moves.length > 0 ? (
      <>
        <h3 className="state-moves-title">{ts(lang, 'chartMoves')}</h3>
        <ul className="state-moves" data-testid={`${testId}.moves`}>
          {moves.map((m) => (
            <li key={m.id}>
              <code>
                {commandText(m.command)} → {m.reply}
              </code>{' '}
              → <code>{m.via.length > 0 ? `${m.via.join(' → ')} → ${m.to}` : m.to}</code>
            </li>
          ))}
        </ul>
      </>
    ) : null
  if (rules.length === 0)
    return (
      <>
        <p className="muted" data-testid={testId} data-state={state}>
          {tm(lang, 'rulesNone')}
        </p>
        {out}
      </>
    )
  return (
    <>
      <table className="state-rules" data-testid={testId} data-state={state}>
        <caption>{tm(lang, 'rulesCaption', { state })}</caption>
        <thead>
          <tr>
            <th scope="col">{tm(lang, 'rulesCommand')}</th>
            <th scope="col">{tm(lang, 'rulesAnswer')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.command} className={r.accepted ? 'accepted' : 'refused'} data-command={r.command} data-accepted={r.accepted}>
              <th scope="row">
                <code>{r.command}</code>
              </th>
              <td>
                {r.accepted ? (
                  tm(lang, 'rulesAccepted')
                ) : (
                  <>
                    <code>{r.code}</code> <span className="muted">{r.rfc}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {out}
    </>
  )
}
