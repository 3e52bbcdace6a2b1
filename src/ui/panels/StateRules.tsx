// The SMTP rules table for the state on screen: which commands the server takes now, and the reply that
// refuses the others. It is the very table the engine checks its sequence with (model/smtp/rules.ts).
import { tm } from '../../content/modes'
import type { Lang } from '../../content/types'
import { smtpCommandsIn } from '../../model/smtp/rules'
import type { SmtpState } from '../../model/smtp/command'

export default function StateRules({ state, lang }: { state: string; lang: Lang }) {
  const rules = smtpCommandsIn(state as SmtpState)
  if (rules.length === 0) return <p className="muted">{tm(lang, 'rulesNone')}</p>
  return (
    <table className="state-rules" data-testid="state.rules" data-state={state}>
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
  )
}
