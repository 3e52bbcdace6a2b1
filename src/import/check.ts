// The engine check (issue 11, "Checked by the engine"): the client's lines of an imported session are replayed
// into our engine, configured from what the session itself reveals, and each server reply is compared with
// the engine's by status and enhanced code (never by text). A reply the engine would not give, and a client
// command out of order, are marked `differs` with the rule and its RFC section.
import {
  createImapServer,
  createPop3Server,
  createSmtpServer,
  fromBase64,
  type Bilingual,
  type EngineReply,
  type ServerOptions,
  type ServerTurn,
} from '../model'
import { apopDigest } from '../model/pop3/apop'
import { RFC_REPLY_CODES } from '../model/smtp/replies'
import type { ImportedConnection } from './types'
import { fromBinary } from './transcript/build'

type Proto = 'smtp' | 'pop3' | 'imap'

/** What the engine says about one application write. */
export interface ChunkVerdict {
  readonly check: 'ok' | 'differs'
  /** Why it differs: what the engine and the RFC expect, the section, whether the RFC allows both. */
  readonly why?: Bilingual
  /** Client writes: what the engine read the first line as (a command name, `body`, `sasl-response` ...). */
  readonly command?: string
  /** Server writes: the engine's reply id for the same answer (the caption key), when the engine agreed. */
  readonly replyId?: string
  /** The answer carries mail content (RETR, TOP, FETCH of a body), as the engine's same answer does. */
  readonly message?: true
  readonly rfc?: string
  readonly stateBefore?: string
  readonly stateAfter?: string
  readonly secret?: ServerTurn['input'] extends infer I ? (I extends { secret?: infer S } ? S : never) : never
}

export interface CheckResult {
  /** verdicts[i] for connection.chunks[i]; undefined for TCP control segments, TLS records and partial lines. */
  readonly verdicts: readonly (ChunkVerdict | undefined)[]
  /** The engine options read from the session. */
  readonly options: ServerOptions
}

interface Line {
  readonly chunk: number
  readonly text: string
}

/** A server answer as recorded: SMTP reply, POP3 status, IMAP tagged/continuation/greeting line. */
interface Unit {
  readonly chunk: number
  readonly status: string
  readonly enhanced?: string
  readonly lines: readonly string[]
  readonly tag?: string
}

/** Engine replies that refuse a command for coming out of order (RFC 5321 §4.1.4, RFC 1939 §3, RFC 9051 §3). */
const OUT_OF_ORDER = new Set([
  'needHelo',
  'nestedMail',
  'needMail',
  'needRcpt',
  'needEhlo',
  'tlsInTransaction',
  'authInTransaction',
  'wrongState',
  'needLogin',
  'needSelect',
  'alreadyAuthenticated',
])

/** A password the session never shows (an APOP digest cannot be reversed), so the engine is given this one. */
const UNKNOWN_PASSWORD = 'not-in-the-capture'

function linesOf(c: ImportedConnection): { client: Line[]; server: Line[] } {
  const client: Line[] = []
  const server: Line[] = []
  c.chunks.forEach((k, chunk) => {
    if (k.tlsRecords || k.data === '') return
    const parts = fromBinary(k.data).split(/\r\n|\n/)
    if (parts[parts.length - 1] === '') parts.pop()
    const to = k.from === 'client' ? client : server
    for (const text of parts) to.push({ chunk, text })
  })
  return { client, server }
}

const isIp = (s: string) => /^[\d.]+$|:/.test(s)

// ─────────────────────────────────────────── reading the recorded side ───────────────────────────────────────────

function smtpUnit(server: readonly Line[], at: { i: number }): Unit | null {
  const lines: string[] = []
  while (at.i < server.length) {
    const l = server[at.i++] as Line
    lines.push(l.text)
    if (!/^\d{3}-/.test(l.text)) {
      const m = /^(\d{3})(?:[ -](\d\.\d{1,3}\.\d{1,3})(?= |$))?/.exec(l.text)
      return { chunk: l.chunk, status: m?.[1] ?? l.text.slice(0, 3), ...(m?.[2] ? { enhanced: m[2] } : {}), lines }
    }
  }
  return null
}

function pop3Unit(server: readonly Line[], at: { i: number }, multi: boolean): Unit | null {
  const first = server[at.i++]
  if (!first) return null
  const status = /^(\+OK|-ERR|\+)/.exec(first.text)?.[1] ?? first.text.split(' ')[0] ?? ''
  const lines = [first.text]
  let chunk = first.chunk
  if (multi && status === '+OK') {
    while (at.i < server.length) {
      const l = server[at.i++] as Line
      chunk = l.chunk
      if (l.text === '.') break
      lines.push(l.text.startsWith('..') ? l.text.slice(1) : l.text)
    }
  }
  return { chunk, status, lines }
}

/** POP3 commands whose +OK is followed by lines up to a lone "." (RFC 1939 §3, RFC 2449 §5). */
function pop3MultiLine(command: string): boolean {
  const [verb = '', ...args] = command.trim().split(/\s+/)
  const v = verb.toUpperCase()
  return v === 'CAPA' || v === 'RETR' || v === 'TOP' || ((v === 'LIST' || v === 'UIDL' || v === 'AUTH') && args.length === 0)
}

/** `{n}` / `{n+}` at the end of an IMAP line (RFC 9051 §4.3, RFC 7888). */
function literalAt(line: string): number {
  const m = /\{(\d{1,10})\+?\}$/.exec(line)
  return m ? Number(m[1]) : 0
}

/** Every IMAP server line that is a status: the greeting, `+` continuations, tagged OK/NO/BAD; literals skipped. */
function imapUnits(server: readonly Line[]): Unit[] {
  const out: Unit[] = []
  let literal = 0
  for (const [i, l] of server.entries()) {
    if (literal > 0) {
      literal -= l.text.length + 2
      if (literal < 0) literal = literalAt(l.text)
      continue
    }
    literal = literalAt(l.text)
    const t = l.text
    if (i === 0) {
      out.push({ chunk: l.chunk, status: (/^\* (\S+)/.exec(t)?.[1] ?? '').toUpperCase(), lines: [t] })
      continue
    }
    if (t.startsWith('*')) continue
    if (t === '+' || t.startsWith('+ ')) {
      out.push({ chunk: l.chunk, status: '+', lines: [t] })
      continue
    }
    const m = /^(\S+) (OK|NO|BAD)\b/i.exec(t)
    if (m) out.push({ chunk: l.chunk, status: (m[2] ?? '').toUpperCase(), tag: m[1] ?? '', lines: [t] })
  }
  return out
}

// ─────────────────────────────────────────── pairing client lines with answers ───────────────────────────────────────────

interface Pair {
  readonly line: Line
  /** What the recorded side says this line was: a command, message text, a SASL response, literal data. */
  readonly role: 'command' | 'body' | 'sasl' | 'literal'
  /** The recorded answer (null: none recorded, or the line needs none). */
  readonly real: Unit | null
}

function pairSmtp(client: readonly Line[], server: readonly Line[]): { greeting: Unit | null; pairs: Pair[] } {
  const at = { i: 0 }
  const greeting = smtpUnit(server, at)
  const pairs: Pair[] = []
  let body = false
  let sasl = false
  for (const line of client) {
    if (body) {
      if (line.text === '.') {
        body = false
        pairs.push({ line, role: 'body', real: smtpUnit(server, at) })
      } else pairs.push({ line, role: 'body', real: null })
      continue
    }
    const real = smtpUnit(server, at)
    pairs.push({ line, role: sasl ? 'sasl' : 'command', real })
    sasl = real?.status === '334'
    if (/^DATA$/i.test(line.text.trim()) && real?.status === '354') body = true
  }
  return { greeting, pairs }
}

function pairPop3(client: readonly Line[], server: readonly Line[]): { greeting: Unit | null; pairs: Pair[] } {
  const at = { i: 0 }
  const greeting = pop3Unit(server, at, false)
  const pairs: Pair[] = []
  let sasl = false
  for (const line of client) {
    const real = pop3Unit(server, at, !sasl && pop3MultiLine(line.text))
    pairs.push({ line, role: sasl ? 'sasl' : 'command', real })
    sasl = real?.status === '+'
  }
  return { greeting, pairs }
}

function pairImap(client: readonly Line[], server: readonly Line[]): { greeting: Unit | null; pairs: Pair[] } {
  const units = imapUnits(server)
  const greeting = units[0] ?? null
  const byTag = new Map<string, Unit[]>()
  for (const u of units.slice(1)) if (u.tag !== undefined) byTag.set(u.tag, [...(byTag.get(u.tag) ?? []), u])
  const pairs: Pair[] = []
  let literal = 0
  /** The AUTHENTICATE in progress and the chunk of its tagged answer: lines before it are SASL responses. */
  let authEnds = -1
  for (const line of client) {
    if (literal > 0) {
      literal -= line.text.length + 2
      if (literal < 0) literal = literalAt(line.text)
      pairs.push({ line, role: 'literal', real: null })
      continue
    }
    if (authEnds >= 0 && line.chunk < authEnds) {
      pairs.push({ line, role: 'sasl', real: null })
      continue
    }
    authEnds = -1
    literal = literalAt(line.text)
    const tag = line.text.split(' ')[0] ?? ''
    const queue = byTag.get(tag)
    const real = queue?.shift() ?? null
    pairs.push({ line, role: 'command', real })
    if (/^\S+ AUTHENTICATE /i.test(line.text) && real) authEnds = real.chunk
  }
  return { greeting, pairs }
}

// ─────────────────────────────────────────── what the session reveals ───────────────────────────────────────────

function decodeB64(s: string): string | null {
  try {
    return fromBase64(s.trim())
  } catch {
    return null
  }
}

/** SASL PLAIN's message: authzid NUL authcid NUL passwd (RFC 4616 §2). */
function plainCreds(b64: string): [string, string] | null {
  const d = decodeB64(b64)
  const parts = d?.split('\0')
  return parts && parts.length === 3 ? [parts[1] ?? '', parts[2] ?? ''] : null
}

const ok2 = (u: Unit | null) => u !== null && u.status.startsWith('2')

function smtpOptions(c: ImportedConnection, greeting: Unit | null, pairs: readonly Pair[]): ServerOptions {
  const hostname = /^220[ -](\S+)/.exec(greeting?.lines[0] ?? '')?.[1]
  const users: Record<string, string> = {}
  const local = new Set<string>()
  if (hostname && /\./.test(hostname)) {
    local.add(hostname.toLowerCase())
    const parent = hostname.toLowerCase().split('.').slice(1)
    if (parent.length >= 2) local.add(parent.join('.'))
  }
  let starttls: boolean | undefined
  let requireTls = false
  let tls = false
  let authed = false
  let trusted = false
  let size: number | undefined
  const accepted: { local: string; domain: string; authed: boolean }[] = []
  for (const [i, p] of pairs.entries()) {
    if (p.role !== 'command') continue
    const text = p.line.text
    const verb = (text.split(' ')[0] ?? '').toUpperCase()
    if (verb === 'EHLO' && ok2(p.real)) {
      const words = (p.real?.lines ?? []).slice(1).map((l) => l.slice(4).toUpperCase())
      if (!tls) starttls = words.includes('STARTTLS')
      const s = words.find((w) => w.startsWith('SIZE '))
      if (s) size = Number(s.slice(5)) || undefined
    }
    if (verb === 'STARTTLS' && p.real?.status === '220') tls = true
    if (!tls && p.real?.status === '530' && /STARTTLS/i.test(p.real.lines.join(' '))) requireTls = true
    if (verb === 'AUTH') {
      // The last line of the exchange decides: 235 (RFC 4954 §6).
      const rest = [
        text.split(' ').slice(2).join(' '),
        ...pairs
          .slice(i + 1)
          .filter((q, j, all) => q.role === 'sasl' && all.slice(0, j).every((x) => x.role === 'sasl'))
          .map((q) => q.line.text),
      ].filter((s) => s !== '')
      const end = [p, ...pairs.slice(i + 1)].find((q, j) => (j === 0 || q.role === 'sasl' ? q.real?.status !== '334' : false))?.real ?? null
      const mech = (text.split(' ')[1] ?? '').toUpperCase()
      if (end?.status === '235') {
        authed = true
        if (mech === 'PLAIN' && rest[0]) {
          const cr = plainCreds(rest[0])
          if (cr) users[cr[0]] = cr[1]
        } else if (mech === 'LOGIN' && rest.length >= 2) {
          const u = decodeB64(rest[0] ?? '')
          const pw = decodeB64(rest[1] ?? '')
          if (u !== null && pw !== null) users[u] = pw
        }
      }
    }
    const rcpt = /^RCPT TO:\s*<([^>]*)>/i.exec(text)
    if (rcpt) {
      const addr = rcpt[1] ?? ''
      const at = addr.lastIndexOf('@')
      const domain = at >= 0 ? addr.slice(at + 1).toLowerCase() : ''
      const localPart = at >= 0 ? addr.slice(0, at) : addr
      if (ok2(p.real)) accepted.push({ local: localPart, domain, authed })
      else if (p.real?.enhanced === '5.1.1' && domain) local.add(domain)
    }
  }
  for (const a of accepted) {
    if (a.domain === '' || local.has(a.domain)) {
      if (!(a.local.toLowerCase() === 'postmaster')) users[a.local] ??= UNKNOWN_PASSWORD
    } else if (!a.authed) trusted = true
  }
  return {
    ...(hostname ? { hostname } : {}),
    domains: [...local],
    users,
    aliases: {},
    port: c.server.port || 25,
    trustedClient: trusted,
    ...(starttls !== undefined ? { starttls } : {}),
    requireTls,
    ...(size ? { maxMessageSize: size } : {}),
    ...(isIp(c.client.ip) ? { clientAddress: c.client.ip } : {}),
  }
}

/** A message of `size` octets (CRLF lines) for a mailbox the session only counted. */
function placeholder(n: number, size: number): string {
  const head = `Subject: message ${n} (not shown in the session)\r\n\r\n`
  let out = head
  while (out.length + 2 < size) {
    const room = size - out.length - 2
    out += `${'x'.repeat(Math.min(76, room))}\r\n`
    // A line of one char and its CRLF would overshoot by the last few octets: let the line take them.
    if (size - out.length > 0 && size - out.length < 3) out = out.slice(0, -2) + 'x'.repeat(size - out.length) + '\r\n'
  }
  return out.length === size ? out : out
}

function pop3Options(c: ImportedConnection, greeting: Unit | null, pairs: readonly Pair[]): ServerOptions {
  const users: Record<string, string> = {}
  const stamp = /<[^<>]*>/.exec(greeting?.lines[0] ?? '')?.[0]
  let user = ''
  let starttls: boolean | undefined
  let count = 0
  let total = 0
  let deleted = false
  const sizes = new Map<number, number>()
  const contents = new Map<number, string>()
  for (const [i, p] of pairs.entries()) {
    if (p.role !== 'command') continue
    const [verb = '', ...args] = p.line.text.trim().split(/\s+/)
    const v = verb.toUpperCase()
    const good = p.real?.status === '+OK'
    if (v === 'USER') user = args[0] ?? ''
    if (v === 'PASS' && good && user) users[user] = args.join(' ')
    if (v === 'APOP' && good && args[0]) {
      user = args[0]
      users[user] = UNKNOWN_PASSWORD
    }
    if (v === 'AUTH' && (args[0] ?? '').toUpperCase() === 'PLAIN') {
      const resp = args[1] ?? (pairs[i + 1]?.role === 'sasl' ? pairs[i + 1]?.line.text : undefined)
      const end = args[1] !== undefined ? p.real : (pairs[i + 1]?.real ?? null)
      const cr = resp ? plainCreds(resp) : null
      if (cr && end?.status === '+OK') {
        users[cr[0]] = cr[1]
        user = cr[0]
      }
    }
    if (v === 'CAPA' && good) starttls = (p.real?.lines ?? []).some((l) => /^STLS\b/i.test(l))
    if (v === 'DELE' && good) deleted = true
    if (deleted || !good) continue
    const first = p.real?.lines[0] ?? ''
    if (v === 'STAT') {
      const m = /^\+OK (\d+) (\d+)/.exec(first)
      if (m) {
        count = Math.max(count, Number(m[1]))
        total = Number(m[2])
      }
    }
    if (v === 'LIST') {
      const rows = args.length > 0 ? [first.slice(4)] : (p.real?.lines ?? []).slice(1)
      for (const r of rows) {
        const m = /^(\d+) (\d+)/.exec(r)
        if (m) sizes.set(Number(m[1]), Number(m[2]))
      }
      if (args.length === 0) count = Math.max(count, rows.length)
    }
    if (v === 'RETR' && args[0]) {
      const body = (p.real?.lines ?? []).slice(1)
      contents.set(Number(args[0]), body.map((l) => `${l}\r\n`).join(''))
    }
  }
  for (const k of [...sizes.keys(), ...contents.keys()]) count = Math.max(count, k)
  const known = [...sizes.values()].reduce((a, b) => a + b, 0)
  const unknownCount = count - sizes.size
  const each = unknownCount > 0 ? Math.max(40, Math.floor((total - known) / unknownCount)) : 0
  const messages: string[] = []
  for (let n = 1; n <= count; n++) {
    const size = sizes.get(n) ?? each
    const content = contents.get(n)
    messages.push(content !== undefined && (sizes.get(n) === undefined || content.length === size) ? content : placeholder(n, size))
  }
  return {
    users,
    port: c.server.port || 110,
    ...(stamp ? { apopTimestamp: stamp } : {}),
    ...(starttls !== undefined ? { starttls } : {}),
    ...(user && count > 0 ? { mailbox: { [user]: messages } } : user ? { mailbox: { [user]: [] } } : {}),
  }
}

/** IMAP astring: an atom or a quoted string (RFC 9051 §4.3). */
function astrings(text: string): string[] {
  const out: string[] = []
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? ''))
  return out
}

function imapOptions(c: ImportedConnection, greeting: Unit | null, pairs: readonly Pair[], server: readonly Line[]): ServerOptions {
  const users: Record<string, string> = {}
  let user = ''
  const caps = server.filter((l) => /CAPABILITY/i.test(l.text)).map((l) => l.text.toUpperCase())
  const starttls = caps.length > 0 ? caps.some((l) => /\bSTARTTLS\b/.test(l)) : undefined
  const requireTls = caps.some((l) => /\bLOGINDISABLED\b/.test(l))
  let exists = 0
  for (const [i, p] of pairs.entries()) {
    if (p.role !== 'command') continue
    const words = astrings(p.line.text)
    const verb = (words[1] ?? '').toUpperCase()
    const good = p.real?.status === 'OK'
    if (verb === 'LOGIN' && good && words[2] !== undefined) {
      user = words[2]
      users[user] = words[3] ?? ''
    }
    if (verb === 'AUTHENTICATE' && good && (words[2] ?? '').toUpperCase() === 'PLAIN') {
      const resp = words[3] ?? pairs[i + 1]?.line.text ?? ''
      const cr = plainCreds(resp)
      if (cr) {
        user = cr[0]
        users[user] = cr[1]
      }
    }
    if ((verb === 'SELECT' || verb === 'EXAMINE') && good && exists === 0 && (words[2] ?? '').toUpperCase() === 'INBOX') {
      // `* n EXISTS` among the lines before the tagged OK (RFC 9051 §7.4.1).
      const end = server.findIndex((l) => l.text === p.real?.lines[0])
      for (let j = end - 1; j >= 0 && j >= end - 40; j--) {
        const m = /^\* (\d+) EXISTS/i.exec(server[j]?.text ?? '')
        if (m) {
          exists = Number(m[1])
          break
        }
      }
    }
  }
  void greeting
  const messages = Array.from({ length: exists }, (_, i) => placeholder(i + 1, 300))
  return {
    users,
    port: c.server.port || 143,
    ...(starttls !== undefined ? { starttls } : {}),
    requireTls,
    ...(user ? { mailbox: { [user]: messages } } : {}),
  }
}

// ─────────────────────────────────────────── comparing ───────────────────────────────────────────

const join = (a: Bilingual, b: Bilingual): Bilingual => ({ ja: `${a.ja}${b.ja}`, en: `${a.en} ${b.en}` })

function expectedText(p: Proto, r: EngineReply | undefined): string {
  if (!r) return p === 'smtp' ? '(no reply)' : '(no answer)'
  return r.enhanced ? `${r.status} ${r.enhanced}` : r.status
}

function allowance(p: Proto, command: string, real: Unit, mine: EngineReply | undefined): Bilingual {
  if (!mine) {
    return {
      ja: 'エンジンはここではまだ応答しません（続きの行を待っています）。',
      en: 'Our engine would not answer yet here: it is still waiting for more lines.',
    }
  }
  if (p === 'smtp') {
    const verb = command === '.' ? 'DOT' : (command.split(' ')[0] ?? '').toUpperCase()
    if (verb === 'RCPT' && mine.id === 'relayDenied' && real.status.startsWith('4')) {
      return {
        ja: 'RFC 5321（§3.6.2, §4.1.1.3）では中継の拒否は永久的なエラー 550 です。Postfix の既定（defer_unauth_destination）は、設定の誤りでメールが戻されないよう、あえて一時的なエラー 454 4.7.1 で答えます。§4.3.2 は RCPT への 454 を挙げていませんが、クライアントは先頭の数字で判断する（§4.2.1）ので、後で再送を試みます。',
        en: "RFC 5321 (§3.6.2, §4.1.1.3) makes a relay refusal a permanent 550; Postfix's default (defer_unauth_destination) answers a temporary 454 4.7.1 on purpose, so that a mistake in its settings delays mail instead of bouncing it. §4.3.2 does not list 454 for RCPT, but a client acts on the first digit (§4.2.1) and simply tries again later.",
      }
    }
    if (real.status === mine.status) {
      return {
        ja: `応答コードは同じで、拡張ステータスコード（RFC 3463）が ${real.enhanced ?? '-'} と ${mine.enhanced ?? '-'} で違います。`,
        en: `The reply codes agree; the enhanced status codes (RFC 3463) differ: ${real.enhanced ?? '-'} against ${mine.enhanced ?? '-'}.`,
      }
    }
    const listed = [...(RFC_REPLY_CODES[verb] ?? []), ...(RFC_REPLY_CODES.ANY ?? [])].includes(Number(real.status))
    return listed
      ? {
          ja: `RFC 5321 §4.3.2 は ${verb} への応答として ${real.status} も挙げているので、どちらも規格の範囲内です。違いはサーバの設定や方針から来ています。`,
          en: `RFC 5321 §4.3.2 lists ${real.status} for ${verb} too, so both are allowed; the difference comes from the server's settings or policy.`,
        }
      : {
          ja: `RFC 5321 §4.3.2 は ${verb} への応答として ${real.status} を挙げていません。`,
          en: `RFC 5321 §4.3.2 does not list ${real.status} as an answer to ${verb}.`,
        }
  }
  if (p === 'pop3') {
    return {
      ja: 'RFC 1939 は、このコマンドを受け付ける（+OK）か断る（-ERR）かをサーバに任せているので、どちらも規格の範囲内です。違いはメールボックスの中身や設定から来ています。',
      en: 'RFC 1939 leaves it to the server to accept (+OK) or refuse (-ERR) this command, so both are allowed; the difference comes from the mailbox or the settings.',
    }
  }
  if ((real.status === 'NO' && mine.status === 'BAD') || (real.status === 'BAD' && mine.status === 'NO')) {
    return {
      ja: 'RFC 9051 §3 は、その状態で使えないコマンドに NO と BAD のどちらで答えてもよいとしています。',
      en: 'RFC 9051 §3 lets a server answer a command it cannot take in this state with NO or with BAD: both are allowed.',
    }
  }
  return {
    ja: 'RFC 9051 §7.1 では、コマンドを受け付けるか（OK）、断るか（NO）、読めないか（BAD）をサーバが答えます。違いはメールボックスの中身や設定から来ています。',
    en: 'In RFC 9051 §7.1 the server says whether it took the command (OK), refused it (NO) or could not read it (BAD); the difference comes from the mailbox or the settings.',
  }
}

function differs(p: Proto, command: string, real: Unit, mine: EngineReply | undefined): Bilingual {
  const got = real.enhanced ? `${real.status} ${real.enhanced}` : real.status
  const want = expectedText(p, mine)
  const rfc = mine?.rfc ?? ''
  const head: Bilingual = {
    ja: `エンジンとの違い: サーバは ${got} と答えましたが、このセッションから設定したエンジンは ${want} と答えます${rfc ? `（${rfc}）` : ''}。`,
    en: `Differs from the engine: the server answered ${got}; our engine, set up from this session, answers ${want}${rfc ? ` (${rfc})` : ''}.`,
  }
  return join(head, allowance(p, command, real, mine))
}

function sameAnswer(p: Proto, real: Unit, mine: EngineReply | undefined): boolean {
  if (!mine) return false
  if (p === 'smtp') return real.status === mine.status && (real.enhanced === undefined || mine.enhanced === undefined || real.enhanced === mine.enhanced)
  return real.status === mine.status
}

/** The reply that answers a line: SMTP's last, POP3's first, IMAP's tagged (or `+`). */
function answerOf(p: Proto, replies: readonly EngineReply[], tag?: string): EngineReply | undefined {
  if (p === 'smtp') return replies[replies.length - 1]
  if (p === 'pop3') return replies[0]
  return replies.find((r) => (tag !== undefined && r.lines[r.lines.length - 1]?.startsWith(`${tag} `)) || r.status === '+')
}

/** Replays the connection through the engine and gives each application write a verdict. */
export function checkConnection(c: ImportedConnection): CheckResult {
  const verdicts: (ChunkVerdict | undefined)[] = c.chunks.map(() => undefined)
  if (c.protocol === 'unknown') return { verdicts, options: {} }
  const p: Proto = c.protocol
  const { client, server } = linesOf(c)
  const paired = p === 'smtp' ? pairSmtp(client, server) : p === 'pop3' ? pairPop3(client, server) : pairImap(client, server)
  const options =
    p === 'smtp'
      ? smtpOptions(c, paired.greeting, paired.pairs)
      : p === 'pop3'
        ? pop3Options(c, paired.greeting, paired.pairs)
        : imapOptions(c, paired.greeting, paired.pairs, server)
  const engine = p === 'smtp' ? createSmtpServer(options) : p === 'pop3' ? createPop3Server(options) : createImapServer(options)

  /** Marks a chunk: the first word on a chunk stays, a `differs` wins over `ok`. */
  const mark = (chunk: number, v: ChunkVerdict) => {
    const old = verdicts[chunk]
    if (!old) verdicts[chunk] = v
    else if (v.check === 'differs' && old.check === 'ok') verdicts[chunk] = { ...old, check: 'differs', ...(v.why ? { why: v.why } : {}) }
  }
  const judge = (real: Unit | null, mine: EngineReply | undefined, command: string, turn: ServerTurn) => {
    if (!real) return
    const same = sameAnswer(p, real, mine)
    mark(real.chunk, {
      check: same ? 'ok' : 'differs',
      ...(same && mine ? { replyId: mine.id } : {}),
      ...(same && mine?.message ? { message: true as const } : {}),
      ...(mine ? { rfc: mine.rfc } : {}),
      stateBefore: turn.stateBefore,
      stateAfter: turn.stateAfter,
      ...(same ? {} : { why: differs(p, command, real, mine) }),
    })
  }

  const greeting = engine.openTurn()
  judge(
    paired.greeting,
    p === 'imap' ? greeting.replies[0] && { ...greeting.replies[0], status: greeting.replies[0].lines[0]?.split(' ')[1] ?? '' } : greeting.replies[0],
    '',
    greeting,
  )

  // IMAP: an answer may come on a later line's turn (after a literal); the engine's tagged replies, by tag.
  const imapPending: { tag: string; pair: Pair; command: string; turn: ServerTurn }[] = []
  const engineConts: { reply: EngineReply; command: string; turn: ServerTurn }[] = []
  for (const pair of paired.pairs) {
    let text = pair.line.text
    // APOP: the digest cannot be reversed; the engine gets one made with the password it was given.
    const apop = p === 'pop3' && /^APOP \S+ \S+$/i.test(text) && pair.real?.status === '+OK' ? text.split(' ')[1] : undefined
    if (apop !== undefined && options.apopTimestamp) text = `APOP ${apop} ${apopDigest(options.apopTimestamp, UNKNOWN_PASSWORD)}`
    const turn = engine.exchange(text)
    const kind = turn.input?.kind ?? (pair.role === 'body' ? 'body' : 'unknown')
    const outOfOrder = turn.replies.find((r) => OUT_OF_ORDER.has(r.id))
    mark(pair.line.chunk, {
      check: outOfOrder ? 'differs' : 'ok',
      command: kind,
      rfc: turn.input?.rfc ?? '',
      stateBefore: turn.stateBefore,
      stateAfter: turn.stateAfter,
      ...(turn.input?.secret ? { secret: turn.input.secret } : {}),
      ...(outOfOrder
        ? {
            why: {
              ja: `順序の違うコマンドです。エンジンは「${outOfOrder.lines[0] ?? ''}」と断ります。${outOfOrder.rfc} がコマンドの順序を定めています。`,
              en: `A command out of order: our engine refuses it with "${outOfOrder.lines[0] ?? ''}"; ${outOfOrder.rfc} sets the order of commands.`,
            },
          }
        : {}),
    })
    if (p === 'imap') {
      for (const r of turn.replies) if (r.status === '+') engineConts.push({ reply: r, command: text, turn })
      if (pair.role === 'command') imapPending.push({ tag: text.split(' ')[0] ?? '', pair, command: text, turn })
      for (const r of turn.replies) {
        const last = r.lines[r.lines.length - 1] ?? ''
        const idx = imapPending.findIndex((q) => last.startsWith(`${q.tag} `))
        if (idx >= 0) {
          const q = imapPending[idx] as (typeof imapPending)[number]
          imapPending.splice(idx, 1)
          judge(q.pair.real, r, q.command, turn)
        }
      }
      continue
    }
    if (pair.role === 'body' && pair.real === null) continue
    judge(pair.real, answerOf(p, turn.replies), text, turn)
  }
  for (const q of imapPending) judge(q.pair.real, undefined, q.command, q.turn)
  // IMAP continuations (`+`, RFC 9051 §7.5), in order: the recorded ones against the engine's.
  if (p === 'imap') {
    const real = imapUnits(server).filter((u) => u.status === '+')
    real.forEach((u, i) => {
      const mine = engineConts[i]
      judge(u, mine?.reply, mine?.command ?? '', mine?.turn ?? greeting)
    })
  }
  return { verdicts, options }
}
