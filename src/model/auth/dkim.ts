// DKIM, RFC 6376: rsa-sha256 signing and verifying with relaxed (and simple) canonicalization, the key looked up
// in the DNS as TXT <selector>._domainkey.<domain> (§3.6.2). Pure and synchronous; RSA is ./rsa.ts (BigInt).
import type { DnsAnswer, DnsQuestion } from '../dns/zone'
import { normalizeName } from '../dns/zone'
import { base64ToBytes, bytesToBase64, privateKeyFromPem, publicKeyFromDer, rsaSign, rsaVerify, sha256Bytes, subjectPublicKeyInfo } from './rsa'

export interface DkimKey {
  readonly domain: string
  readonly selector: string
  readonly privateKeyPem: string
}

export interface DkimSignOptions {
  /** Header fields to sign, in h= order; names absent from the message are left out. Default From:To:Subject:Date:Message-ID. */
  headers?: string[]
  /** t= (seconds since 1970). */
  time?: number
  /** i= (the agent or user identifier, RFC 6376 §3.5), e.g. `@example.com`. */
  identity?: string
  /** Adds q=dns/txt (its default, §3.5). */
  queryMethod?: boolean
  /** What stands between the names in h=; RFC 6376 allows FWS around the colons (RFC 8463 A.3 writes " : "). */
  separator?: string
}

export type DkimResult = 'pass' | 'fail' | 'neutral' | 'none' | 'permerror' | 'temperror'

export interface DkimOutcome {
  result: DkimResult
  domain?: string
  selector?: string
  /** 'body hash did not verify' etc. (RFC 6376 §6.1 wording). */
  reason?: string
  queries: DnsAnswer[]
  rfc: string
}

export const DEFAULT_SIGNED_HEADERS = ['From', 'To', 'Subject', 'Date', 'Message-ID'] as const

// ------------------------------------------------------------------------------------------------ message text

/** Every line end as CRLF (RFC 5322 §2.1), so that a message typed with LF signs and verifies the same. */
export function toCrlf(message: string): string {
  return String(message ?? '').replace(/\r\n|\r|\n/g, '\r\n')
}

interface HeaderField {
  /** The name as written. */
  name: string
  /** The whole field, folding kept, without its final CRLF. */
  raw: string
}

function splitMessage(message: string): { fields: HeaderField[]; body: string } {
  const m = toCrlf(message)
  const end = m.startsWith('\r\n') ? 0 : m.indexOf('\r\n\r\n')
  const head = end < 0 ? m : m.slice(0, end)
  const body = end < 0 ? '' : m.slice(end === 0 ? 2 : end + 4)
  const fields: HeaderField[] = []
  for (const line of head === '' ? [] : head.split('\r\n')) {
    const last = fields[fields.length - 1]
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) last.raw += '\r\n' + line
    else fields.push({ name: line.includes(':') ? line.slice(0, line.indexOf(':')).trim() : line, raw: line })
  }
  return { fields, body }
}

/** §3.4.2 relaxed header: name in lower case, unfolded, runs of WSP → one SP, no WSP at the ends of the value or around the colon. */
function relaxedHeader(raw: string): string {
  const colon = raw.indexOf(':')
  const name = (colon < 0 ? raw : raw.slice(0, colon)).trim().toLowerCase()
  const value = (colon < 0 ? '' : raw.slice(colon + 1))
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()
  return `${name}:${value}\r\n`
}

/** §3.4.1 simple header: the field exactly as it is. */
const simpleHeader = (raw: string): string => raw + '\r\n'

/** §3.4.4 relaxed body: WSP runs → one SP, none at line ends, no empty lines at the end, a final CRLF if not empty. */
export function relaxedBody(body: string): string {
  const lines = toCrlf(body)
    .split('\r\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''))
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines.length === 0 ? '' : lines.join('\r\n') + '\r\n'
}

/** §3.4.3 simple body: empty lines at the end removed, then one CRLF (an empty body is a lone CRLF). */
function simpleBody(body: string): string {
  let b = toCrlf(body)
  while (b.endsWith('\r\n\r\n')) b = b.slice(0, -2)
  if (b === '' || !b.endsWith('\r\n')) b += '\r\n'
  return b
}

/** bh= of a message (or of a body alone when it has no header), relaxed canonicalization, SHA-256 (§3.7). */
export function bodyHash(message: string): string {
  return bytesToBase64(sha256Bytes(relaxedBody(splitMessage(message).body)))
}

/** §5.4.2: each name in h= takes the last unused field of that name, from the bottom; a missing one adds nothing. */
function selectFields(fields: HeaderField[], names: string[]): HeaderField[] {
  const used = new Set<number>()
  const out: HeaderField[] = []
  for (const n of names) {
    const want = n.trim().toLowerCase()
    for (let i = fields.length - 1; i >= 0; i--) {
      if (!used.has(i) && fields[i]!.name.toLowerCase() === want) {
        used.add(i)
        out.push(fields[i]!)
        break
      }
    }
  }
  return out
}

/** The DKIM-Signature field with the value of its b= tag removed (§3.7), folding untouched. */
function withoutB(raw: string): string {
  const colon = raw.indexOf(':')
  return raw.slice(0, colon + 1) + raw.slice(colon + 1).replace(/(^|;)([ \t\r\n]*b[ \t\r\n]*=)[^;]*/, '$1$2')
}

/** The octets the signature covers (§3.7): the selected fields, then the DKIM-Signature field without b= value and without its CRLF. */
function signedData(fields: HeaderField[], names: string[], sigRaw: string, canon: (raw: string) => string): string {
  const head = selectFields(fields, names).map((f) => canon(f.raw))
  return head.join('') + canon(withoutB(sigRaw)).replace(/\r\n$/, '')
}

// ------------------------------------------------------------------------------------------------ tag lists

/** tag-list (§3.2): `name=value` separated by ";"; null on a syntax error or a repeated tag. */
function parseTags(text: string): Map<string, string> | null {
  const tags = new Map<string, string>()
  const parts = text.split(';')
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!.replace(/\r\n/g, '').trim()
    if (part === '') {
      if (i === parts.length - 1) continue // a trailing ";" is allowed
      return null
    }
    const m = /^([A-Za-z][A-Za-z0-9_]*)[ \t]*=[ \t]*([\s\S]*)$/.exec(part)
    if (!m || tags.has(m[1]!)) return null
    tags.set(m[1]!, m[2]!.trim())
  }
  return tags
}

// ------------------------------------------------------------------------------------------------ signing

/** Folds `tokens` into lines of at most 76 characters, continuation lines starting with one space (RFC 5322 §2.2.3). */
function fold(first: string, tokens: string[]): string {
  const lines: string[] = [first]
  for (const t of tokens) {
    const cur = lines[lines.length - 1]!
    if (cur.length + 1 + t.length <= 76 || cur.trim() === '') lines[lines.length - 1] = cur + ' ' + t
    else lines.push(' ' + t)
  }
  return lines.join('\r\n')
}

/**
 * The DKIM-Signature header field (folded, CRLF-joined, no trailing CRLF) to put on top of `message` (header, blank
 * line, body): v=1, a=rsa-sha256, c=relaxed/relaxed, d=, s=, t= if given, h=, bh= (§3.4.4, §3.7), b= (§3.5).
 * Deterministic (PKCS#1 v1.5, RFC 8017 §8.2). A key that cannot be read leaves b= empty, which no verifier accepts.
 */
export function dkimSign(message: string, key: DkimKey, options: DkimSignOptions = {}): string {
  const { fields, body } = splitMessage(message)
  const present = new Set(fields.map((f) => f.name.toLowerCase()))
  const names = (options.headers ?? [...DEFAULT_SIGNED_HEADERS]).filter((n) => present.has(n.trim().toLowerCase()))
  const tags = [
    'v=1;',
    'a=rsa-sha256;',
    'c=relaxed/relaxed;',
    `d=${normalizeName(key.domain)};`,
    ...(options.identity !== undefined ? [`i=${options.identity};`] : []),
    ...(options.queryMethod ? ['q=dns/txt;'] : []),
    `s=${key.selector};`,
    ...(options.time !== undefined && Number.isFinite(options.time) ? [`t=${Math.floor(options.time)};`] : []),
    // h= may be folded after a colon: one token per name keeps every line short.
    ...hTokens(names, options.separator ?? ':'),
    `bh=${bytesToBase64(sha256Bytes(relaxedBody(body)))};`,
    'b=',
  ]
  const unsigned = fold('DKIM-Signature:', tags)
  const privateKey = privateKeyFromPem(key.privateKeyPem)
  const signature = privateKey ? rsaSign(privateKey, new TextEncoder().encode(signedData(fields, names, unsigned, relaxedHeader))) : null
  if (!signature) return unsigned
  const b64 = bytesToBase64(signature)
  const lastLine = unsigned.slice(unsigned.lastIndexOf('\n') + 1)
  const chunks: string[] = []
  let room = Math.max(8, 76 - lastLine.length)
  for (let i = 0; i < b64.length;) {
    chunks.push(b64.slice(i, i + room))
    i += room
    room = 75
  }
  return unsigned + chunks.join('\r\n ')
}

function hTokens(names: string[], separator: string): string[] {
  const sep = separator.trim() === ':' ? separator : ':'
  const text = 'h=' + names.join(sep) + ';'
  // Break only where the separator has spaces; otherwise keep h= as one token.
  return sep.includes(' ') ? text.split(' ').filter((t) => t !== '') : [text]
}

/** The b= value (base64) that `privateKeyPem` gives for a DKIM-Signature field written in full but with `b=` empty, over `message`; null if the key cannot be read. */
export function dkimSignatureFor(message: string, field: string, privateKeyPem: string): string | null {
  const { fields } = splitMessage(message)
  const tags = parseTags(field.slice(field.indexOf(':') + 1))
  const key = privateKeyFromPem(privateKeyPem)
  if (!tags || !key) return null
  const canon = (tags.get('c') ?? 'simple').split('/')[0] === 'relaxed' ? relaxedHeader : simpleHeader
  const names = (tags.get('h') ?? '').split(':')
  const signature = rsaSign(key, new TextEncoder().encode(signedData(fields, names, toCrlf(field), canon)))
  return signature ? bytesToBase64(signature) : null
}

/** The TXT record text that publishes the public half of `privateKeyPem` (§3.6.1): `v=DKIM1; k=rsa; p=<SubjectPublicKeyInfo>`. A key that cannot be read gives an empty p= (a revoked key, §3.6.1). */
export function dkimRecord(privateKeyPem: string): string {
  const key = privateKeyFromPem(privateKeyPem)
  return `v=DKIM1; k=rsa; p=${key ? bytesToBase64(subjectPublicKeyInfo(key)) : ''}`
}

// ------------------------------------------------------------------------------------------------ verifying

const outcome = (result: DkimResult, rfc: string, queries: DnsAnswer[], extra: Partial<DkimOutcome> = {}): DkimOutcome => ({ result, queries, rfc, ...extra })

function verifyOne(fields: HeaderField[], body: string, sig: HeaderField, lookup: (q: DnsQuestion) => DnsAnswer, queries: DnsAnswer[]): DkimOutcome {
  const tags = parseTags(sig.raw.slice(sig.raw.indexOf(':') + 1))
  if (!tags) return outcome('neutral', 'RFC 6376 §3.2, §6.1.1; RFC 8601 §2.7.1', queries, { reason: 'signature syntax error' })
  const domain = normalizeName(tags.get('d') ?? '')
  const selector = tags.get('s') ?? ''
  const who = { ...(domain ? { domain } : {}), ...(selector ? { selector } : {}) }
  const neutral = (reason: string, rfc = 'RFC 6376 §6.1.1; RFC 8601 §2.7.1') => outcome('neutral', rfc, queries, { ...who, reason })
  for (const t of ['v', 'a', 'b', 'bh', 'd', 'h', 's']) if (!tags.has(t)) return neutral(`signature missing required tag (${t}=)`)
  if (tags.get('v') !== '1') return neutral('incompatible version')
  const algorithm = (tags.get('a') ?? '').toLowerCase()
  if (algorithm !== 'rsa-sha256') return neutral(`signature algorithm not supported (${algorithm})`, 'RFC 6376 §6.1.1, RFC 8301 §3.1, RFC 8463')
  const [hc = 'simple', bc = 'simple', extra] = (tags.get('c') ?? 'simple/simple').toLowerCase().split('/')
  if (extra !== undefined || !['simple', 'relaxed'].includes(hc) || !['simple', 'relaxed'].includes(bc)) return neutral('unknown canonicalization')
  const identity = tags.get('i')
  if (identity !== undefined) {
    const idDomain = normalizeName(identity.slice(identity.lastIndexOf('@') + 1))
    if (!identity.includes('@') || (idDomain !== domain && !idDomain.endsWith('.' + domain))) return neutral('domain mismatch (i= is not within d=)')
  }
  const names = (tags.get('h') ?? '').split(':').map((n) => n.trim())
  if (!names.some((n) => n.toLowerCase() === 'from')) return neutral('From field not signed')
  const q = tags.get('q')
  if (q !== undefined && !q.split(':').some((m) => m.trim().toLowerCase() === 'dns/txt')) return neutral('query method not supported')
  if (!domain || !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(selector)) return neutral('signature syntax error (d= or s=)')

  // §6.1.2: get the public key.
  const name = `${selector}._domainkey.${domain}`
  let answer: DnsAnswer
  try {
    answer = lookup({ name, type: 'TXT' })
  } catch {
    answer = { question: { name, type: 'TXT' }, rcode: 'SERVFAIL', answers: [], rfc: 'RFC 1035 §4.1.1 (RCODE 2)' }
  }
  queries.push(answer)
  if (answer.rcode === 'SERVFAIL') return outcome('temperror', 'RFC 6376 §6.1.2 (key unavailable: TEMPFAIL)', queries, { ...who, reason: 'key unavailable' })
  const texts = answer.answers.flatMap((r) => (r.type === 'TXT' ? [r.text] : []))
  if (texts.length === 0) return outcome('permerror', 'RFC 6376 §6.1.2 (no key for signature: PERMFAIL)', queries, { ...who, reason: 'no key for signature' })
  const keyTags = parseTags(texts[0] ?? '')
  const perm = (reason: string, rfc = 'RFC 6376 §6.1.2, §3.6.1') => outcome('permerror', rfc, queries, { ...who, reason })
  if (!keyTags) return perm('key syntax error')
  if (keyTags.has('v') && keyTags.get('v') !== 'DKIM1') return perm('key syntax error (v=)')
  if ((keyTags.get('k') ?? 'rsa').toLowerCase() !== 'rsa') return perm('inappropriate key algorithm')
  const hashes = keyTags.get('h')
  if (hashes !== undefined && !hashes.split(':').some((h) => h.trim().toLowerCase() === 'sha256')) return perm('inappropriate hash algorithm')
  const p = (keyTags.get('p') ?? '').replace(/\s+/g, '')
  if (p === '') return perm('key revoked')
  const der = base64ToBytes(p)
  const key = der ? publicKeyFromDer(der) : null
  if (!key) return perm('key syntax error')
  // RFC 8301 §3.2: keys under 1024 bits are not accepted; beyond 4096 bits is more than verifiers must handle.
  if (key.bits < 1024 || key.bits > 4096 || key.e < 3n || key.e > 0xffffffffn) return perm(`key size not accepted (${key.bits} bits)`, 'RFC 8301 §3.2')
  const flags = (keyTags.get('t') ?? '').split(':').map((f) => f.trim())
  if (flags.includes('s') && identity !== undefined && normalizeName(identity.slice(identity.lastIndexOf('@') + 1)) !== domain)
    return perm('domain mismatch (t=s)')

  // §6.1.3: the body hash first, then the signature.
  let canonicalBody = bc === 'relaxed' ? relaxedBody(body) : simpleBody(body)
  const l = tags.get('l')
  if (l !== undefined) {
    if (!/^\d{1,76}$/.test(l)) return neutral('signature syntax error (l=)')
    canonicalBody = canonicalBody.slice(0, Number(l))
  }
  const bh = (tags.get('bh') ?? '').replace(/\s+/g, '')
  if (bytesToBase64(sha256Bytes(canonicalBody)) !== bh)
    return outcome('fail', 'RFC 6376 §6.1.3 (body hash did not verify)', queries, { ...who, reason: 'body hash did not verify' })
  const b = base64ToBytes(tags.get('b') ?? '')
  if (!b || b.length === 0) return neutral('signature syntax error (b=)')
  const data = signedData(fields, names, sig.raw, hc === 'relaxed' ? relaxedHeader : simpleHeader)
  if (!rsaVerify(key, new TextEncoder().encode(data), b))
    return outcome('fail', 'RFC 6376 §6.1.3; RFC 8017 §8.2.2 (signature did not verify)', queries, { ...who, reason: 'signature did not verify' })
  return outcome('pass', 'RFC 6376 §6.1.3; RFC 8601 §2.7.1', queries, who)
}

/** Every DKIM-Signature of the message, top first, each verified on its own. */
export function dkimVerifyAll(message: string, lookup: (q: DnsQuestion) => DnsAnswer): DkimOutcome[] {
  const { fields, body } = splitMessage(message)
  return fields.filter((f) => f.name.toLowerCase() === 'dkim-signature').map((sig) => verifyOne(fields, body, sig, lookup, []))
}

/**
 * Verifies the message's DKIM-Signature: body hash, then the signature with the key from TXT
 * `<selector>._domainkey.<domain>` (p= SubjectPublicKeyInfo, k=rsa). With several signatures, the first that passes
 * wins (RFC 6376 §6.1: one good signature is enough); otherwise the first whose algorithm this engine knows, else the
 * first. `queries` holds every key lookup made. No signature: none (RFC 8601 §2.7.1).
 */
export function dkimVerify(message: string, lookup: (q: DnsQuestion) => DnsAnswer): DkimOutcome {
  const all = dkimVerifyAll(message, lookup)
  const queries = all.flatMap((o) => o.queries)
  if (all.length === 0) return outcome('none', 'RFC 8601 §2.7.1 (the message was not signed)', queries, { reason: 'no signature' })
  const pick = all.find((o) => o.result === 'pass') ?? all.find((o) => !o.reason?.startsWith('signature algorithm not supported')) ?? all[0]!
  return { ...pick, queries }
}
