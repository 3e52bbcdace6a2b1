import { tm } from '../../content/modes'
import { deliveryView } from '../../lessons/delivery'
import { useLesson, usePlayer } from '../../store/context'

/** After the server accepted a message: where it went (a mailbox, or the queue for relay), the envelope next to the
 *  header a mail program shows, and the trace lines each copy really carries (RFC 5321 §4.4). */
export default function DeliveryPanel() {
  const step = usePlayer((s) => s.step)
  const lang = usePlayer((s) => s.lang)
  const lesson = useLesson()
  const delivery = [...(lesson?.timeline.delivered ?? [])].reverse().find((d) => d.at < step)
  if (!delivery) return null
  const m = delivery.message
  const view = deliveryView(m, lang)
  return (
    <section className="panel delivery-panel" aria-labelledby="delivery-title" data-testid="delivery" data-kind={view.kind}>
      <h2 id="delivery-title">{view.title}</h2>
      <ul className="delivery-outcomes" data-testid="delivery.outcome">
        {view.outcomes.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      <div className="delivery-grid">
        <div>
          <h3>{tm(lang, 'envelope')}</h3>
          <dl>
            <dt>MAIL FROM</dt>
            <dd>
              <code>{`<${m.reversePath}>`}</code>
            </dd>
            {m.recipients.map((r) => (
              <div key={r} className="pair">
                <dt>RCPT TO</dt>
                <dd>
                  <code>{`<${r}>`}</code>
                  {view.notInHeader.includes(r) ? <span className="badge">{tm(lang, 'notInHeader')}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>{tm(lang, 'header')}</h3>
          <dl>
            {view.header.map((f, i) => (
              <div key={`${f.name}${i}`} className="pair">
                <dt>{f.name[0]?.toUpperCase() + f.name.slice(1).toLowerCase()}:</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      {view.traces.map((t) => (
        <div key={t.kind}>
          <h3>{t.label}</h3>
          <pre className="trace" data-testid={`delivery.trace-${t.kind}`}>
            {t.fields.map((f) => `${f.name}: ${f.value}`).join('\n')}
          </pre>
        </div>
      ))}
    </section>
  )
}
