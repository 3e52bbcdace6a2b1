// The wire panel's content for the step on screen: the payload as text (CR and LF made visible), then the
// packet under it (PacketView: the IP and TCP/UDP headers, and the whole packet in hex on demand).
import { tp } from '../../content/packet'
import type { Step } from '../../model'
import { usePlayer } from '../../store/context'
import PacketView from './PacketView'

/** Characters of a step shown in the panel. */
const WIRE_SHOWN = 16_384

/** Wire bytes with CR and LF made visible, one entry per line. */
export function visibleLines(bytes: string): { text: string; cr: boolean; lf: boolean }[] {
  const out: { text: string; cr: boolean; lf: boolean }[] = []
  const re = /([^\r\n]*)(\r?)(\n?)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(bytes)) !== null && m[0] !== '') out.push({ text: m[1] ?? '', cr: m[2] === '\r', lf: m[3] === '\n' })
  return out
}

export default function WireBody({ step }: { readonly step: Step }) {
  const lang = usePlayer((s) => s.lang)
  const hex = usePlayer((s) => s.hex)
  // The eavesdropper sees no plaintext inside TLS records.
  const sealed = usePlayer((s) => s.view === 'eavesdropper')
  // The packet's numbering (IP identification) counts every step of the lesson, shown or not (layers=).
  const whole = usePlayer((s) => s.base?.timeline)
  const index = usePlayer((s) => (s.step > 0 ? (s.lesson?.origin?.[s.step - 1] ?? s.step - 1) : -1))
  // A 1 MB pasted line is shown by its start: the rest would take the page seconds to lay out.
  const bytes = step.bytes.length > WIRE_SHOWN ? step.bytes.slice(0, WIRE_SHOWN) : step.bytes
  const cut = step.bytes.length - bytes.length
  return (
    <>
      {step.tls ? <p className="tls-note">{tp(lang, 'encryptedRecord', { octets: step.tls.recordOctets })}</p> : null}
      {step.layer === 'tls' ? <p className="tls-note">{tp(lang, 'tlsHandshakeBytes', { octets: step.tcp?.len ?? 0 })}</p> : null}
      {sealed && step.tls ? (
        <p className="muted">{tp(lang, 'sealed')}</p>
      ) : step.bytes === '' ? (
        step.layer === 'tls' ? (
          <ul className="tls-messages">
            {step.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{tp(lang, 'noPayload')}</p>
        )
      ) : step.layer === 'dns' ? (
        // A DNS message is binary (RFC 1035 §4.1): its question and answers, decoded; the octets in the packet's hex.
        <ul className="tls-messages">
          {step.lines.map((l, i) => (
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
      {cut > 0 && !(sealed && step.tls) ? (
        <p className="muted" data-testid="wire.cut">
          {tp(lang, 'wireCut', { n: cut.toLocaleString(lang) })}
        </p>
      ) : null}
      {whole && (step.tcp || step.udp) ? <PacketView lang={lang} steps={whole.steps} index={index} actors={whole.actors} hex={hex} /> : null}
    </>
  )
}
