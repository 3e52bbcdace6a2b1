import { tm } from '../../content/modes'
import { useLesson, usePlayer } from '../../store/context'

/** Header fields of an RFC 5322 message (unfolded), by lower-case name. */
function headerFields(content: string): { name: string; value: string }[] {
  const head = content.split('\r\n\r\n')[0] ?? ''
  return head
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')
    .flatMap((l) => {
      const i = l.indexOf(':')
      return i > 0 ? [{ name: l.slice(0, i), value: l.slice(i + 1).trim() }] : []
    })
}

/** After a delivery: the envelope next to the header a mail program shows, and the trace lines. */
export default function DeliveryPanel() {
  const step = usePlayer((s) => s.step)
  const lang = usePlayer((s) => s.lang)
  const lesson = useLesson()
  const delivery = [...(lesson?.timeline.delivered ?? [])].reverse().find((d) => d.at < step)
  if (!delivery) return null
  const m = delivery.message
  const fields = headerFields(m.content)
  const get = (n: string) => fields.filter((f) => f.name.toLowerCase() === n).map((f) => f.value)
  const shown = ['from', 'to', 'cc', 'subject']
  const headerText = fields
    .filter((f) => shown.includes(f.name.toLowerCase()) && !['return-path', 'received'].includes(f.name.toLowerCase()))
    .map((f) => f.value)
    .join(' ')
    .toLowerCase()
  return (
    <section className="panel delivery-panel" aria-labelledby="delivery-title" data-testid="delivery">
      <h2 id="delivery-title">{tm(lang, 'deliveryTitle')}</h2>
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
                  {headerText.includes(r.toLowerCase()) ? null : <span className="badge">{tm(lang, 'notInHeader')}</span>}
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>{tm(lang, 'header')}</h3>
          <dl>
            {shown.flatMap((n) =>
              get(n).map((v, i) => (
                <div key={`${n}${i}`} className="pair">
                  <dt>{n[0]?.toUpperCase() + n.slice(1)}:</dt>
                  <dd>{v}</dd>
                </div>
              )),
            )}
          </dl>
        </div>
      </div>
      <h3>{tm(lang, 'trace')}</h3>
      <pre className="trace">
        {fields
          .filter((f) => ['return-path', 'received'].includes(f.name.toLowerCase()))
          .map((f) => `${f.name}: ${f.value}`)
          .join('\n')}
      </pre>
    </section>
  )
}
