// The IMAP4rev1 server as a pure transition: imapStep(session, line) → { session, turn } (xstate's
// transition()). States and responses follow RFC 9051 (IMAP4rev2) where it agrees with RFC 3501
// (IMAP4rev1, which Dovecot 2.3 speaks and which the greeting announces).
import { IMPLICIT_TLS_PORTS, resolveOptions } from '../defaults'
import type { ResolvedOptions } from '../defaults'
import { byteLength, fromBase64 } from '../encoding'
import type { EngineEvent, EngineReply, ServerOptions, ServerTurn } from '../types'
import { commandAllowed, commandFromWords, commandScope, isValidTag } from './commands'
import type { ImapCommand, ImapState } from './commands'
import {
  bodyStructure, dayNumber, envelope, fieldValue, formatImapDate, imapDateFromMs, imapLiteral, parseEntity,
  parseFields, parseImapDateTime, parseRfc5322Date, sectionContent, splitMessage,
} from './message'
import type { MimeEntity } from './message'
import {
  ParseError, Reader, literalAtEnd, readFetchItems, readFlags, readSearch, readSequenceSet,
} from './parser'
import type { FetchItem, SearchKey, SequenceSet } from './parser'
import { IMAP_RESPONSES, fill, imapReplyClass } from './responses'
import type { ImapResponseId } from './responses'
import {
  LAB_EPOCH_MS, SYSTEM_FLAGS, buildWorld, canonicalName, findMailbox, putMailbox, removeMailbox, userMailboxes,
} from './store'
import type { ImapMailbox, ImapMessage, ImapWorld } from './store'

/** What this connection has selected: its own sequence-number → UID map (RFC 9051 §2.3.1.2). */
export interface SelectedView {
  readonly name: string
  readonly readOnly: boolean
  readonly uidValidity: number
  /** Message sequence number n is uids[n - 1]; expunges elsewhere stay here until they may be reported. */
  readonly uids: readonly number[]
  /** Flags last reported to this client, per UID, to tell it about other connections' changes. */
  readonly known: Readonly<Record<string, string>>
  /** UIDs that are \Recent for this session (RFC 3501 §2.3.2). */
  readonly recent: readonly number[]
}

/** A command that is still arriving (literal data, RFC 9051 §4.3) or an AUTHENTICATE exchange (§6.2.2). */
export type ImapPending =
  | { readonly kind: 'literal'; readonly tag: string; readonly command: ImapCommand; readonly parts: readonly string[]; readonly size: number; readonly data: string; readonly got: number }
  | { readonly kind: 'rest'; readonly tag: string; readonly command: ImapCommand; readonly parts: readonly string[] }
  | { readonly kind: 'sasl'; readonly tag: string; readonly mechanism: 'PLAIN' | 'LOGIN'; readonly username: string | null }

export interface ImapSession {
  readonly options: ResolvedOptions
  readonly state: ImapState
  readonly secure: boolean
  readonly user: string | null
  /** The mailboxes as this connection last saw them; put the shared store's world here before a step. */
  readonly world: ImapWorld
  readonly selected: SelectedView | null
  readonly pending: ImapPending | null
}

export interface ImapStepResult {
  readonly session: ImapSession
  readonly turn: ServerTurn
}

/** Longest command line accepted, in octets (Dovecot's imap_max_line_length; RFC 7162 §4 asks for ≥ 8192). */
export const MAX_LINE = 65536
/** Largest literal accepted inside a command other than APPEND. */
export const MAX_LITERAL = 65536

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type Vars = Readonly<Record<string, string | number>>
interface Tagged {
  readonly id: ImapResponseId
  readonly vars?: Vars
}

class Out {
  readonly replies: EngineReply[] = []
  readonly events: EngineEvent[] = []

  add(id: ImapResponseId, tag: string | null = null, vars: Vars = {}): void {
    const def = IMAP_RESPONSES[id]
    const text = fill(def.text, vars)
    let wire: string
    switch (def.framing) {
      case 'tagged': wire = `${tag ?? '*'} ${def.status} ${text}`; break
      case 'untagged': wire = def.status === '*' ? `* ${text}` : `* ${def.status} ${text}`; break
      case 'continuation': wire = `+ ${text}`; break
    }
    // Literals inside a response carry their own CRLFs: one wire line per CRLF.
    this.replies.push({ id, status: def.status, cls: imapReplyClass(id), lines: wire.split('\r\n'), rfc: def.rfc })
  }
}

interface Ctx {
  readonly s: Mutable<ImapSession>
  readonly out: Out
}

/** Sequence number beyond the mailbox: BAD per RFC 9051 §9 (seq-number). */
class MessageSetError extends ParseError {}

// ---- Opening.

function plaintextRefused(s: ImapSession): boolean {
  return s.options.requireTls && !s.secure
}

/** CAPABILITY list for the current state (RFC 9051 §7.2.2); post-login lists what the engine implements. */
export function imapCapabilities(s: ImapSession): string {
  const caps = ['IMAP4rev1', 'SASL-IR', 'LITERAL+']
  if (s.state === 'not-authenticated') {
    if (!s.secure && s.options.starttls) caps.push('STARTTLS')
    // LOGINDISABLED before TLS when plaintext passwords are refused (RFC 9051 §6.2.3; RFC 3501 §7.2.1).
    if (plaintextRefused(s)) caps.push('LOGINDISABLED')
    else caps.push('AUTH=PLAIN', 'AUTH=LOGIN')
  } else {
    caps.push('UNSELECT', 'UIDPLUS', 'MOVE', 'CHILDREN', 'SPECIAL-USE', 'STATUS=SIZE', `APPENDLIMIT=${s.options.maxMessageSize}`)
  }
  return caps.join(' ')
}

/** The connection opens: greeting `* OK [CAPABILITY ...]` (RFC 9051 §7.1.1); TLS first on 993 (RFC 8314 §3.2). */
export function imapOpen(options: ServerOptions = {}, world?: ImapWorld): ImapStepResult {
  const o = resolveOptions('imap', options)
  const session: ImapSession = {
    options: o,
    state: 'not-authenticated',
    secure: IMPLICIT_TLS_PORTS.includes(o.port),
    user: null,
    world: world ?? buildWorld(o),
    selected: null,
    pending: null,
  }
  const out = new Out()
  out.add('greeting', null, { caps: imapCapabilities(session), host: o.hostname })
  return { session, turn: { replies: out.replies, events: [], stateBefore: 'not-authenticated', stateAfter: 'not-authenticated' } }
}

/** The same session, looking at another (newer) world, e.g. the shared store's. */
export function withWorld(session: ImapSession, world: ImapWorld): ImapSession {
  return { ...session, world }
}

// ---- One client line.

export function imapStep(session: ImapSession, line: string): ImapStepResult {
  const before = session.state
  if (session.state === 'logout') {
    // The connection is closed: nothing more is read (RFC 9051 §3.4).
    return { session, turn: { replies: [], events: [], stateBefore: before, stateAfter: before } }
  }
  const ctx: Ctx = { s: { ...session }, out: new Out() }
  const p = session.pending
  if (p === null) commandLine(ctx, line)
  else {
    switch (p.kind) {
      case 'literal': literalData(ctx, p, line); break
      case 'rest': ctx.s.pending = null; continueCommand(ctx, p.tag, p.command, [...p.parts, line]); break
      case 'sasl': saslResponse(ctx, p, line); break
    }
  }
  return {
    session: ctx.s,
    turn: { replies: ctx.out.replies, events: ctx.out.events, stateBefore: before, stateAfter: ctx.s.state },
  }
}

/** Text of the client's that the server echoes in an error: printable, short. */
function echo(s: string): string {
  return s.slice(0, 40).replace(/[^\x21-\x7e]/g, '?').toUpperCase()
}

function commandLine(ctx: Ctx, line: string): void {
  const sp = line.indexOf(' ')
  const tag = sp < 0 ? line : line.slice(0, sp)
  const tagOk = tag.length <= 64 && isValidTag(tag)
  if (line.length > MAX_LINE || byteLength(line) > MAX_LINE) {
    if (tagOk) ctx.out.add('lineTooLong', tag)
    else ctx.out.add('badNoTag')
    return
  }
  // Every command starts with a tag (RFC 9051 §2.2.1); without one there is nothing to tag a reply with.
  if (!tagOk) {
    ctx.out.add('badNoTag')
    return
  }
  const words = sp < 0 ? [] : line.slice(sp + 1).split(' ', 2)
  const first = words[0] ?? ''
  if (first === '') {
    ctx.out.add('missingCommand', tag)
    return
  }
  const command = commandFromWords(first, words[1])
  if (command === null) {
    const name = first.toUpperCase() === 'UID' ? `UID ${words[1] ?? ''}` : first
    ctx.out.add('unknownCommand', tag, { cmd: echo(name) })
    return
  }
  if (!commandAllowed(command, ctx.s.state)) {
    wrongState(ctx, tag, command)
    return
  }
  continueCommand(ctx, tag, command, [line])
}

/** Wrong state: RFC 9051 §3 allows BAD or NO; the engine answers BAD, as Dovecot does. */
function wrongState(ctx: Ctx, tag: string, command: ImapCommand): void {
  const state = ctx.s.state
  switch (state) {
    case 'not-authenticated':
      ctx.out.add('needLogin', tag, { cmd: command })
      return
    case 'authenticated':
      if (commandScope(command) === 'not-authenticated') ctx.out.add('alreadyAuthenticated', tag, { cmd: command })
      else ctx.out.add('needSelect', tag)
      return
    case 'selected':
    case 'logout':
      ctx.out.add('alreadyAuthenticated', tag, { cmd: command })
      return
  }
}

/** The command so far ends with `{n}`: wait for n octets (RFC 9051 §4.3, §7.6), else run it. */
function continueCommand(ctx: Ctx, tag: string, command: ImapCommand, parts: readonly string[]): void {
  const last = parts[parts.length - 1] ?? ''
  const lit = literalAtEnd(last)
  if (lit === null) {
    execute(ctx, tag, command, parts)
    return
  }
  const cap = command === 'APPEND' ? ctx.s.options.maxMessageSize : MAX_LITERAL
  if (lit.size > cap) {
    if (!lit.sync) {
      // {n+} data will follow regardless: the only safe answer is to hang up (RFC 7888 §4).
      ctx.out.add('byeLiteralTooLarge')
      close(ctx)
      return
    }
    // A synchronising literal is refused before the client sends it (RFC 9051 §7.6; RFC 7889 §2).
    ctx.out.add(command === 'APPEND' ? 'tooBig' : 'literalTooLarge', tag)
    return
  }
  if (lit.sync && command === 'APPEND') {
    // Like Dovecot, check the target and arguments before inviting the data, so a refused APPEND costs
    // no upload: a synchronising literal may be answered with a tagged response instead of "+" (RFC 9051 §7.6).
    const refusal = appendPreflight(ctx, parts)
    if (refusal) {
      ctx.out.add(refusal.id, tag, refusal.vars)
      return
    }
  }
  if (lit.sync) ctx.out.add('literalContinue')
  ctx.s.pending = lit.size === 0
    ? { kind: 'rest', tag, command, parts: [...parts, ''] }
    : { kind: 'literal', tag, command, parts, size: lit.size, data: '', got: 0 }
}

/** Words before the arguments: tag, command name, and the UID sub-command. */
function prefixLength(command: ImapCommand, firstPart: string): number {
  const words = firstPart.split(' ', 3)
  return (words[0] ?? '').length + 1 + (words[1] ?? '').length + (command.startsWith('UID ') ? 1 + (words[2] ?? '').length : 0)
}

/** APPEND mailbox [flags] [date] {n}: the refusal to send now, or null to invite the literal. */
function appendPreflight(ctx: Ctx, parts: readonly string[]): Tagged | null {
  const r = new Reader(parts)
  r.skip(prefixLength('APPEND', parts[0] ?? ''))
  try {
    r.sp()
    // The announced literal is the mailbox name itself: nothing to check yet.
    if (r.atPendingLiteral()) return null
    const name = r.astring()
    r.sp()
    if (r.peek() === '(') {
      normalizeFlags(readFlags(r, false))
      r.sp()
    }
    if (r.peek() === '"') {
      if (!parseImapDateTime(r.quoted() ?? '')) throw new ParseError('Invalid date-time')
      r.sp()
    }
    if (!r.atPendingLiteral()) throw new ParseError('Expected a literal')
    if (!findMailbox(ctx.s.world, requireUser(ctx), name)) return { id: 'tryCreate', vars: { name: echoName(name) } }
    return null
  } catch (e) {
    if (e instanceof ParseError) return { id: 'syntaxError', vars: { cmd: 'APPEND', detail: e.message } }
    throw e
  }
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}

/** Splits after `n` octets; a character that straddles the cut goes into the first half. */
function splitAtOctet(line: string, n: number): [string, string] {
  let bytes = 0
  let idx = 0
  while (idx < line.length && bytes < n) {
    const cp = line.codePointAt(idx) ?? 0
    bytes += utf8Length(cp)
    idx += cp > 0xffff ? 2 : 1
  }
  return [line.slice(0, idx), line.slice(idx)]
}

/** Literal data: each line counts its octets plus CRLF; the server stays silent until n octets came. */
function literalData(ctx: Ctx, p: Extract<ImapPending, { kind: 'literal' }>, line: string): void {
  const lineBytes = byteLength(line)
  const need = p.size - p.got
  if (lineBytes + 2 <= need) {
    const data = p.data + line + '\r\n'
    const got = p.got + lineBytes + 2
    ctx.s.pending = got === p.size
      ? { kind: 'rest', tag: p.tag, command: p.command, parts: [...p.parts, data] }
      : { ...p, data, got }
    return
  }
  // The literal ends inside this line: what follows it is the rest of the command line.
  const [head, rest] = lineBytes >= need ? splitAtOctet(line, need) : [`${line}\r`, '']
  ctx.s.pending = null
  continueCommand(ctx, p.tag, p.command, [...p.parts, p.data + head, rest])
}

function close(ctx: Ctx): void {
  ctx.s.state = 'logout'
  ctx.s.selected = null
  ctx.s.pending = null
  ctx.out.events.push({ type: 'close' })
}

// ---- Running a complete command.

function execute(ctx: Ctx, tag: string, command: ImapCommand, parts: readonly string[]): void {
  const r = new Reader(parts)
  r.skip(prefixLength(command, parts[0] ?? ''))
  let tagged: Tagged | null
  try {
    tagged = run(ctx, tag, command, r)
  } catch (e) {
    if (e instanceof MessageSetError) tagged = { id: 'badMessageSet', vars: { cmd: command } }
    else if (e instanceof ParseError) tagged = { id: 'syntaxError', vars: { cmd: command, detail: e.message } }
    else throw e
  }
  if (tagged === null) return
  // Untagged updates ride on every command in the selected state (RFC 9051 §5.2, §7.4.1); EXPUNGE not
  // during FETCH, STORE or SEARCH, whose replies use sequence numbers (RFC 9051 §7.5.1).
  if (ctx.s.state === 'selected' && IMAP_RESPONSES[tagged.id].status !== 'BAD') {
    sync(ctx, command !== 'FETCH' && command !== 'STORE' && command !== 'SEARCH')
  }
  ctx.out.add(tagged.id, tag, tagged.vars)
}

/** Runs a command whose arguments are all here; returns its tagged completion, or null while it continues. */
function run(ctx: Ctx, tag: string, command: ImapCommand, r: Reader): Tagged | null {
  switch (command) {
    case 'CAPABILITY':
      r.end()
      ctx.out.add('capability', null, { caps: imapCapabilities(ctx.s) })
      return { id: ctx.s.state === 'not-authenticated' ? 'capabilityOkPre' : 'capabilityOk' }
    case 'NOOP':
      r.end()
      return { id: 'noopOk' }
    case 'LOGOUT':
      r.end()
      ctx.out.add('bye')
      close(ctx)
      return { id: 'logoutOk' }
    case 'STARTTLS':
      r.end()
      return startTls(ctx)
    case 'LOGIN': {
      r.sp()
      const user = r.astring()
      r.sp()
      const password = r.astring()
      r.end()
      if (plaintextRefused(ctx.s)) {
        ctx.out.add('plaintextAlert')
        return { id: 'privacyRequired' }
      }
      return checkCredentials(ctx, user, password, 'LOGIN', 'loginOk')
    }
    case 'AUTHENTICATE':
      return authenticate(ctx, tag, r)
    case 'SELECT':
    case 'EXAMINE':
      return select(ctx, r, command === 'EXAMINE')
    case 'CREATE':
      return create(ctx, r)
    case 'DELETE':
      return deleteMailbox(ctx, r)
    case 'LIST':
      return list(ctx, r)
    case 'STATUS':
      return status(ctx, r)
    case 'APPEND':
      return append(ctx, r)
    case 'CHECK':
      r.end()
      return { id: 'checkOk' }
    case 'CLOSE':
    case 'UNSELECT': {
      r.end()
      const v = ctx.s.selected
      // CLOSE expunges silently, UNSELECT does not (RFC 9051 §6.4.1–2).
      if (v && command === 'CLOSE' && !v.readOnly) expungeDeleted(ctx, v.name, null)
      ctx.s.selected = null
      ctx.s.state = 'authenticated'
      return { id: command === 'CLOSE' ? 'closeOk' : 'unselectOk' }
    }
    case 'EXPUNGE':
    case 'UID EXPUNGE': {
      let set: SequenceSet | null = null
      if (command === 'UID EXPUNGE') {
        r.sp()
        set = readSequenceSet(r)
      }
      r.end()
      const v = selectedView(ctx)
      if (v.readOnly) return { id: 'readOnly' }
      expungeDeleted(ctx, v.name, set)
      return { id: 'expungeOk' }
    }
    case 'SEARCH':
    case 'UID SEARCH':
      return search(ctx, r, command === 'UID SEARCH')
    case 'FETCH':
    case 'UID FETCH':
      return fetch(ctx, r, command === 'UID FETCH')
    case 'STORE':
    case 'UID STORE':
      return store(ctx, r, command === 'UID STORE')
    case 'COPY':
    case 'UID COPY':
    case 'MOVE':
    case 'UID MOVE':
      return copy(ctx, r, command.endsWith('MOVE'), command.startsWith('UID '))
  }
}

// ---- TLS and authentication (RFC 9051 §6.2).

function startTls(ctx: Ctx): Tagged {
  if (ctx.s.secure) return { id: 'tlsActive' }
  if (!ctx.s.options.starttls) return { id: 'tlsUnavailable' }
  // After the tagged OK the TLS handshake starts; the client asks CAPABILITY again (RFC 9051 §6.2.1).
  ctx.s.secure = true
  ctx.out.events.push({ type: 'tls-start' })
  return { id: 'starttlsOk' }
}

function checkCredentials(ctx: Ctx, user: string, password: string, mechanism: string, ok: 'loginOk' | 'authOk'): Tagged {
  const users = ctx.s.options.users
  if (!Object.hasOwn(users, user) || users[user] !== password) return { id: 'authFailed' }
  ctx.s.state = 'authenticated'
  ctx.s.user = user
  // Dovecot sends the post-login capabilities untagged before the tagged OK (fixture a002).
  ctx.out.add('capability', null, { caps: imapCapabilities(ctx.s) })
  ctx.out.events.push({ type: 'authenticated', user, mechanism })
  return { id: ok }
}

const USERNAME_PROMPT = 'VXNlcm5hbWU6' // base64 "Username:"
const PASSWORD_PROMPT = 'UGFzc3dvcmQ6' // base64 "Password:"

function authenticate(ctx: Ctx, tag: string, r: Reader): Tagged | null {
  r.sp()
  const mechanism = r.atom().toUpperCase()
  let initial: string | null = null
  // SASL-IR: the initial response on the command line; "=" means empty (RFC 4959 §3).
  if (r.trySp()) initial = r.atom()
  r.end()
  if (mechanism !== 'PLAIN' && mechanism !== 'LOGIN') return { id: 'authMechanism' }
  if (plaintextRefused(ctx.s)) {
    // With SASL-IR the credentials are already on the wire.
    if (initial !== null) ctx.out.add('plaintextAlert')
    return { id: 'privacyRequired' }
  }
  let decoded: string | null = null
  if (initial !== null) {
    decoded = initial === '=' ? '' : fromBase64(initial)
    if (decoded === null) return { id: 'authBadBase64' }
  }
  if (mechanism === 'PLAIN') {
    if (decoded !== null) return finishPlain(ctx, decoded)
    ctx.s.pending = { kind: 'sasl', tag, mechanism, username: null }
    ctx.out.add('authContinue', null, { challenge: '' })
    return null
  }
  ctx.s.pending = { kind: 'sasl', tag, mechanism, username: decoded }
  ctx.out.add('authContinue', null, { challenge: decoded === null ? USERNAME_PROMPT : PASSWORD_PROMPT })
  return null
}

/** PLAIN message: [authzid] NUL authcid NUL passwd (RFC 4616 §2). */
function finishPlain(ctx: Ctx, decoded: string): Tagged {
  const fields = decoded.split('\0')
  if (fields.length !== 3) return { id: 'authFailed' }
  const [authz, user, password] = fields as [string, string, string]
  if (authz !== '' && authz !== user) return { id: 'authzFailed' }
  return checkCredentials(ctx, user, password, 'PLAIN', 'authOk')
}

function saslResponse(ctx: Ctx, p: Extract<ImapPending, { kind: 'sasl' }>, line: string): void {
  ctx.s.pending = null
  // "*" cancels; undecodable base64 is refused; both with a tagged BAD (RFC 9051 §6.2.2).
  if (line === '*') {
    ctx.out.add('authAborted', p.tag)
    return
  }
  const decoded = fromBase64(line)
  if (decoded === null) {
    ctx.out.add('authBadBase64', p.tag)
    return
  }
  if (p.mechanism === 'PLAIN') {
    const t = finishPlain(ctx, decoded)
    ctx.out.add(t.id, p.tag, t.vars)
    return
  }
  if (p.username === null) {
    ctx.s.pending = { ...p, username: decoded }
    ctx.out.add('authContinue', null, { challenge: PASSWORD_PROMPT })
    return
  }
  const t = checkCredentials(ctx, p.username, decoded, 'LOGIN', 'authOk')
  ctx.out.add(t.id, p.tag, t.vars)
}

// ---- Mailboxes (RFC 9051 §6.3).

function requireUser(ctx: Ctx): string {
  return ctx.s.user ?? ''
}

function selectedView(ctx: Ctx): SelectedView {
  const v = ctx.s.selected
  if (!v) throw new ParseError('No mailbox selected')
  return v
}

function flagKey(m: ImapMessage): string {
  return m.flags.join(' ')
}

/** Flags as FETCH shows them: system flags in a fixed order, keywords, then \Recent (RFC 3501 §2.3.2). */
function flagsOut(m: ImapMessage, recent: boolean): string {
  const system = SYSTEM_FLAGS.filter((f) => m.flags.includes(f))
  const keywords = m.flags.filter((f) => !f.startsWith('\\'))
  return [...system, ...keywords, ...(recent ? ['\\Recent'] : [])].join(' ')
}

function mailboxFlags(mb: ImapMailbox): string[] {
  const keywords = new Set<string>()
  for (const m of mb.messages) for (const f of m.flags) if (!f.startsWith('\\')) keywords.add(f)
  return [...SYSTEM_FLAGS, ...keywords]
}

/** A mailbox name as an astring: atom when it can be, else quoted (RFC 9051 §9 mailbox). */
function mailboxOut(name: string): string {
  return /^[\x21\x23-\x24\x26-\x27\x2b-\x5b\x5e-\x7a\x7c-\x7e]+$/.test(name)
    ? name
    : `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`
}

function setMailbox(ctx: Ctx, mb: ImapMailbox): void {
  ctx.s.world = putMailbox(ctx.s.world, requireUser(ctx), mb)
}

function select(ctx: Ctx, r: Reader, readOnly: boolean): Tagged {
  r.sp()
  const name = r.astring()
  r.end()
  if (ctx.s.selected) {
    // Selecting again closes the current mailbox without expunging (RFC 9051 §6.3.2).
    ctx.out.add('closed')
    ctx.s.selected = null
    ctx.s.state = 'authenticated'
  }
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  if (!mb) return { id: 'noSuchMailbox', vars: { name: echoName(name) } }
  // SELECT is the first session to see these messages: they are \Recent here and nowhere else. EXAMINE
  // shows them as \Recent without taking them (RFC 3501 §2.3.2: when unsure, consider a message recent).
  const recent = mb.messages.filter((m) => m.recent).map((m) => m.uid)
  if (!readOnly && recent.length > 0) setMailbox(ctx, { ...mb, messages: mb.messages.map((m) => (m.recent ? { ...m, recent: false } : m)) })
  const known: Record<string, string> = {}
  for (const m of mb.messages) known[m.uid] = flagKey(m)
  ctx.s.selected = { name: mb.name, readOnly, uidValidity: mb.uidValidity, uids: mb.messages.map((m) => m.uid), known, recent }
  ctx.s.state = 'selected'
  const flags = mailboxFlags(mb)
  // Order as Dovecot sends it (fixture a003); RFC 9051 §6.3.2 lists the required ones.
  ctx.out.add('flags', null, { flags: flags.join(' ') })
  if (readOnly) ctx.out.add('permanentFlagsReadOnly')
  else ctx.out.add('permanentFlags', null, { flags: [...flags, '\\*'].join(' ') })
  ctx.out.add('exists', null, { n: mb.messages.length })
  ctx.out.add('recent', null, { n: recent.length })
  const firstUnseen = mb.messages.findIndex((m) => !m.flags.includes('\\Seen'))
  if (firstUnseen >= 0) ctx.out.add('unseen', null, { n: firstUnseen + 1 })
  ctx.out.add('uidValidity', null, { n: mb.uidValidity })
  ctx.out.add('uidNext', null, { n: mb.uidNext })
  return { id: readOnly ? 'examineOk' : 'selectOk' }
}

const isControl = (c: string): boolean => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f

function echoName(name: string): string {
  return [...name.slice(0, 100)].map((c) => (isControl(c) ? '?' : c)).join('')
}

function create(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const raw = r.astring()
  r.end()
  const name = canonicalName(raw.replace(/\/+$/, ''))
  const user = requireUser(ctx)
  if (name === 'INBOX' || findMailbox(ctx.s.world, user, name)) return { id: 'alreadyExists' }
  const segments = name.split('/')
  if (name === '' || name.length > MAX_MAILBOX_NAME || segments.some((s) => s === '') || [...name].some((c) => c === '%' || c === '*' || isControl(c))) {
    return { id: 'cannot', vars: { reason: 'Invalid mailbox name' } }
  }
  // Superior names are created too, so LIST never shows a hole (RFC 9051 §6.3.4).
  for (let i = 1; i <= segments.length; i++) {
    const prefix = canonicalName(segments.slice(0, i).join('/'))
    if (findMailbox(ctx.s.world, user, prefix)) continue
    const uidValidity = ctx.s.world.nextUidValidity
    ctx.s.world = { ...putMailbox(ctx.s.world, user, { name: prefix, specialUse: null, uidValidity, uidNext: 1, messages: [] }), nextUidValidity: uidValidity + 1 }
  }
  return { id: 'createOk' }
}

function deleteMailbox(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const name = r.astring()
  r.end()
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  if (mb?.name === 'INBOX') return { id: 'cannot', vars: { reason: "INBOX can't be deleted." } }
  if (!mb) return { id: 'noSuchMailbox', vars: { name: echoName(name) } }
  if (ctx.s.selected?.name === mb.name) return { id: 'cannot', vars: { reason: "Can't delete the selected mailbox." } }
  ctx.s.world = removeMailbox(ctx.s.world, requireUser(ctx), mb.name)
  return { id: 'deleteOk' }
}

/**
 * LIST wildcards: "*" matches anything, "%" anything but the hierarchy delimiter "/" (RFC 9051 §6.3.9).
 * Dynamic programming, not a RegExp: a client's "*a*a*a..." must not backtrack exponentially.
 */
export function wildcardMatch(pattern: string, name: string): boolean {
  let row: boolean[] = [true]
  for (let j = 1; j <= name.length; j++) row.push(false)
  for (const p of pattern) {
    const next: boolean[] = [row[0] === true && (p === '*' || p === '%')]
    for (let j = 1; j <= name.length; j++) {
      const c = name[j - 1]
      next.push(
        p === '*' ? (row[j] === true || next[j - 1] === true)
          : p === '%' ? (row[j] === true || (next[j - 1] === true && c !== '/'))
            : row[j - 1] === true && c === p,
      )
    }
    row = next
  }
  return row[name.length] === true
}

/** Longest mailbox name CREATE accepts (a server limit, RFC 9051 §6.3.4; Dovecot's is 255 too). */
const MAX_MAILBOX_NAME = 255

function list(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const reference = r.astring()
  r.sp()
  const pattern = r.listMailbox()
  r.end()
  if (pattern === '') {
    // An empty pattern asks only for the delimiter and the root (RFC 9051 §6.3.9).
    ctx.out.add('list', null, { attrs: '\\Noselect', name: '""' })
    return { id: 'listOk' }
  }
  const full = reference + pattern
  if (full.length > 1000) throw new ParseError('Pattern too long')
  const boxes = userMailboxes(ctx.s.world, requireUser(ctx))
  for (const mb of boxes) {
    // INBOX matches in any case (RFC 9051 §5.1).
    const hit = mb.name === 'INBOX' ? wildcardMatch(full.toUpperCase(), mb.name) : wildcardMatch(full, mb.name)
    if (!hit) continue
    const children = boxes.some((o) => o.name.startsWith(`${mb.name}/`))
    const attrs = [children ? '\\HasChildren' : '\\HasNoChildren', ...(mb.specialUse ? [mb.specialUse] : [])]
    ctx.out.add('list', null, { attrs: attrs.join(' '), name: mailboxOut(mb.name) })
  }
  return { id: 'listOk' }
}

const STATUS_ITEMS = ['MESSAGES', 'RECENT', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN', 'SIZE', 'DELETED'] as const
type StatusItem = (typeof STATUS_ITEMS)[number]

function status(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const name = r.astring()
  r.sp()
  r.expect('(')
  const items: StatusItem[] = []
  while (r.peek() !== ')') {
    if (items.length > 0) r.sp()
    const word = r.atom().toUpperCase()
    const item = STATUS_ITEMS.find((x) => x === word)
    if (!item) throw new ParseError(`Unknown STATUS item ${echo(word)}`)
    items.push(item)
  }
  r.next()
  r.end()
  if (items.length === 0) throw new ParseError('Empty STATUS item list')
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  if (!mb) return { id: 'noSuchMailbox', vars: { name: echoName(name) } }
  const v = ctx.s.selected?.name === mb.name ? ctx.s.selected : null
  const value = (item: StatusItem): number => {
    switch (item) {
      case 'MESSAGES': return mb.messages.length
      case 'RECENT': return mb.messages.filter((m) => m.recent || (v?.recent.includes(m.uid) ?? false)).length
      case 'UIDNEXT': return mb.uidNext
      case 'UIDVALIDITY': return mb.uidValidity
      case 'UNSEEN': return mb.messages.filter((m) => !m.flags.includes('\\Seen')).length
      case 'SIZE': return mb.messages.reduce((n, m) => n + byteLength(m.raw), 0)
      case 'DELETED': return mb.messages.filter((m) => m.flags.includes('\\Deleted')).length
    }
  }
  ctx.out.add('status', null, { name: mailboxOut(mb.name), items: items.map((i) => `${i} ${value(i)}`).join(' ') })
  return { id: 'statusOk' }
}

/** System flags in their canonical spelling; \Recent and unknown system flags are a syntax error (RFC 9051 §2.3.2). */
function normalizeFlags(flags: readonly string[]): string[] {
  const out: string[] = []
  for (const f of flags) {
    let flag = f
    if (f.startsWith('\\')) {
      const known = SYSTEM_FLAGS.find((s) => s.toLowerCase() === f.toLowerCase())
      if (!known) throw new ParseError(`Invalid system flag ${echo(f)}`)
      flag = known
    }
    if (!out.some((o) => o.toLowerCase() === flag.toLowerCase())) out.push(flag)
  }
  return out
}

function append(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const name = r.astring()
  r.sp()
  let flags: string[] = []
  if (r.peek() === '(') {
    flags = normalizeFlags(readFlags(r, false))
    r.sp()
  }
  let date: string | null = null
  if (r.peek() === '"') {
    const d = parseImapDateTime(r.quoted() ?? '')
    if (!d) throw new ParseError('Invalid date-time')
    date = formatImapDate(d)
    r.sp()
  }
  const message = r.literal()
  if (message === null) throw new ParseError('Expected a literal')
  r.end()
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  // The server never creates the target itself (RFC 9051 §6.3.12).
  if (!mb) return { id: 'tryCreate', vars: { name: echoName(name) } }
  if (byteLength(message) > ctx.s.options.maxMessageSize) return { id: 'tooBig' }
  const uid = mb.uidNext
  const internalDate = date ?? formatImapDate(imapDateFromMs(LAB_EPOCH_MS + ctx.s.options.now() * 1000))
  setMailbox(ctx, { ...mb, uidNext: uid + 1, messages: [...mb.messages, { uid, raw: message, flags, internalDate, recent: true }] })
  return { id: 'appendOk', vars: { validity: mb.uidValidity, uid } }
}

// ---- Selected state (RFC 9051 §6.4).

/** The messages of the selected mailbox as the store has them now, by UID. */
function currentMessages(ctx: Ctx, v: SelectedView): Map<number, ImapMessage> {
  const mb = findMailbox(ctx.s.world, requireUser(ctx), v.name)
  const map = new Map<number, ImapMessage>()
  if (mb && mb.uidValidity === v.uidValidity) for (const m of mb.messages) map.set(m.uid, m)
  return map
}

/**
 * Tells this client what changed in the store since it last looked (RFC 9051 §5.2, §7.4.1, §7.5):
 * EXPUNGE (when allowed), EXISTS and RECENT for new mail, FETCH FLAGS for flags another connection changed.
 */
function sync(ctx: Ctx, allowExpunge: boolean): void {
  const v = ctx.s.selected
  if (!v) return
  const user = requireUser(ctx)
  let recent = [...v.recent]
  const mb = findMailbox(ctx.s.world, user, v.name)
  if (mb && mb.uidValidity === v.uidValidity && mb.messages.some((m) => m.recent && !v.recent.includes(m.uid))) {
    recent = [...recent, ...mb.messages.filter((m) => m.recent && !v.recent.includes(m.uid)).map((m) => m.uid)]
    if (!v.readOnly) setMailbox(ctx, { ...mb, messages: mb.messages.map((m) => (m.recent ? { ...m, recent: false } : m)) })
  }
  const present = currentMessages(ctx, v)
  const known: Record<string, string> = { ...v.known }
  let uids = [...v.uids]
  if (allowExpunge) {
    // Each EXPUNGE renumbers the messages after it, so later numbers are reduced (RFC 9051 §7.5.1).
    const kept: number[] = []
    let removed = 0
    uids.forEach((uid, i) => {
      if (present.has(uid)) kept.push(uid)
      else {
        ctx.out.add('expunge', null, { n: i + 1 - removed })
        removed++
        delete known[uid]
      }
    })
    uids = kept
    recent = recent.filter((u) => present.has(u))
  }
  const inView = new Set(v.uids)
  const added = [...present.values()].filter((m) => !inView.has(m.uid))
  if (added.length > 0) {
    uids = [...uids, ...added.map((m) => m.uid)]
    for (const m of added) known[m.uid] = flagKey(m)
    ctx.out.add('exists', null, { n: uids.length })
    ctx.out.add('recent', null, { n: recent.filter((u) => uids.includes(u)).length })
  }
  uids.forEach((uid, i) => {
    const m = present.get(uid)
    if (m && known[uid] !== flagKey(m)) {
      ctx.out.add('fetch', null, { n: i + 1, items: `FLAGS (${flagsOut(m, recent.includes(uid))})` })
      known[uid] = flagKey(m)
    }
  })
  ctx.s.selected = { ...v, uids, known, recent }
}

/** Sequence numbers (1-based) that a set names, ascending. */
function resolveSet(v: SelectedView, set: SequenceSet, byUid: boolean): number[] {
  const count = v.uids.length
  const seqs = new Set<number>()
  if (byUid) {
    // UIDs that no message has are simply not there (RFC 9051 §6.4.9); "*" is the highest UID in use.
    const max = v.uids.reduce((a, b) => Math.max(a, b), 0)
    for (const [a0, b0] of set) {
      const a = a0 === '*' ? max : a0
      const b = b0 === '*' ? max : b0
      const lo = Math.min(a, b)
      const hi = Math.max(a, b)
      v.uids.forEach((uid, i) => {
        if (uid >= lo && uid <= hi) seqs.add(i + 1)
      })
    }
  } else {
    for (const [a0, b0] of set) {
      const a = a0 === '*' ? count : a0
      const b = b0 === '*' ? count : b0
      // Beyond the mailbox, including "*" in an empty one, is a protocol error (RFC 9051 §9 seq-number).
      if (a < 1 || b < 1 || a > count || b > count) throw new MessageSetError('Invalid messageset')
      for (let n = Math.min(a, b); n <= Math.max(a, b); n++) seqs.add(n)
    }
  }
  return [...seqs].sort((x, y) => x - y)
}

function expungeDeleted(ctx: Ctx, name: string, uidSet: SequenceSet | null): void {
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  if (!mb) return
  const max = mb.messages.reduce((a, m) => Math.max(a, m.uid), 0)
  const inSet = (uid: number): boolean =>
    uidSet === null ||
    uidSet.some(([a0, b0]) => {
      const a = a0 === '*' ? max : a0
      const b = b0 === '*' ? max : b0
      return uid >= Math.min(a, b) && uid <= Math.max(a, b)
    })
  const messages = mb.messages.filter((m) => !(m.flags.includes('\\Deleted') && inSet(m.uid)))
  if (messages.length !== mb.messages.length) setMailbox(ctx, { ...mb, messages })
}

function includesCI(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase())
}

function matches(key: SearchKey, m: ImapMessage, seq: number, v: SelectedView): boolean {
  switch (key.k) {
    case 'all': return true
    case 'flag': return m.flags.some((f) => f.toLowerCase() === key.flag.toLowerCase()) === key.set
    case 'recent': return v.recent.includes(m.uid)
    case 'new': return v.recent.includes(m.uid) && !m.flags.includes('\\Seen')
    case 'old': return !v.recent.includes(m.uid)
    case 'header': {
      // Case-insensitive substring of the field's unfolded value (RFC 9051 §6.4.4).
      const fields = parseFields(splitMessage(m.raw).header).filter((f) => f.name.toLowerCase() === key.field.toLowerCase())
      return fields.some((f) => key.value === '' || includesCI(f.value, key.value))
    }
    case 'body': return includesCI(splitMessage(m.raw).body, key.value)
    case 'text': return includesCI(m.raw, key.value)
    case 'size': return key.larger ? byteLength(m.raw) > key.n : byteLength(m.raw) < key.n
    case 'date': {
      // Dates compare without time and zone (RFC 9051 §6.4.4).
      const d = key.sent
        ? parseRfc5322Date(fieldValue(parseFields(splitMessage(m.raw).header), 'Date') ?? '')
        : parseRfc5322Date(m.internalDate.replace(/^ ?(\d+)-(\w+)-(\d+)/, '$1 $2 $3'))
      if (!d) return false
      const day = dayNumber(d)
      return key.op === 'before' ? day < key.day : key.op === 'on' ? day === key.day : day >= key.day
    }
    case 'uid': return inSequenceSet(key.set, m.uid, v.uids.reduce((a, b) => Math.max(a, b), 0))
    case 'seq': return inSequenceSet(key.set, seq, v.uids.length)
    case 'not': return !matches(key.key, m, seq, v)
    case 'or': return matches(key.a, m, seq, v) || matches(key.b, m, seq, v)
    case 'and': return key.keys.every((k) => matches(k, m, seq, v))
  }
}

function inSequenceSet(set: SequenceSet, n: number, star: number): boolean {
  return set.some(([a0, b0]) => {
    const a = a0 === '*' ? star : a0
    const b = b0 === '*' ? star : b0
    return n >= Math.min(a, b) && n <= Math.max(a, b)
  })
}

/** Sequence numbers in SEARCH keys obey the same bound as in FETCH (RFC 9051 §9 seq-number). */
function checkSequenceKeys(key: SearchKey, v: SelectedView): void {
  switch (key.k) {
    case 'seq': resolveSet(v, key.set, false); return
    case 'not': checkSequenceKeys(key.key, v); return
    case 'or': checkSequenceKeys(key.a, v); checkSequenceKeys(key.b, v); return
    case 'and': for (const k of key.keys) checkSequenceKeys(k, v); return
    default: return
  }
}

function search(ctx: Ctx, r: Reader, byUid: boolean): Tagged {
  r.sp()
  const { charset, key } = readSearch(r)
  const v = selectedView(ctx)
  if (charset !== null && charset !== 'US-ASCII' && charset !== 'UTF-8') return { id: 'badCharset' }
  checkSequenceKeys(key, v)
  const present = currentMessages(ctx, v)
  const hits: number[] = []
  v.uids.forEach((uid, i) => {
    const m = present.get(uid)
    if (m && matches(key, m, i + 1, v)) hits.push(byUid ? uid : i + 1)
  })
  ctx.out.add('search', null, { ids: hits.map((n) => ` ${n}`).join('') })
  return { id: 'searchOk' }
}

/** The octets of [origin, origin + count) (RFC 9051 §6.4.5 partial). */
function partialOctets(content: string, origin: number, count: number): string {
  const bytes = new TextEncoder().encode(content)
  return new TextDecoder().decode(bytes.slice(origin, origin + count))
}

function fetch(ctx: Ctx, r: Reader, byUid: boolean): Tagged {
  r.sp()
  const set = readSequenceSet(r)
  r.sp()
  const items = readFetchItems(r)
  r.end()
  const v = selectedView(ctx)
  const seqs = resolveSet(v, set, byUid)
  const wantsUid = items.some((i) => i.kind === 'simple' && i.name === 'UID')
  const wantsFlags = items.some((i) => i.kind === 'simple' && i.name === 'FLAGS')
  // BODY[...] and RFC822(.TEXT) set \Seen; BODY.PEEK[...] and RFC822.HEADER do not (RFC 9051 §6.4.5).
  const setsSeen = !v.readOnly && items.some((i) => i.kind === 'section' && !i.peek)
  for (const seq of seqs) {
    const view = ctx.s.selected ?? v
    const uid = view.uids[seq - 1]
    if (uid === undefined) continue
    let m = currentMessages(ctx, view).get(uid)
    // Expunged by another connection and not yet reported: nothing to show (RFC 2180 §4.1).
    if (!m) continue
    let flagsChanged = false
    if (setsSeen && !m.flags.includes('\\Seen')) {
      m = { ...m, flags: [...m.flags, '\\Seen'] }
      replaceMessage(ctx, view.name, m)
      flagsChanged = true
    }
    const recent = view.recent.includes(uid)
    const entity = needsEntity(items) ? parseEntity(m.raw) : null
    const parts: string[] = []
    if (byUid && !wantsUid) parts.push(`UID ${uid}`)
    // When the fetch itself changed the flags, they are reported with it (RFC 9051 §6.4.5).
    if (flagsChanged && !wantsFlags) parts.push(`FLAGS (${flagsOut(m, recent)})`)
    for (const item of items) parts.push(fetchItem(item, m, uid, recent, entity))
    if (wantsFlags || flagsChanged) {
      const sel = ctx.s.selected
      if (sel) ctx.s.selected = { ...sel, known: { ...sel.known, [uid]: flagKey(m) } }
    }
    ctx.out.add('fetch', null, { n: seq, items: parts.join(' ') })
  }
  return { id: 'fetchOk' }
}

function needsEntity(items: readonly FetchItem[]): boolean {
  return items.some((i) => i.kind === 'section' || ['ENVELOPE', 'BODY', 'BODYSTRUCTURE'].includes(i.name))
}

function fetchItem(item: FetchItem, m: ImapMessage, uid: number, recent: boolean, entity: MimeEntity | null): string {
  const e = entity ?? parseEntity(m.raw)
  if (item.kind === 'section') {
    const content = sectionContent(e, m.raw, item.section)
    if (content === null) return `${item.label} NIL`
    const data = item.partial ? partialOctets(content, item.partial.origin, item.partial.count) : content
    return `${item.label} ${imapLiteral(data)}`
  }
  switch (item.name) {
    case 'FLAGS': return `FLAGS (${flagsOut(m, recent)})`
    case 'UID': return `UID ${uid}`
    case 'RFC822.SIZE': return `RFC822.SIZE ${byteLength(m.raw)}`
    case 'INTERNALDATE': return `INTERNALDATE "${m.internalDate}"`
    case 'ENVELOPE': return `ENVELOPE ${envelope(e)}`
    case 'BODYSTRUCTURE': return `BODYSTRUCTURE ${bodyStructure(e, true)}`
    case 'BODY': return `BODY ${bodyStructure(e, false)}`
  }
}

function replaceMessage(ctx: Ctx, mailbox: string, m: ImapMessage): void {
  const mb = findMailbox(ctx.s.world, requireUser(ctx), mailbox)
  if (!mb) return
  setMailbox(ctx, { ...mb, messages: mb.messages.map((x) => (x.uid === m.uid ? m : x)) })
}

function store(ctx: Ctx, r: Reader, byUid: boolean): Tagged {
  r.sp()
  const set = readSequenceSet(r)
  r.sp()
  const op = /^([+-]?)FLAGS(\.SILENT)?$/.exec(r.run(/[A-Za-z.+-]/).toUpperCase())
  if (!op) throw new ParseError('Invalid STORE attribute')
  r.sp()
  const flags = normalizeFlags(readFlags(r, true))
  r.end()
  const v = selectedView(ctx)
  if (v.readOnly) return { id: 'readOnly' }
  const seqs = resolveSet(v, set, byUid)
  const mode = op[1] ?? ''
  const silent = op[2] !== undefined
  for (const seq of seqs) {
    const view = ctx.s.selected ?? v
    const uid = view.uids[seq - 1]
    if (uid === undefined) continue
    const m = currentMessages(ctx, view).get(uid)
    if (!m) continue
    const lower = (f: string): string => f.toLowerCase()
    const next = mode === '+'
      ? [...m.flags, ...flags.filter((f) => !m.flags.some((x) => lower(x) === lower(f)))]
      : mode === '-'
        ? m.flags.filter((x) => !flags.some((f) => lower(f) === lower(x)))
        : flags
    const updated = { ...m, flags: next }
    replaceMessage(ctx, view.name, updated)
    ctx.s.selected = { ...view, known: { ...view.known, [uid]: flagKey(updated) } }
    // .SILENT: the client already knows what it asked for (RFC 9051 §6.4.6).
    if (!silent) {
      const items = `${byUid ? `UID ${uid} ` : ''}FLAGS (${flagsOut(updated, view.recent.includes(uid))})`
      ctx.out.add('fetch', null, { n: seq, items })
    }
  }
  return { id: 'storeOk' }
}

/** `3:5,8` from ascending UIDs (RFC 9051 §9 uid-set). */
function uidSetText(uids: readonly number[]): string {
  const out: string[] = []
  let i = 0
  while (i < uids.length) {
    const start = uids[i] ?? 0
    let end = start
    while (uids[i + 1] === end + 1) {
      end++
      i++
    }
    out.push(start === end ? String(start) : `${start}:${end}`)
    i++
  }
  return out.join(',')
}

function copy(ctx: Ctx, r: Reader, move: boolean, byUid: boolean): Tagged {
  r.sp()
  const set = readSequenceSet(r)
  r.sp()
  const name = r.astring()
  r.end()
  const v = selectedView(ctx)
  const seqs = resolveSet(v, set, byUid)
  const user = requireUser(ctx)
  if (!findMailbox(ctx.s.world, user, name)) return { id: 'tryCreate', vars: { name: echoName(name) } }
  if (move && v.readOnly) return { id: 'readOnly' }
  const present = currentMessages(ctx, v)
  const sources = seqs.map((s) => present.get(v.uids[s - 1] ?? 0)).filter((m): m is ImapMessage => m !== undefined)
  const src: number[] = []
  const dst: number[] = []
  let validity = 0
  for (const m of sources) {
    const target = findMailbox(ctx.s.world, user, name)
    if (!target) break
    validity = target.uidValidity
    const uid = target.uidNext
    // A copy is new mail in the target: \Recent for the next session there (RFC 9051 §6.4.7).
    setMailbox(ctx, { ...target, uidNext: uid + 1, messages: [...target.messages, { ...m, uid, recent: true }] })
    src.push(m.uid)
    dst.push(uid)
  }
  const code = src.length > 0 ? `[COPYUID ${validity} ${uidSetText(src)} ${uidSetText(dst)}] ` : ''
  if (!move) return { id: 'copyOk', vars: { code } }
  if (src.length > 0) {
    ctx.out.add('moveCopyUid', null, { validity, src: uidSetText(src), dst: uidSetText(dst) })
    const mb = findMailbox(ctx.s.world, user, v.name)
    // The originals go at once; the EXPUNGE responses follow from sync (RFC 6851 §3.3).
    if (mb) setMailbox(ctx, { ...mb, messages: mb.messages.filter((m) => !src.includes(m.uid)) })
  }
  return { id: 'moveOk' }
}
