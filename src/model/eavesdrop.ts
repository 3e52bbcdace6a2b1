// What someone capturing packets on the path reads in a step (the eavesdropper view).
import { fromBase64 } from './encoding'
import { parsePlain } from './sasl'
import type { Step } from './session'

export type Exposure =
  /** Inside TLS: only the record length is visible (RFC 8446 §5.2). */
  | { readonly kind: 'encrypted'; readonly octets: number }
  /** A password (and user name) in plain text: POP3 PASS, IMAP LOGIN. */
  | { readonly kind: 'password'; readonly user?: string; readonly password: string }
  /** Credentials in base64: SMTP AUTH PLAIN/LOGIN, IMAP/POP3 AUTHENTICATE PLAIN. Decoding takes one click. */
  | { readonly kind: 'base64'; readonly encoded: string; readonly decoded: string; readonly user?: string; readonly password?: string }
  /** APOP: the password is not on the wire, but the digest and the timestamp are (offline guessing). */
  | { readonly kind: 'digest'; readonly user: string; readonly digest: string }
  /** Mail content in plain text (DATA, RETR, FETCH bodies). */
  | { readonly kind: 'message'; readonly lines: number }
  /** Protocol lines anyone on the path reads, but nothing secret. */
  | { readonly kind: 'plain' }
  /** TCP control segments and TLS handshake records: addresses, ports, flags. */
  | { readonly kind: 'headers-only' }

const plainParts = (decoded: string) => {
  const c = parsePlain(decoded)
  return c ? { user: c.authcid, password: c.passwd } : {}
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') && s.length >= 2 ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s
}

export function exposureOf(step: Step): Exposure {
  if (step.tls) return { kind: 'encrypted', octets: step.tls.recordOctets }
  if (step.layer === 'tcp' || step.layer === 'tls') return { kind: 'headers-only' }
  const line = step.lines[0] ?? ''
  const k = step.kind
  if (k.key === 'body') return { kind: 'message', lines: step.lines.length }
  if (k.key === 'reply' && step.lines.length > 3 && (/^\+OK/.test(line) || /^\* \d+ FETCH .*\{\d+\}$/.test(line))) {
    return { kind: 'message', lines: step.lines.length }
  }
  if (k.key !== 'command') return { kind: 'plain' }
  const words = line.split(' ')
  const upper = (i: number) => (words[i] ?? '').toUpperCase()
  switch (step.layer) {
    case 'pop3':
      if (upper(0) === 'PASS') return { kind: 'password', password: line.slice(5) }
      if (upper(0) === 'APOP') return { kind: 'digest', user: words[1] ?? '', digest: words[2] ?? '' }
      if (upper(0) === 'AUTH' && upper(1) === 'PLAIN' && words[2]) return b64(words[2])
      if (k.command === 'sasl-response') return b64(line.trim())
      return { kind: 'plain' }
    case 'imap':
      if (upper(1) === 'LOGIN') return { kind: 'password', user: unquote(words[2] ?? ''), password: unquote(words.slice(3).join(' ')) }
      if (upper(1) === 'AUTHENTICATE' && words[3]) return b64(words[3])
      if (k.command === 'sasl-response') return b64(line.trim())
      return { kind: 'plain' }
    case 'smtp':
      if (upper(0) === 'AUTH' && words[2]) return b64(words[2])
      if (k.command === 'sasl-response') return b64(line.trim())
      return { kind: 'plain' }
  }
}

function b64(encoded: string): Exposure {
  const decoded = fromBase64(encoded)
  if (decoded === null) return { kind: 'plain' }
  return { kind: 'base64', encoded, decoded, ...plainParts(decoded) }
}
