// What IMAP shows of one stored message: header fields, MIME parts, ENVELOPE, BODYSTRUCTURE, sections
// (RFC 9051 §6.4.5, §7.5.2; RFC 5322 §2.2, §3.4; RFC 2045/2046/2183). Pure string work on CRLF text.
import { byteLength } from '../encoding'

export interface HeaderField {
  /** Field name as written. */
  readonly name: string
  /** The field's raw lines, continuation lines and the final CRLF included. */
  readonly raw: string
  /** Unfolded value (RFC 5322 §2.2.3), leading whitespace trimmed. */
  readonly value: string
}

export interface MimeEntity {
  /** Raw header section including the blank line that ends it ('' when there is no header). */
  readonly header: string
  readonly fields: readonly HeaderField[]
  readonly body: string
  readonly type: string
  readonly subtype: string
  /** Content-Type parameters, names and values as written. */
  readonly params: readonly (readonly [string, string])[]
  /** Multipart children (RFC 2046 §5.1). */
  readonly parts: readonly MimeEntity[]
  /** The encapsulated message of a message/rfc822 part (RFC 2046 §5.2.1). */
  readonly message: MimeEntity | null
  /** Content-Type was absent: text/plain; charset=us-ascii by default (RFC 2045 §5.2). */
  readonly defaulted: boolean
}

// ---- IMAP string syntax (RFC 9051 §4.3).

/** A quoted string when possible, else a literal; `{n}` counts octets. */
export function imapString(s: string): string {
  // quoted-specials are escaped; CR, LF, NUL and 8-bit need a literal (RFC 9051 §4.3, §9 QUOTED-CHAR).
  const quotable =
    s.length < 1000 &&
    [...s].every((c) => {
      const code = c.charCodeAt(0)
      return code > 0 && code < 0x80 && c !== '\r' && c !== '\n'
    })
  if (quotable) {
    return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`
  }
  return imapLiteral(s)
}

export function imapLiteral(s: string): string {
  return `{${byteLength(s)}}\r\n${s}`
}

export function nstring(s: string | null | undefined): string {
  return s === null || s === undefined ? 'NIL' : imapString(s)
}

// ---- Header and MIME parsing.

/** Splits at the first empty line; the header keeps that empty line (RFC 9051 §6.4.5 HEADER). */
export function splitMessage(raw: string): { header: string; body: string } {
  if (raw.startsWith('\r\n')) return { header: '\r\n', body: raw.slice(2) }
  const end = raw.indexOf('\r\n\r\n')
  if (end < 0) return { header: raw, body: '' }
  return { header: raw.slice(0, end + 4), body: raw.slice(end + 4) }
}

export function parseFields(header: string): HeaderField[] {
  const fields: { name: string; raw: string }[] = []
  const lines = header.split('\r\n')
  // split leaves '' after each trailing CRLF; they are not lines of their own.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const last = i === lines.length - 1
    if (line === '' && (last || i === lines.length - 2)) continue
    const withEnd = last ? line : `${line}\r\n`
    const prev = fields[fields.length - 1]
    if ((line.startsWith(' ') || line.startsWith('\t')) && prev) {
      prev.raw += withEnd
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    fields.push({ name: line.slice(0, colon).trim(), raw: withEnd })
  }
  return fields.map((f) => {
    const afterColon = f.raw.slice(f.raw.indexOf(':') + 1)
    const value = afterColon
      .replace(/\r\n(?=[ \t])/g, '')
      .replace(/\r\n$/, '')
      .trim()
    return { name: f.name, raw: f.raw, value }
  })
}

export function fieldValue(fields: readonly HeaderField[], name: string): string | null {
  const lower = name.toLowerCase()
  const f = fields.find((x) => x.name.toLowerCase() === lower)
  return f ? f.value : null
}

/** `text/plain; charset="us-ascii"` → type, subtype, params (RFC 2045 §5.1). */
export function parseContentValue(value: string): { value: string; params: [string, string][] } {
  const params: [string, string][] = []
  let i = 0
  const n = value.length
  const skipWs = (): void => {
    while (i < n) {
      const c = value[i]
      if (c === ' ' || c === '\t') i++
      else if (c === '(') {
        // RFC 5322 comments may appear between tokens; nested ones too.
        let depth = 0
        while (i < n) {
          const d = value[i]
          if (d === '\\') i += 2
          else {
            if (d === '(') depth++
            else if (d === ')') depth--
            i++
            if (depth === 0) break
          }
        }
      } else break
    }
  }
  const token = (stop: string): string => {
    const start = i
    while (i < n && !stop.includes(value[i] ?? '')) i++
    return value.slice(start, i).trim()
  }
  skipWs()
  const main = token(';')
  while (i < n) {
    if (value[i] === ';') i++
    skipWs()
    if (i >= n) break
    const name = token('=;')
    if (value[i] !== '=') {
      continue
    }
    i++
    skipWs()
    let v = ''
    if (value[i] === '"') {
      i++
      while (i < n && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < n) i++
        v += value[i]
        i++
      }
      i++
      token(';')
    } else {
      v = token(';')
    }
    if (name) params.push([name, v])
  }
  return { value: main, params }
}

const MAX_DEPTH = 20

export function parseEntity(raw: string, defaultType: 'text/plain' | 'message/rfc822' = 'text/plain', depth = 0): MimeEntity {
  const { header, body } = splitMessage(raw)
  const fields = parseFields(header)
  const ct = fieldValue(fields, 'Content-Type')
  const parsed = ct === null ? null : parseContentValue(ct)
  const [t, s] = (parsed?.value ?? '').split('/')
  const defaulted = parsed === null || !t || !s
  const [dt, ds] = defaultType.split('/') as [string, string]
  const type = defaulted ? dt : (t ?? dt).trim()
  const subtype = defaulted ? ds : (s ?? ds).trim()
  const params: [string, string][] = defaulted ? (defaultType === 'text/plain' ? [['charset', 'us-ascii']] : []) : (parsed?.params ?? [])
  let parts: MimeEntity[] = []
  let message: MimeEntity | null = null
  const lowerType = type.toLowerCase()
  if (depth < MAX_DEPTH && lowerType === 'multipart') {
    const boundary = params.find(([k]) => k.toLowerCase() === 'boundary')?.[1]
    const childDefault = subtype.toLowerCase() === 'digest' ? 'message/rfc822' : 'text/plain'
    parts = boundary ? splitMultipart(body, boundary).map((p) => parseEntity(p, childDefault, depth + 1)) : []
    // BODYSTRUCTURE needs at least one part (RFC 9051 §9 body-type-mpart): a multipart without
    // delimiters shows its body as one text part.
    if (parts.length === 0) parts = [parseEntity(`\r\n${body}`, 'text/plain', depth + 1)]
  } else if (depth < MAX_DEPTH && lowerType === 'message' && subtype.toLowerCase() === 'rfc822') {
    message = parseEntity(body, 'text/plain', depth + 1)
  }
  return { header, fields, body, type, subtype, params, parts, message, defaulted }
}

/** The parts between `--boundary` lines; the CRLF before a delimiter belongs to it (RFC 2046 §5.1.1). */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`
  const parts: string[] = []
  let start = -1
  let pos = 0
  while (pos <= body.length) {
    const lineEnd = body.indexOf('\r\n', pos)
    const end = lineEnd < 0 ? body.length : lineEnd
    const line = body.slice(pos, end)
    if (line.startsWith(delimiter)) {
      const after = line.slice(delimiter.length)
      const closing = after.startsWith('--')
      if (closing || after.trim() === '') {
        if (start >= 0) parts.push(body.slice(start, Math.max(start, pos - 2)))
        if (closing) return parts
        start = lineEnd < 0 ? body.length : lineEnd + 2
      }
    }
    if (lineEnd < 0) break
    pos = lineEnd + 2
  }
  if (start >= 0) parts.push(body.slice(start))
  return parts
}

// ---- Addresses and ENVELOPE (RFC 9051 §7.5.2; RFC 5322 §3.4).

interface Address {
  readonly name: string | null
  readonly mailbox: string | null
  readonly host: string | null
}

function unquote(s: string): string {
  const t = s.trim()
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1')
  return t
}

function stripComments(s: string): string {
  let out = ''
  let depth = 0
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? ''
    if (quoted) {
      out += c
      if (c === '\\' && i + 1 < s.length) out += s[++i]
      else if (c === '"') quoted = false
    } else if (c === '"' && depth === 0) {
      quoted = true
      out += c
    } else if (c === '(') depth++
    else if (c === ')' && depth > 0) depth--
    else if (depth === 0) out += c
  }
  return out
}

function parseMailbox(text: string): Address | null {
  const t = text.trim()
  if (!t) return null
  const lt = t.lastIndexOf('<')
  const gt = t.lastIndexOf('>')
  let name: string | null = null
  let spec: string
  if (lt >= 0 && gt > lt) {
    const display = stripComments(t.slice(0, lt)).trim()
    name = display ? unquote(display) : null
    spec = t.slice(lt + 1, gt)
    // A route (RFC 5322 §4.4 obs-route) before the colon is dropped.
    const colon = spec.lastIndexOf(':')
    if (colon >= 0) spec = spec.slice(colon + 1)
  } else {
    spec = stripComments(t)
  }
  spec = spec.trim()
  const at = spec.lastIndexOf('@')
  if (at < 0) return { name, mailbox: unquote(spec) || null, host: null }
  return { name, mailbox: unquote(spec.slice(0, at)), host: spec.slice(at + 1).trim() }
}

/** Address list as ENVELOPE shows it, or NIL (RFC 9051 §7.5.2 ENVELOPE; groups per RFC 9051 §9 env-*). */
export function envelopeAddresses(value: string | null): string {
  if (value === null) return 'NIL'
  const items: string[] = []
  let cur = ''
  let quoted = false
  let angle = 0
  let comment = 0
  let inGroup = false
  const flush = (): void => {
    const a = parseMailbox(cur)
    if (a) items.push(`(${nstring(a.name)} NIL ${nstring(a.mailbox)} ${nstring(a.host)})`)
    cur = ''
  }
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? ''
    if (quoted) {
      cur += c
      if (c === '\\' && i + 1 < value.length) cur += value[++i]
      else if (c === '"') quoted = false
      continue
    }
    if (comment > 0) {
      cur += c
      if (c === '(') comment++
      else if (c === ')') comment--
      continue
    }
    if (c === '"') quoted = true
    else if (c === '(') comment++
    else if (c === '<') angle++
    else if (c === '>' && angle > 0) angle--
    else if (angle === 0 && c === ',') {
      flush()
      continue
    } else if (angle === 0 && c === ':' && !inGroup) {
      // A group `name: a, b;` shows as (NIL NIL "name" NIL) ... (NIL NIL NIL NIL).
      items.push(`(NIL NIL ${nstring(unquote(stripComments(cur)))} NIL)`)
      cur = ''
      inGroup = true
      continue
    } else if (angle === 0 && c === ';' && inGroup) {
      flush()
      items.push('(NIL NIL NIL NIL)')
      inGroup = false
      continue
    }
    cur += c
  }
  flush()
  if (inGroup) items.push('(NIL NIL NIL NIL)')
  return items.length === 0 ? 'NIL' : `(${items.join('')})`
}

export function envelope(entity: MimeEntity): string {
  const f = entity.fields
  const from = fieldValue(f, 'From')
  const sender = fieldValue(f, 'Sender') ?? from
  const replyTo = fieldValue(f, 'Reply-To') ?? from
  return `(${[
    nstring(fieldValue(f, 'Date')),
    nstring(fieldValue(f, 'Subject')),
    envelopeAddresses(from),
    envelopeAddresses(sender),
    envelopeAddresses(replyTo),
    envelopeAddresses(fieldValue(f, 'To')),
    envelopeAddresses(fieldValue(f, 'Cc')),
    envelopeAddresses(fieldValue(f, 'Bcc')),
    nstring(fieldValue(f, 'In-Reply-To')),
    nstring(fieldValue(f, 'Message-ID')),
  ].join(' ')})`
}

// ---- BODYSTRUCTURE (RFC 9051 §7.5.2, §9 body).

function paramList(params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return 'NIL'
  return `(${params.map(([k, v]) => `${imapString(k)} ${imapString(v)}`).join(' ')})`
}

function lineCount(body: string): number {
  if (body === '') return 0
  const lf = body.split('\n').length - 1
  return body.endsWith('\n') ? lf : lf + 1
}

function disposition(entity: MimeEntity): string {
  const d = fieldValue(entity.fields, 'Content-Disposition')
  if (d === null) return 'NIL'
  const p = parseContentValue(d)
  return `(${imapString(p.value)} ${paramList(p.params)})`
}

function language(entity: MimeEntity): string {
  const l = fieldValue(entity.fields, 'Content-Language')
  if (l === null) return 'NIL'
  const tags = l
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  if (tags.length === 0) return 'NIL'
  return tags.length === 1 ? imapString(tags[0] ?? '') : `(${tags.map(imapString).join(' ')})`
}

/** BODYSTRUCTURE (extensible = true) or BODY (false). */
export function bodyStructure(entity: MimeEntity, extensible: boolean): string {
  const f = entity.fields
  if (entity.type.toLowerCase() === 'multipart') {
    const children = entity.parts.map((p) => bodyStructure(p, extensible)).join('')
    const ext = extensible ? ` ${paramList(entity.params)} ${disposition(entity)} ${language(entity)} ${nstring(fieldValue(f, 'Content-Location'))}` : ''
    return `(${children} ${imapString(entity.subtype)}${ext})`
  }
  const fields = [
    imapString(entity.type),
    imapString(entity.subtype),
    paramList(entity.params),
    nstring(fieldValue(f, 'Content-ID')),
    nstring(fieldValue(f, 'Content-Description')),
    imapString(fieldValue(f, 'Content-Transfer-Encoding') ?? '7bit'),
    String(byteLength(entity.body)),
  ]
  if (entity.message) {
    fields.push(envelope(entity.message), bodyStructure(entity.message, extensible), String(lineCount(entity.body)))
  } else if (entity.type.toLowerCase() === 'text') {
    fields.push(String(lineCount(entity.body)))
  }
  if (extensible) {
    fields.push(nstring(fieldValue(f, 'Content-MD5')), disposition(entity), language(entity), nstring(fieldValue(f, 'Content-Location')))
  }
  return `(${fields.join(' ')})`
}

// ---- Sections (RFC 9051 §6.4.5 BODY[<section>]).

export type SectionText =
  | { readonly kind: 'all' }
  | { readonly kind: 'header' }
  | { readonly kind: 'text' }
  | { readonly kind: 'mime' }
  | { readonly kind: 'fields'; readonly not: boolean; readonly names: readonly string[] }

export interface Section {
  readonly part: readonly number[]
  readonly text: SectionText
}

/** Part `n` of an entity: a multipart's child, the body itself for part 1 of a non-multipart. */
function subpart(entity: MimeEntity, n: number): MimeEntity | null {
  if (entity.type.toLowerCase() === 'multipart') return entity.parts[n - 1] ?? null
  if (entity.message) return subpart(entity.message, n)
  return n === 1 ? entity : null
}

function headerFields(entity: MimeEntity, names: readonly string[], not: boolean): string {
  const wanted = new Set(names.map((x) => x.toLowerCase()))
  const kept = entity.fields.filter((f) => wanted.has(f.name.toLowerCase()) !== not)
  return `${kept.map((f) => (f.raw.endsWith('\r\n') ? f.raw : `${f.raw}\r\n`)).join('')}\r\n`
}

/** The octets a section names: null when the part does not exist, '' for an empty or inapplicable section. */
export function sectionContent(root: MimeEntity, raw: string, section: Section): string | null {
  let target: MimeEntity = root
  let isTop = true
  for (const n of section.part) {
    const next = isTop ? topSubpart(root, n) : subpart(target, n)
    if (!next) return null
    target = next
    isTop = false
  }
  const t = section.text
  if (isTop) {
    switch (t.kind) {
      case 'all':
        return raw
      case 'header':
        return root.header
      case 'text':
        return root.body
      case 'fields':
        return headerFields(root, t.names, t.not)
      case 'mime':
        return ''
    }
  }
  switch (t.kind) {
    case 'all':
      return target.body
    case 'mime':
      return target.header
    // HEADER/TEXT after a part number address the message inside a message/rfc822 part.
    case 'header':
      return target.message ? target.message.header : ''
    case 'text':
      return target.message ? target.message.body : ''
    case 'fields':
      return target.message ? headerFields(target.message, t.names, t.not) : ''
  }
}

function topSubpart(root: MimeEntity, n: number): MimeEntity | null {
  if (root.type.toLowerCase() === 'multipart') return root.parts[n - 1] ?? null
  return n === 1 ? root : null
}

// ---- Dates (RFC 9051 §9 date-time; RFC 5322 §3.3).

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** `"27-Nov-2026 18:03:53 +0000"` parts, or null. */
export interface ImapDate {
  readonly day: number
  readonly month: number // 0-11
  readonly year: number
  readonly time: string // hh:mm:ss
  readonly zone: string // +hhmm
}

export function formatImapDate(d: ImapDate): string {
  return `${String(d.day).padStart(2, ' ')}-${MONTHS[d.month] ?? 'Jan'}-${d.year} ${d.time} ${d.zone}`
}

export function imapDateFromMs(ms: number): ImapDate {
  const d = new Date(Number.isFinite(ms) ? ms : 0)
  return {
    day: d.getUTCDate(),
    month: d.getUTCMonth(),
    year: d.getUTCFullYear(),
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    zone: '+0000',
  }
}

function monthIndex(name: string): number {
  return MONTHS.findIndex((m) => m.toLowerCase() === name.toLowerCase())
}

/** An RFC 5322 date (`Fri, 27 Nov 2026 18:03:53 +0000 (UTC)`), keeping its own zone. */
export function parseRfc5322Date(value: string): ImapDate | null {
  const m = /(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|UT|GMT|Z)?/.exec(value)
  if (!m) return null
  const month = monthIndex(m[2] ?? '')
  const day = Number(m[1])
  if (month < 0 || day < 1 || day > 31) return null
  const zone = m[7] && /^[+-]\d{4}$/.test(m[7]) ? m[7] : '+0000'
  return { day, month, year: Number(m[3]), time: `${pad(Number(m[4]))}:${m[5] ?? '00'}:${m[6] ?? '00'}`, zone }
}

/** IMAP date-time `"dd-Mon-yyyy hh:mm:ss +zzzz"` (RFC 9051 §9 date-time), without the quotes. */
export function parseImapDateTime(value: string): ImapDate | null {
  const m = /^ ?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})$/.exec(value)
  if (!m) return null
  const month = monthIndex(m[2] ?? '')
  const day = Number(m[1])
  if (month < 0 || day < 1 || day > 31 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60) return null
  return { day, month, year: Number(m[3]), time: `${m[4]}:${m[5]}:${m[6]}`, zone: m[7] ?? '+0000' }
}

/** IMAP date `1-Feb-1994` for SEARCH (RFC 9051 §9 date); returns yyyymmdd as a number. */
export function parseSearchDate(value: string): number | null {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(value)
  if (!m) return null
  const month = monthIndex(m[2] ?? '')
  const day = Number(m[1])
  if (month < 0 || day < 1 || day > 31) return null
  return Number(m[3]) * 10000 + (month + 1) * 100 + day
}

export function dayNumber(d: ImapDate): number {
  return d.year * 10000 + (d.month + 1) * 100 + d.day
}

/**
 * INTERNALDATE of a delivered message: the time its first Received: field records (the delivery time,
 * as Dovecot shows it from the Maildir file), else its Date:, else `fallback` (RFC 9051 §2.3.3).
 */
export function deliveryDate(raw: string, fallback: ImapDate): ImapDate {
  const fields = parseFields(splitMessage(raw).header)
  const received = fields.find((f) => f.name.toLowerCase() === 'received')
  if (received) {
    const semi = received.value.lastIndexOf(';')
    const d = semi >= 0 ? parseRfc5322Date(received.value.slice(semi + 1)) : null
    if (d) return d
  }
  const date = fieldValue(fields, 'Date')
  return (date !== null ? parseRfc5322Date(date) : null) ?? fallback
}
