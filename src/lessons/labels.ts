// How a step and an actor read, in words: the diagram's arrows, the print page, and the exports (SVG, Mermaid)
// share these, so a label reads the same on screen and on a slide.
import type { Actor, ReplyClass, Step } from '../model'
import { wireLabel } from '../model/label'
import { t } from '../content/ui'
import type { Lang } from '../content/types'

/** Characters of a line on an arrow; a 1 MB pasted line shows its start. */
const LABEL_MAX = 200
/** Characters of a DNS answer on an arrow. */
const DNS_LABEL_MAX = 44
const clip = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX)}…` : s)

/** The arrow's text: always starts with the line on the wire (CONTRACT.md §2 `message`). */
export function arrowLabel(step: Step, lang: Lang): string {
  if (step.layer === 'tcp' || step.layer === 'tls') return wireLabel(step)
  if (step.layer === 'dns') {
    // A TXT answer (a DKIM key) is long: the arrow shows its start; the wire panel shows it all.
    const head = wireLabel(step)
    const short = head.length > DNS_LABEL_MAX ? `${head.slice(0, DNS_LABEL_MAX)}…` : head
    return step.lines.length > 1 ? `${short} (${t(lang, 'moreLines', { n: step.lines.length - 1 })})` : short
  }
  const first = clip(wireLabel(step))
  if (step.kind.key === 'body') return `${first} … (${t(lang, 'bodyLines', { n: step.lines.length })})`
  if (step.kind.key === 'pipeline') return clip(step.lines.join(' / '))
  // IMAP's status is the tagged line that ends the response (RFC 9051 §7.1); untagged data comes first.
  if (step.layer === 'imap' && step.kind.key === 'reply' && step.lines.length > 1) {
    return `${clip(step.lines[step.lines.length - 1] ?? '')} (${t(lang, 'moreLines', { n: step.lines.length - 1 })})`
  }
  if (step.lines.length > 1) return `${first} (${t(lang, 'moreLines', { n: step.lines.length - 1 })})`
  return first
}

/** "15 min later" between two steps whose clocks differ. */
export function gapText(seconds: number, lang: Lang): string {
  const span = seconds >= 120 ? t(lang, 'minutes', { n: Math.round(seconds / 60) }) : t(lang, 'seconds', { n: Math.round(seconds) })
  return t(lang, 'later', { t: span })
}

/** Small print under the arrow: the TCP numbers. */
export function arrowDetail(step: Step): string {
  if (step.udp) return `UDP ${step.udp.srcPort} → ${step.udp.dstPort} len=${step.udp.len}`
  const s = step.tcp
  if (!s) return ''
  const ack = s.flags.includes('ACK') ? ` ack=${s.ack}` : ''
  return `seq=${s.seq}${ack}${s.len > 0 ? ` len=${s.len}` : ''}`
}

/** The class that colours a server step: the last reply decides (RFC 5321 §4.2.1). */
export function classOf(step: Step): ReplyClass | undefined {
  return step.replies?.[step.replies.length - 1]?.cls
}

export function actorTitle(a: Actor, lang: Lang, clientCount = 1): string {
  if (a.label) return a.label[lang]
  if (a.role === 'dns') return t(lang, 'dnsServer')
  if (a.role === 'router') return t(lang, 'edgeRouter')
  if (a.role === 'client') {
    if (a.kind === 'mta') return t(lang, 'sendingServer')
    return clientCount > 1 ? t(lang, 'clientN', { id: a.id.toUpperCase() }) : t(lang, 'client')
  }
  switch (a.protocol) {
    case 'smtp':
      return t(lang, 'smtpServer')
    case 'pop3':
      return t(lang, 'pop3Server')
    case 'imap':
      return t(lang, 'imapServer')
    default:
      return t(lang, 'server')
  }
}
