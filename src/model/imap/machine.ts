// The IMAP4rev1 server as a pure transition: imapStep(session, line) → { session, turn } (xstate's
// transition()). States and responses follow RFC 9051 (IMAP4rev2) where it agrees with RFC 3501
// (IMAP4rev1, which Dovecot 2.3 speaks and which the greeting announces).
import { IMPLICIT_TLS_PORTS, resolveOptions } from '../defaults'
import { byteLength } from '../encoding'
import { lineTooLong } from '../sasl'
import type { ClientLine, Secret, ServerOptions } from '../types'
import { authenticate, login, saslResponse, startTls } from './auth'
import { IMAP_LINE_RFC, commandFromWords, isValidTag } from './commands'
import type { ImapCommand, ImapLineKind } from './commands'
import { MAX_LINE, MAX_LITERAL, MessageSetError, Out, close, echo, imapCapabilities, prefixLength } from './context'
import type { Ctx, ImapPending, ImapSession, ImapStepResult, Tagged } from './context'
import { authenticateSecret, imapLineKind, loginSecret } from './lines'
import { appendPreflight, append, create, deleteMailbox, list, select, status } from './mailbox-commands'
import { closeMailbox, copy, expunge, fetch, search, store } from './message-commands'
import { ParseError, Reader, literalAtEnd } from './parser'
import { IMAP_RESPONSES } from './responses'
import { imapSequenceCheck } from './rules'
import { buildWorld } from './store'
import type { ImapWorld } from './store'
import { sync } from './updates'

export { MAX_LINE, MAX_LITERAL, imapCapabilities } from './context'
export type { ImapPending, ImapSession, ImapStepResult, SelectedView } from './context'
export { wildcardMatch } from './mailbox-commands'

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
  const kind = imapLineKind(session, line)
  if (session.state === 'logout') {
    // The connection is closed: nothing more is read (RFC 9051 §3.4).
    return { session, turn: { replies: [], events: [], stateBefore: before, stateAfter: before, input: imapInput(kind, line, undefined) } }
  }
  const ctx: Ctx = { s: { ...session }, out: new Out() }
  const p = session.pending
  if (p === null) commandLine(ctx, line)
  else {
    switch (p.kind) {
      case 'literal':
        literalData(ctx, p, line)
        break
      case 'rest':
        ctx.s.pending = null
        continueCommand(ctx, p.tag, p.command, [...p.parts, line])
        break
      case 'sasl':
        saslResponse(ctx, p, line)
        break
    }
  }
  return {
    session: ctx.s,
    turn: { replies: ctx.out.replies, events: ctx.out.events, stateBefore: before, stateAfter: ctx.s.state, input: imapInput(kind, line, ctx.secret) },
  }
}

/** The line as the engine read it; a credential found by the command, else read from a refused one-line command. */
function imapInput(kind: ImapLineKind, line: string, found: Secret | undefined): ClientLine {
  const secret = found ?? (kind === 'LOGIN' ? loginSecret(line) : kind === 'AUTHENTICATE' ? authenticateSecret(line) : undefined)
  return { kind, rfc: IMAP_LINE_RFC[kind], ...(secret ? { secret } : {}) }
}

function commandLine(ctx: Ctx, line: string): void {
  const sp = line.indexOf(' ')
  const tag = sp < 0 ? line : line.slice(0, sp)
  const tagOk = tag.length <= 64 && isValidTag(tag)
  if (lineTooLong(line, MAX_LINE)) {
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
  // Wrong state: RFC 9051 §3 allows BAD or NO; the engine answers BAD, as Dovecot does. One table says which (rules.ts).
  const refusal = imapSequenceCheck(ctx.s.state, command)
  if (refusal !== null) {
    ctx.out.add(refusal, tag, { cmd: command })
    return
  }
  continueCommand(ctx, tag, command, [line])
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
  ctx.s.pending =
    lit.size === 0 ? { kind: 'rest', tag, command, parts: [...parts, ''] } : { kind: 'literal', tag, command, parts, size: lit.size, data: '', got: 0 }
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
    ctx.s.pending = got === p.size ? { kind: 'rest', tag: p.tag, command: p.command, parts: [...p.parts, data] } : { ...p, data, got }
    return
  }
  // The literal ends inside this line: what follows it is the rest of the command line.
  const [head, rest] = lineBytes >= need ? splitAtOctet(line, need) : [`${line}\r`, '']
  ctx.s.pending = null
  continueCommand(ctx, p.tag, p.command, [...p.parts, p.data + head, rest])
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
    case 'LOGIN':
      return login(ctx, r)
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
    case 'UNSELECT':
      return closeMailbox(ctx, r, command === 'CLOSE')
    case 'EXPUNGE':
    case 'UID EXPUNGE':
      return expunge(ctx, r, command === 'UID EXPUNGE')
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
