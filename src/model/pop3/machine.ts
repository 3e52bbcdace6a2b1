// The POP3 server as a pure transition: (session, client line) → (next session, what the server said).
// States and their commands follow RFC 1939 §3–§7, with CAPA (RFC 2449), STLS (RFC 2595) and AUTH (RFC 5034).
import { apopDigest } from './apop'
import { IMPLICIT_TLS_PORTS, resolveOptions, type ResolvedOptions } from '../defaults'
import {
  SASL_CANCEL,
  checkPassword,
  decodePlain,
  initialResponse,
  initialRole,
  lineTooLong,
  plainAuthorizes,
  saslLineTooLong,
  saslSecret,
  storedPassword,
} from '../sasl'
import type { ClientLine, EngineEvent, EngineReply, Secret, ServerOptions, ServerTurn } from '../types'
import {
  MAX_COMMAND_OCTETS,
  OBSOLETE_POP3_COMMANDS,
  POP3_COMMAND_RFC,
  parsePop3Line,
  type Pop3Command,
  type Pop3CommandLine,
  type Pop3LineKind,
} from './commands'
import { loadMessages, messageLines, normalizeDrop, topLines, type Pop3Drop, type Pop3Message } from './maildrop'
import { pop3MultiReply, pop3Reply } from './replies'
import { pop3SequenceCheck } from './rules'

/** RFC 1939 §3: AUTHORIZATION → TRANSACTION → UPDATE; 'closed' once the TCP connection is gone. */
export type Pop3State = 'authorization' | 'transaction' | 'update' | 'closed'

export const POP3_STATES: readonly Pop3State[] = ['authorization', 'transaction', 'update', 'closed']

export type Pop3Mechanism = 'USER/PASS' | 'APOP' | 'PLAIN'

/** SASL mechanisms offered by AUTH and listed after CAPA's SASL tag (RFC 2449 §6.3, RFC 4616). */
export const POP3_SASL_MECHANISMS = ['PLAIN'] as const

export interface Pop3Session {
  readonly state: Pop3State
  readonly options: ResolvedOptions
  /** Under TLS: after STLS, or from the start on port 995 (RFC 8314 §3.1). */
  readonly secure: boolean
  /** The name a successful USER gave, waiting for PASS (RFC 1939 §7); null otherwise. */
  readonly user: string | null
  /** Whose maildrop is open, from TRANSACTION on. */
  readonly authenticatedUser: string | null
  /** AUTH sent "+ " and waits for the client's response line (RFC 5034 §4). */
  readonly saslPending: 'PLAIN' | null
  /** The open maildrop, numbered from 1 in this order for the whole session (RFC 1939 §4). */
  readonly messages: readonly Pop3Message[]
  /** Every user's maildrop, CRLF text; changes only in UPDATE (RFC 1939 §6). */
  readonly drop: Pop3Drop
}

/** A ServerTurn with the POP3 states, every state passed through, and how the line was read. */
export interface Pop3Turn extends ServerTurn {
  readonly stateBefore: Pop3State
  readonly stateAfter: Pop3State
  /** stateBefore, any state passed through within the turn (UPDATE during QUIT), stateAfter. */
  readonly path: readonly Pop3State[]
  /** The command the engine saw; null for the greeting. */
  readonly command: Pop3LineKind | null
}

export interface Pop3Result {
  readonly session: Pop3Session
  readonly turn: Pop3Turn
}

function assertNever(x: never): never {
  throw new Error(`unreachable: ${String(x)}`)
}

function result(
  before: Pop3Session,
  session: Pop3Session,
  command: Pop3LineKind | null,
  replies: readonly EngineReply[],
  events: readonly EngineEvent[] = [],
  via: readonly Pop3State[] = [],
): Pop3Result {
  const path = [before.state, ...via]
  if (path[path.length - 1] !== session.state) path.push(session.state)
  return { session, turn: { replies, events, stateBefore: before.state, stateAfter: session.state, path, command } }
}

/** The connection opens: greeting with the APOP timestamp (RFC 1939 §4, §7). */
export function pop3Open(options: ServerOptions = {}): Pop3Result {
  const resolved = resolveOptions('pop3', options)
  const session: Pop3Session = {
    state: 'authorization',
    options: resolved,
    secure: IMPLICIT_TLS_PORTS.includes(resolved.port),
    user: null,
    authenticatedUser: null,
    saslPending: null,
    messages: [],
    drop: normalizeDrop(resolved.mailbox),
  }
  const greeting = pop3Reply('greeting', { host: resolved.hostname, timestamp: resolved.apopTimestamp })
  return {
    session,
    turn: { replies: [greeting], events: [], stateBefore: 'authorization', stateAfter: 'authorization', path: ['authorization'], command: null },
  }
}

/** The turn when the engine itself failed on a line (the facade's last resort): -ERR [SYS/TEMP], nothing changed. */
export function pop3Fault(session: Pop3Session | null): Pop3Turn {
  const state = session?.state ?? 'authorization'
  return { replies: [pop3Reply('internalError')], events: [], stateBefore: state, stateAfter: state, path: [state], command: 'unknown' }
}

/** STLS is offered on a cleartext port that has it configured, until TLS is on (RFC 2595 §4). */
function stlsOffered(s: Pop3Session): boolean {
  return s.options.starttls && !s.secure && !IMPLICIT_TLS_PORTS.includes(s.options.port)
}

/** Cleartext password commands are refused before TLS when requireTls is set (RFC 2595 §2.3). */
function plaintextAllowed(s: Pop3Session): boolean {
  return s.secure || !s.options.requireTls
}

/**
 * CAPA's list (RFC 2449 §5, §6): the same in both states, since capabilities of AUTHORIZATION must be
 * announced in TRANSACTION too (RFC 2449 §5). USER and SASL PLAIN disappear when cleartext passwords are
 * refused, STLS once TLS is on (RFC 2595 §4).
 */
export function pop3Capabilities(s: Pop3Session): string[] {
  const caps = ['TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'AUTH-RESP-CODE']
  if (stlsOffered(s)) caps.push('STLS')
  if (plaintextAllowed(s)) caps.push('USER', `SASL ${POP3_SASL_MECHANISMS.join(' ')}`)
  return caps
}

/** Sum of the sizes of the messages not marked as deleted (RFC 1939 §5 STAT). */
function live(messages: readonly Pop3Message[]): { count: number; octets: number } {
  let count = 0
  let octets = 0
  for (const m of messages)
    if (!m.deleted) {
      count++
      octets += m.size
    }
  return { count, octets }
}

function login(s: Pop3Session, user: string, mechanism: Pop3Mechanism): Pop3Result {
  const next: Pop3Session = {
    ...s,
    state: 'transaction',
    user: null,
    saslPending: null,
    authenticatedUser: user,
    messages: loadMessages(s.drop[user] ?? []),
  }
  return result(
    s,
    next,
    mechanism === 'PLAIN' ? 'AUTH' : mechanism === 'APOP' ? 'APOP' : 'PASS',
    [pop3Reply('loggedIn')],
    [{ type: 'authenticated', user, mechanism }],
  )
}

/** One client line. Pure; never throws; after the connection closed, no answer ([]). */
export function pop3Step(session: Pop3Session, line: string): Pop3Result {
  const r = stepLine(session, line)
  return { session: r.session, turn: { ...r.turn, input: pop3Input(session, line) } }
}

/** What the client line is, read in the state it arrives in, with any credential it carries. */
function pop3Input(s: Pop3Session, line: string): ClientLine {
  const open = s.state === 'authorization' || s.state === 'transaction'
  const cmd = parsePop3Line(line)
  const kind: Pop3LineKind = open && s.saslPending ? 'sasl-response' : cmd.command
  const secret = kind === 'sasl-response' ? saslSecret(line, 'plain') : pop3Secret(s, cmd)
  return { kind, rfc: POP3_COMMAND_RFC[kind], ...(secret ? { secret } : {}) }
}

/** PASS sends the password as typed, APOP a digest, AUTH an initial response in base64 (RFC 1939 §7, RFC 5034 §4). */
function pop3Secret(s: Pop3Session, cmd: Pop3CommandLine): Secret | undefined {
  switch (cmd.command) {
    case 'PASS':
      return cmd.rest === '' ? undefined : { form: 'plain', ...(s.user !== null ? { user: s.user } : {}), password: cmd.rest }
    case 'APOP': {
      const [user, digest] = cmd.args
      return user !== undefined && digest !== undefined ? { form: 'digest', user, digest } : undefined
    }
    case 'AUTH': {
      const [mechanism = '', initial] = cmd.args
      return initial === undefined ? undefined : saslSecret(initial, initialRole(mechanism))
    }
    default:
      return undefined
  }
}

function stepLine(session: Pop3Session, line: string): Pop3Result {
  switch (session.state) {
    // UPDATE is left within the QUIT turn (RFC 1939 §6), so a resting session is never in it;
    // treat it like a closed connection: nothing is read any more.
    case 'update':
    case 'closed':
      return result(session, session, parsePop3Line(line).command, [])
    case 'authorization':
    case 'transaction':
      break
    default:
      return assertNever(session.state)
  }

  // RFC 2449 §4: commands fit in 255 octets with CRLF; an AUTH response may be longer, up to the SASL limit
  // (RFC 5034 §4, RFC 4954 §4; sasl.ts). A refused line also ends a pending AUTH exchange and forgets USER's
  // name (RFC 5034 §4, RFC 1939 §7).
  const kind: Pop3LineKind = session.saslPending ? 'sasl-response' : parsePop3Line(line).command
  if (session.saslPending ? saslLineTooLong(line) : lineTooLong(line, MAX_COMMAND_OCTETS)) {
    return result(session, { ...session, saslPending: null, user: null }, kind, [pop3Reply(session.saslPending ? 'saslLineTooLong' : 'lineTooLong')])
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\x00-\x1F\x7F]/.test(line)) {
    return result(session, { ...session, saslPending: null, user: null }, kind, [pop3Reply('invalidCharacters')])
  }
  if (session.saslPending) return saslResponse(session, line)

  const cmd = parsePop3Line(line)
  // PASS must come immediately after a successful USER (RFC 1939 §7): any other command forgets the name.
  const s: Pop3Session = cmd.command === 'PASS' ? session : { ...session, user: null }
  if (cmd.command === 'unknown') {
    const obsolete = OBSOLETE_POP3_COMMANDS.includes(cmd.keyword)
    return result(session, s, 'unknown', [obsolete ? pop3Reply('obsoleteCommand', { command: cmd.keyword }) : pop3Reply('unknownCommand')])
  }
  // RFC 1939 §3: a command in the wrong state gets -ERR; which state takes which command is one table (rules.ts).
  if (pop3SequenceCheck(session.state, cmd.command) !== null) {
    return result(session, s, cmd.command, [pop3Reply('wrongState', { command: cmd.command, state: session.state.toUpperCase() })])
  }
  return session.state === 'authorization' ? authorization(session, s, cmd, cmd.command) : transaction(session, s, cmd, cmd.command)
}

function noArguments(before: Pop3Session, s: Pop3Session, cmd: Pop3CommandLine, command: Pop3Command): Pop3Result | null {
  return cmd.args.length > 0 ? result(before, s, command, [pop3Reply('tooManyArguments', { command })]) : null
}

function capa(before: Pop3Session, s: Pop3Session, cmd: Pop3CommandLine): Pop3Result {
  return noArguments(before, s, cmd, 'CAPA') ?? result(before, s, 'CAPA', [pop3MultiReply('capabilities', pop3Capabilities(s))])
}

/** RFC 1939 §4, §7; RFC 2449 §5; RFC 2595 §4; RFC 5034 §4. */
function authorization(before: Pop3Session, s: Pop3Session, cmd: Pop3CommandLine, command: Pop3Command): Pop3Result {
  const r = (...replies: EngineReply[]): Pop3Result => result(before, s, command, replies)
  switch (command) {
    case 'CAPA':
      return capa(before, s, cmd)
    case 'QUIT':
      // From AUTHORIZATION the session ends without UPDATE: nothing is removed (RFC 1939 §6).
      return noArguments(before, s, cmd, command) ?? result(before, { ...s, state: 'closed' }, command, [pop3Reply('quitAuthorization')], [{ type: 'close' }])
    case 'USER': {
      if (!plaintextAllowed(s)) return r(pop3Reply('plaintextDisallowed'))
      if (cmd.args.length === 0) return r(pop3Reply('missingArgument', { command }))
      if (cmd.args.length > 1) return r(pop3Reply('tooManyArguments', { command }))
      const name = cmd.args[0] ?? ''
      return result(before, { ...s, user: name }, command, [pop3Reply('userAccepted')])
    }
    case 'PASS': {
      // PASS's one argument is the rest of the line, spaces included (RFC 1939 §7).
      const user = s.user
      const forget: Pop3Session = { ...s, user: null }
      if (user === null) return result(before, forget, command, [pop3Reply('noUserGiven')])
      if (cmd.rest === '') return result(before, forget, command, [pop3Reply('missingArgument', { command })])
      if (!checkPassword(s.options.users, user, cmd.rest)) return result(before, forget, command, [pop3Reply('authFailed')])
      return login(s, user, 'USER/PASS')
    }
    case 'APOP': {
      // digest = lowercase hex MD5(timestamp + secret); the secret itself never crosses the wire (RFC 1939 §7).
      if (cmd.args.length < 2) return r(pop3Reply('missingArgument', { command }))
      if (cmd.args.length > 2) return r(pop3Reply('tooManyArguments', { command }))
      const [name = '', digest = ''] = cmd.args
      const secret = storedPassword(s.options.users, name)
      if (secret === undefined || apopDigest(s.options.apopTimestamp, secret) !== digest.toLowerCase()) {
        return r(pop3Reply('authFailed'))
      }
      return login(s, name, 'APOP')
    }
    case 'AUTH': {
      if (cmd.args.length === 0) return r(pop3Reply('missingArgument', { command }))
      if (cmd.args.length > 2) return r(pop3Reply('tooManyArguments', { command }))
      const [mechanism = '', initial] = cmd.args
      if (mechanism.toUpperCase() !== 'PLAIN') return r(pop3Reply('saslUnsupported'))
      if (!plaintextAllowed(s)) return r(pop3Reply('plaintextDisallowed'))
      if (initial === undefined) return result(before, { ...s, saslPending: 'PLAIN' }, command, [pop3Reply('saslContinue')])
      // "=" is an empty initial response (RFC 5034 §4).
      return plainResponse(before, s, initialResponse(initial), command)
    }
    case 'STLS': {
      if (cmd.args.length > 0) return r(pop3Reply('tooManyArguments', { command }))
      if (s.secure) return r(pop3Reply('stlsActive'))
      if (!stlsOffered(s)) return r(pop3Reply('stlsUnavailable'))
      // The handshake follows "+OK"; the client must forget what it learnt before (RFC 2595 §4).
      return result(before, { ...s, secure: true, user: null }, command, [pop3Reply('stlsBegin')], [{ type: 'tls-start' }])
    }
    case 'STAT':
    case 'LIST':
    case 'RETR':
    case 'DELE':
    case 'NOOP':
    case 'RSET':
    case 'TOP':
    case 'UIDL':
      // Unreachable: the table (rules.ts) refuses TRANSACTION commands before login (RFC 1939 §3).
      return r(pop3Reply('wrongState', { command, state: s.state.toUpperCase() }))
    default:
      return assertNever(command)
  }
}

/** The line after "+ ": "*" cancels, otherwise base64 of authzid NUL authcid NUL passwd (RFC 4616 §2). */
function saslResponse(session: Pop3Session, line: string): Pop3Result {
  const s: Pop3Session = { ...session, saslPending: null, user: null }
  if (line === SASL_CANCEL) return result(session, s, 'sasl-response', [pop3Reply('saslAborted')])
  return plainResponse(session, s, line, 'sasl-response')
}

function plainResponse(before: Pop3Session, s: Pop3Session, b64: string, command: Pop3LineKind): Pop3Result {
  const r0 = decodePlain(b64)
  if (!r0.ok && r0.reason === 'base64') return result(before, s, command, [pop3Reply('saslInvalidBase64')])
  const c = r0.ok ? r0.credentials : null
  if (!c || !plainAuthorizes(c) || !checkPassword(s.options.users, c.authcid, c.passwd)) return result(before, s, command, [pop3Reply('authFailed')])
  const r = login(s, c.authcid, 'PLAIN')
  return { session: r.session, turn: { ...r.turn, stateBefore: before.state, path: [before.state, r.session.state], command } }
}

type MessagePick = { ok: true; n: number; message: Pop3Message } | { ok: false; reply: EngineReply }

/** Message numbers are decimal, from 1, and may not name a deleted message (RFC 1939 §4, §5). */
function pick(s: Pop3Session, arg: string): MessagePick {
  if (!/^[0-9]+$/.test(arg)) return { ok: false, reply: pop3Reply('invalidNumber', { arg }) }
  const n = Number(arg)
  const message = Number.isSafeInteger(n) && n >= 1 ? s.messages[n - 1] : undefined
  if (!message) return { ok: false, reply: pop3Reply('noSuchMessage', { n: arg }) }
  if (message.deleted) return { ok: false, reply: pop3Reply('messageDeleted') }
  return { ok: true, n, message }
}

/** RFC 1939 §5, §6, §7. */
function transaction(before: Pop3Session, s: Pop3Session, cmd: Pop3CommandLine, command: Pop3Command): Pop3Result {
  const r = (...replies: EngineReply[]): Pop3Result => result(before, s, command, replies)
  const oneNumber = (): MessagePick => {
    if (cmd.args.length === 0) return { ok: false, reply: pop3Reply('missingArgument', { command }) }
    if (cmd.args.length > 1) return { ok: false, reply: pop3Reply('tooManyArguments', { command }) }
    return pick(s, cmd.args[0] ?? '')
  }
  switch (command) {
    case 'CAPA':
      return capa(before, s, cmd)
    case 'STAT': {
      const { count, octets } = live(s.messages)
      return noArguments(before, s, cmd, command) ?? r(pop3Reply('dropListing', { count, octets }))
    }
    case 'LIST':
    case 'UIDL': {
      if (cmd.args.length > 1) return r(pop3Reply('tooManyArguments', { command }))
      const arg = cmd.args[0]
      if (arg !== undefined) {
        const p = pick(s, arg)
        if (!p.ok) return r(p.reply)
        return r(command === 'LIST' ? pop3Reply('scanListing', { n: p.n, octets: p.message.size }) : pop3Reply('uidListing', { n: p.n, uid: p.message.uid }))
      }
      // Deleted messages are not listed; the others keep their numbers (RFC 1939 §5, §7).
      const body: string[] = []
      s.messages.forEach((m, i) => {
        if (!m.deleted) body.push(command === 'LIST' ? `${i + 1} ${m.size}` : `${i + 1} ${m.uid}`)
      })
      return r(command === 'LIST' ? pop3MultiReply('scanListings', body, { count: live(s.messages).count }) : pop3MultiReply('uidListings', body))
    }
    case 'RETR': {
      const p = oneNumber()
      if (!p.ok) return r(p.reply)
      return r(pop3MultiReply('message', messageLines(p.message.raw), { octets: p.message.size }))
    }
    case 'TOP': {
      if (cmd.args.length < 2) return r(pop3Reply('missingArgument', { command }))
      if (cmd.args.length > 2) return r(pop3Reply('tooManyArguments', { command }))
      const [msg = '', lines = ''] = cmd.args
      const p = pick(s, msg)
      if (!p.ok) return r(p.reply)
      if (!/^[0-9]+$/.test(lines)) return r(pop3Reply('invalidLineCount', { arg: lines }))
      return r(pop3MultiReply('top', topLines(p.message.raw, Number(lines))))
    }
    case 'DELE': {
      const p = oneNumber()
      if (!p.ok) return r(p.reply)
      // Only a mark: the message leaves the maildrop in UPDATE (RFC 1939 §5, §6).
      const messages = s.messages.map((m, i) => (i === p.n - 1 ? { ...m, deleted: true } : m))
      return result(before, { ...s, messages }, command, [pop3Reply('markedDeleted')])
    }
    case 'RSET': {
      const stop = noArguments(before, s, cmd, command)
      if (stop) return stop
      const messages = s.messages.map((m) => (m.deleted ? { ...m, deleted: false } : m))
      const { count, octets } = live(messages)
      return result(before, { ...s, messages }, command, [pop3Reply('reset', { count, octets })])
    }
    case 'NOOP':
      return noArguments(before, s, cmd, command) ?? r(pop3Reply('noop'))
    case 'QUIT': {
      const stop = noArguments(before, s, cmd, command)
      if (stop) return stop
      // UPDATE: remove the marked messages, answer, close (RFC 1939 §6).
      const user = s.authenticatedUser ?? ''
      const removed = s.messages.filter((m) => m.deleted).length
      const drop: Pop3Drop = removed > 0 ? { ...s.drop, [user]: s.messages.filter((m) => !m.deleted).map((m) => m.raw) } : s.drop
      const closed: Pop3Session = { ...s, state: 'closed', drop, messages: [] }
      return result(before, closed, command, [pop3Reply(removed > 0 ? 'quitUpdateRemoved' : 'quitUpdate')], [{ type: 'close' }], ['update'])
    }
    case 'USER':
    case 'PASS':
    case 'APOP':
    case 'AUTH':
    case 'STLS':
      // Unreachable: the table (rules.ts) keeps authentication and STLS to AUTHORIZATION (RFC 1939 §7, RFC 2595 §4, RFC 5034 §4).
      return r(pop3Reply('wrongState', { command, state: s.state.toUpperCase() }))
    default:
      return assertNever(command)
  }
}

/** Every user's maildrop as it stands: after a QUIT from TRANSACTION, without the deleted messages. */
export function pop3Mailbox(from: Pop3Session | { readonly session: Pop3Session }): Record<string, string[]> {
  const drop = 'drop' in from ? from.drop : from.session.drop
  const out: Record<string, string[]> = {}
  for (const [user, messages] of Object.entries(drop)) out[user] = [...messages]
  return out
}
