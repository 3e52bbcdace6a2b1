import { t } from '../../content/ui'
import { useCurrentStep, usePlayer, usePlayerStore } from '../../store/context'
import { hexDump, visibleLines } from '../format'

/** Characters of a step shown in the panel. */
const WIRE_SHOWN = 16_384

/** The exact bytes of the step, CR and LF made visible, hex on demand, and the TCP header fields. */
export function WirePanel() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const hex = usePlayer((s) => s.hex)
  // The eavesdropper sees no plaintext inside TLS records.
  const sealed = usePlayer((s) => s.view === 'eavesdropper')
  const current = useCurrentStep()
  // A 1 MB pasted line is shown by its start: the rest would take the page seconds to lay out.
  const bytes = current && current.bytes.length > WIRE_SHOWN ? current.bytes.slice(0, WIRE_SHOWN) : (current?.bytes ?? '')
  const cut = (current?.bytes.length ?? 0) - bytes.length
  return (
    <section className="panel wire-panel" aria-labelledby="wire-title">
      <div className="panel-head">
        <h2 id="wire-title">{t(lang, 'wireTitle')}</h2>
        <button type="button" className="toggle" aria-pressed={hex} onClick={() => store.getState().toggleHex()} disabled={!current?.bytes}>
          {t(lang, 'showHex')}
        </button>
      </div>
      {current ? (
        <>
          {current.tcp ? (
            <p className="tcp-fields">
              <span>
                TCP {current.tcp.srcPort} → {current.tcp.dstPort}
              </span>
              <span>[{current.tcp.flags.join(', ')}]</span>
              <span>seq={current.tcp.seq}</span>
              {current.tcp.flags.includes('ACK') ? <span>ack={current.tcp.ack}</span> : null}
              <span>len={current.tcp.len}</span>
            </p>
          ) : current.udp ? (
            <p className="tcp-fields">
              <span>
                UDP {current.udp.srcPort} → {current.udp.dstPort}
              </span>
              <span>len={current.udp.len}</span>
            </p>
          ) : null}
          {current.tls ? <p className="tls-note">{t(lang, 'encryptedRecord', { octets: current.tls.recordOctets })}</p> : null}
          {current.layer === 'tls' ? <p className="tls-note">{t(lang, 'tlsHandshakeBytes', { octets: current.tcp?.len ?? 0 })}</p> : null}
          {sealed && current.tls ? (
            <p className="muted">{t(lang, 'sealed')}</p>
          ) : current.bytes === '' ? (
            current.layer === 'tls' ? (
              <ul className="tls-messages">
                {current.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t(lang, 'noPayload')}</p>
            )
          ) : hex ? (
            <pre className="wire hex" tabIndex={0}>
              {hexDump(bytes, current.layer === 'dns').join('\n')}
            </pre>
          ) : current.layer === 'dns' ? (
            // A DNS message is binary (RFC 1035 §4.1): its question and answers, decoded; the octets under "hex".
            <ul className="tls-messages">
              {current.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          ) : (
            <pre className="wire" tabIndex={0}>
              {visibleLines(bytes).map((l, i) => (
                <span key={i} className="wire-line">
                  {l.text}
                  {l.cr ? (
                    <abbr className="ctl-char" title="carriage return, 0x0D">
                      CR
                    </abbr>
                  ) : null}
                  {l.lf ? (
                    <abbr className="ctl-char" title="line feed, 0x0A">
                      LF
                    </abbr>
                  ) : null}
                  {'\n'}
                </span>
              ))}
            </pre>
          )}
          {cut > 0 && !(sealed && current.tls) ? (
            <p className="muted" data-testid="wire.cut">
              {t(lang, 'wireCut', { n: cut.toLocaleString(lang) })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
