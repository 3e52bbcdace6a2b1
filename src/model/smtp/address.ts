// Paths of MAIL FROM / RCPT TO, parsed as RFC 5321 §4.1.2 writes them.

export type PathResult =
  | { readonly ok: true; readonly address: string; readonly local: string; readonly domain: string; readonly params: string }
  | { readonly ok: false; readonly reason: 'syntax' | 'too-long' | 'no-brackets' }

// atext of RFC 5322 §3.2.3, used by Dot-string (RFC 5321 §4.1.2).
const ATOM = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+"
const DOT_STRING = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`)
// Quoted-string: printable ASCII except " and \, or a quoted pair (RFC 5321 §4.1.2).
const QUOTED = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/
// Let-dig [Ldh-str] sub-domains (RFC 5321 §4.1.2).
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/
const IPV4_LITERAL = /^\[(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\]$/
const OTHER_LITERAL = /^\[[A-Za-z0-9-]*[A-Za-z0-9]:[\x21-\x5a\x5e-\x7e]+\]$/

/** RFC 5321 §4.5.3.1.1–3: local-part 64, domain 255, path 256 octets. */
export const LIMITS = { localPart: 64, domain: 255, path: 256 } as const

export function isDomain(d: string): boolean {
  return DOMAIN.test(d) || IPV4_LITERAL.test(d) || OTHER_LITERAL.test(d)
}

/**
 * Parses what follows `FROM:` or `TO:`: `<path> [params]`.
 * `allowNull` accepts `<>` (the null reverse-path, RFC 5321 §4.5.5).
 * `allowPostmaster` accepts `<Postmaster>` without a domain (RFC 5321 §4.1.1.3).
 */
export function parsePath(arg: string, opts: { allowNull?: boolean; allowPostmaster?: boolean } = {}): PathResult {
  // RFC 5321 §3.3: no space is permitted on either side of the colon, so the path starts right here.
  if (!arg.startsWith('<')) return { ok: false, reason: 'no-brackets' }
  const close = findClosingBracket(arg)
  if (close < 0) return { ok: false, reason: 'syntax' }
  const inner = arg.slice(1, close)
  const rest = arg.slice(close + 1)
  if (rest !== '' && !rest.startsWith(' ')) return { ok: false, reason: 'syntax' }
  const params = rest.trim()
  if (close + 1 > LIMITS.path) return { ok: false, reason: 'too-long' }
  if (inner === '') {
    return opts.allowNull ? { ok: true, address: '', local: '', domain: '', params } : { ok: false, reason: 'syntax' }
  }
  if (opts.allowPostmaster && inner.toLowerCase() === 'postmaster') {
    return { ok: true, address: inner, local: inner, domain: '', params }
  }
  // A source route (`@a,@b:`) is obsolete; RFC 5321 §4.1.2 says servers SHOULD ignore it.
  const mailbox = inner.replace(/^@[^:]*:/, '')
  const at = mailbox.lastIndexOf('@')
  if (at <= 0) return { ok: false, reason: 'syntax' }
  const local = mailbox.slice(0, at)
  const domain = mailbox.slice(at + 1)
  if (!DOT_STRING.test(local) && !QUOTED.test(local)) return { ok: false, reason: 'syntax' }
  if (!isDomain(domain)) return { ok: false, reason: 'syntax' }
  if (local.length > LIMITS.localPart || domain.length > LIMITS.domain) return { ok: false, reason: 'too-long' }
  return { ok: true, address: `${local}@${domain}`, local, domain, params }
}

function findClosingBracket(s: string): number {
  let quoted = false
  for (let i = 1; i < s.length; i++) {
    const c = s[i]
    if (quoted && c === '\\') {
      i++
      continue
    }
    if (c === '"') quoted = !quoted
    else if (!quoted && c === '>') return i
  }
  return -1
}

/** ESMTP parameters `KEY=value KEY` (RFC 5321 §4.1.2 Mail-parameters). */
export function parseParams(s: string): { key: string; value: string | null }[] | null {
  if (s === '') return []
  const out: { key: string; value: string | null }[] = []
  for (const part of s.split(/ +/)) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:=([\x21-\x3c\x3e-\x7e]+))?$/.exec(part)
    if (!m) return null
    out.push({ key: (m[1] ?? '').toUpperCase(), value: m[2] ?? null })
  }
  return out
}
