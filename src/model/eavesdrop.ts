// What someone capturing packets on the path reads in a step (the eavesdropper view).
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

/**
 * What a capture on the path reads in a step. Nothing here parses the wire: the engine recorded, on each client
 * line, the credential it carried (step.secret), and on each reply, whether it carried mail (replies[].message).
 */
export function exposureOf(step: Step): Exposure {
  if (step.tls) return { kind: 'encrypted', octets: step.tls.recordOctets }
  if (step.layer === 'tcp' || step.layer === 'tls') return { kind: 'headers-only' }
  if (step.kind.key === 'body' || step.replies?.some((r) => r.message)) return { kind: 'message', lines: step.lines.length }
  const s = step.secret
  if (!s) return { kind: 'plain' }
  switch (s.form) {
    case 'plain':
      return { kind: 'password', ...(s.user !== undefined ? { user: s.user } : {}), password: s.password }
    case 'base64':
      return {
        kind: 'base64',
        encoded: s.encoded,
        decoded: s.decoded,
        ...(s.user !== undefined ? { user: s.user } : {}),
        ...(s.password !== undefined ? { password: s.password } : {}),
      }
    case 'digest':
      return { kind: 'digest', user: s.user, digest: s.digest }
  }
}
