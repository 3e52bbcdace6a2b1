// The SMTP server as a pure transition: smtpStep(session, line) → { session, turn }.
// RFC 5321 (SMTP), RFC 1870 (SIZE), RFC 2034 (ENHANCEDSTATUSCODES), RFC 3207 (STARTTLS), RFC 4954 (AUTH).
import { resolveOptions, IMPLICIT_TLS_PORTS, type ResolvedOptions } from '../defaults'
import { byteLength } from '../encoding'
import {
  LOGIN_PROMPTS,
  SASL_CANCEL,
  checkPassword,
  decodeLogin,
  decodePlain,
  initialResponse,
  initialRole,
  plainAuthorizes,
  saslLineTooLong,
  saslSecret,
} from '../sasl'
import type { ClientLine, DeliveredMessage, EngineEvent, EngineReply, ReplyClass, Secret, ServerOptions, ServerTurn } from '../types'
import { parseParams, parsePath, isDomain } from './address'
import { SMTP_COMMANDS, SMTP_LINE_RFC, smtpLineKind, type SmtpCommand, type SmtpLineKind, type SmtpState } from './command'
import { fillTemplate, type TemplateArgs, type TemplateVars } from '../template'
import { SMTP_REPLIES, type SmtpReplyDef, type SmtpReplyId } from './replies'
import { authOffered, smtpConditions, smtpSequenceCheck, starttlsConfigured } from './rules'

export { SMTP_COMMANDS } from './command'
export type { SmtpCommand, SmtpState } from './command'
/** Commands from older RFCs or other extensions that servers recognise but this one does not implement (502). */
const KNOWN_UNIMPLEMENTED = new Set(['TURN', 'ETRN', 'ATRN', 'BDAT', 'SEND', 'SOML', 'SAML'])

/** Postfix's smtpd_hard_error_limit: after this many errors the server gives up with 421. */
export const HARD_ERROR_LIMIT = 20
/** RFC 5321 §4.5.3.1.8: at least 100 recipients must be buffered. */
export const MAX_RECIPIENTS = 100
/** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF. */
export const MAX_COMMAND_LINE = 510
/** RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets including CRLF. */
export const MAX_TEXT_LINE = 998

interface Recipient {
  readonly address: string
  readonly mailboxes: readonly string[]
  readonly relay: boolean
}

interface Transaction {
  readonly from: string
  readonly rcpts: readonly Recipient[]
  /** A RCPT was tried (even if refused): DATA then answers 554 rather than 503 (RFC 5321 §3.3). */
  readonly rcptTried: boolean
}

interface DataBuffer {
  readonly content: string
  readonly size: number
  readonly longLine: boolean
}

type AuthExchange = { readonly mech: 'PLAIN' } | { readonly mech: 'LOGIN'; readonly user: string | null }

export interface SmtpSession {
  readonly opts: ResolvedOptions
  readonly state: SmtpState
  readonly helo: { readonly verb: 'HELO' | 'EHLO'; readonly domain: string } | null
  readonly secure: boolean
  readonly authUser: string | null
  readonly auth: AuthExchange | null
  readonly tx: Transaction | null
  readonly data: DataBuffer | null
  readonly errors: number
  readonly deliveries: number
}

export interface SmtpResult {
  readonly session: SmtpSession
  readonly turn: ServerTurn
}

function classOf(code: number): ReplyClass {
  if (code >= 500) return 'permanent'
  if (code >= 400) return 'transient'
  if (code >= 300) return 'intermediate'
  return 'positive'
}

/** The values a reply's text needs (`{host}` defaults to the server's name). */
type SmtpReplyArgs<K extends SmtpReplyId> = TemplateArgs<(typeof SMTP_REPLIES)[K]['text'], 'host'>

function reply<K extends SmtpReplyId>(s: SmtpSession, id: K, ...args: SmtpReplyArgs<K>): EngineReply {
  return replyLines(s, id, (args[0] ?? {}) as TemplateVars, [])
}

/** A reply with more lines after the first (EHLO's keywords): "250-" on all but the last (RFC 5321 §4.2.1). */
function replyLines(s: SmtpSession, id: SmtpReplyId, vars: TemplateVars, extra: readonly string[]): EngineReply {
  // Enhanced codes only after EHLO, where ENHANCEDSTATUSCODES was advertised (RFC 2034 §3).
  return formatReply(id, { host: s.opts.hostname, ...vars }, extra, s.helo?.verb === 'EHLO')
}

function formatReply(id: SmtpReplyId, vars: TemplateVars, extra: readonly string[], esmtp: boolean): EngineReply {
  const def: SmtpReplyDef = SMTP_REPLIES[id]
  const text = fillTemplate(def.text, vars)
  const enhanced = def.enhanced !== undefined && esmtp ? def.enhanced : undefined
  const first = enhanced ? `${enhanced} ${text}` : text
  const all = [first, ...extra]
  const lines = all.map((t, i) => `${def.code}${i < all.length - 1 ? '-' : ' '}${t}`)
  return { id, status: String(def.code), cls: classOf(def.code), enhanced, lines, rfc: def.rfc }
}

/** STARTTLS is offered until TLS is on (RFC 3207 §4.2). */
function starttlsOffered(s: SmtpSession): boolean {
  return starttlsConfigured(s.opts) && !s.secure
}

/** The EHLO keywords this server advertises now (RFC 5321 §4.1.1.1; STARTTLS only before TLS, RFC 3207 §4.2). */
export function ehloKeywords(s: SmtpSession): string[] {
  const k = ['PIPELINING', `SIZE ${s.opts.maxMessageSize}`, 'VRFY']
  if (starttlsOffered(s)) k.push('STARTTLS')
  if (authOffered(s.opts) && (s.secure || !s.opts.requireTls)) k.push('AUTH PLAIN LOGIN')
  k.push('ENHANCEDSTATUSCODES', '8BITMIME')
  return k
}

export function createSmtpSession(options: ServerOptions = {}): SmtpSession {
  const opts = resolveOptions('smtp', options)
  return {
    opts,
    state: 'connected',
    helo: null,
    secure: IMPLICIT_TLS_PORTS.includes(opts.port),
    authUser: null,
    auth: null,
    tx: null,
    data: null,
    errors: 0,
    deliveries: 0,
  }
}

/** The greeting (RFC 5321 §3.1): the server speaks first. */
export function smtpOpen(options: ServerOptions = {}): SmtpResult {
  const session = createSmtpSession(options)
  return { session, turn: { replies: [reply(session, 'greeting')], events: [], stateBefore: 'connected', stateAfter: 'connected' } }
}

/** The turn when the engine itself failed on a line (the facade's last resort): 451, nothing changed. */
export function smtpFault(session: SmtpSession | null, state: string): ServerTurn {
  const r = formatReply('localError', {}, [], session?.helo?.verb === 'EHLO')
  return { replies: [r], events: [], stateBefore: state, stateAfter: state, input: { kind: 'unknown', rfc: SMTP_LINE_RFC.unknown } }
}

/** The state implied by the transaction (used after RSET-like changes). */
function txState(s: SmtpSession): SmtpState {
  if (!s.helo) return 'connected'
  if (!s.tx) return 'greeted'
  return s.tx.rcpts.length > 0 ? 'rcpt' : 'mail'
}

/** One client line (without CRLF). Never throws. */
export function smtpStep(session: SmtpSession, line: string): SmtpResult {
  const before = session.state
  const input = smtpInput(session, line)
  if (before === 'closed') return { session, turn: { replies: [], events: [], stateBefore: before, stateAfter: before, input } }
  const out = dispatch(session, line)
  let next = out.session
  const errs = out.replies.filter((r) => r.cls === 'transient' || r.cls === 'permanent').length
  if (errs > 0 && next.state !== 'closed') next = { ...next, errors: next.errors + errs }
  return { session: next, turn: { replies: out.replies, events: out.events, stateBefore: before, stateAfter: next.state, input } }
}

/** What the client line is, read in the state it arrives in, with any credential it carries. */
function smtpInput(s: SmtpSession, line: string): ClientLine {
  const kind = smtpLineKind(s.state, line)
  const secret = smtpSecret(s, kind, line)
  return { kind, rfc: SMTP_LINE_RFC[kind], ...(secret ? { secret } : {}) }
}

/** AUTH's initial response and the lines after 334 are base64 (RFC 4954 §4): on the wire whatever the answer. */
function smtpSecret(s: SmtpSession, kind: SmtpLineKind, line: string): Secret | undefined {
  if (kind === 'AUTH') {
    const [, mech = '', initial, ...more] = line.trim().split(/ +/)
    return initial === undefined || more.length > 0 ? undefined : saslSecret(initial, initialRole(mech))
  }
  if (kind !== 'sasl-response') return undefined
  const role = s.auth?.mech === 'LOGIN' ? (s.auth.user === null ? 'login-user' : 'login-password') : 'plain'
  return saslSecret(line.trim(), role)
}

interface Out {
  session: SmtpSession
  replies: EngineReply[]
  events: EngineEvent[]
}
const say = (session: SmtpSession, ...replies: EngineReply[]): Out => ({ session, replies, events: [] })

function dispatch(s: SmtpSession, line: string): Out {
  if (s.state === 'data') return dataLine(s, line)
  if (s.state === 'auth' && s.auth) return authResponse(s, s.auth, line)

  // A client that keeps erring is cut off (Postfix smtpd_hard_error_limit; RFC 5321 §3.8 allows 421).
  if (s.errors >= HARD_ERROR_LIMIT) return close(s, reply(s, 'tooManyErrors'))
  if (line.length > MAX_COMMAND_LINE) return say(s, reply(s, 'lineTooLong'))
  // Bare CR, LF or NUL inside a command line is not SMTP (RFC 5321 §2.3.8).
  if (line.trim() === '' || /[\r\n\0]/.test(line)) return say(s, reply(s, 'badSyntax'))

  const m = /^([A-Za-z]+)(?: (.*))?$/.exec(line.replace(/\s+$/, ''))
  if (!m) return say(s, reply(s, 'unknownCommand'))
  const verb = (m[1] ?? '').toUpperCase()
  const arg = m[2] ?? ''
  if (!(SMTP_COMMANDS as readonly string[]).includes(verb) || KNOWN_UNIMPLEMENTED.has(verb)) {
    return say(s, reply(s, KNOWN_UNIMPLEMENTED.has(verb) ? 'notImplemented' : 'unknownCommand'))
  }
  const cmd = verb as SmtpCommand
  // Sequence and policy refusals (503, 530, 554, 502) come from one table: rules.ts.
  const refusal = smtpSequenceCheck(s.state, cmd, smtpConditions(s))
  if (refusal !== null) return say(s, replyLines(s, refusal, {}, []))
  switch (cmd) {
    case 'HELO':
    case 'EHLO':
      return hello(s, cmd, arg)
    case 'MAIL':
      return mail(s, arg)
    case 'RCPT':
      return rcpt(s, arg)
    case 'DATA':
      return data(s, arg)
    case 'RSET':
      if (arg.trim() !== '') return say(s, reply(s, 'noArguments', { text: 'RSET' }))
      return say({ ...s, tx: null, state: s.helo ? 'greeted' : 'connected' }, reply(s, 'rsetOk'))
    case 'NOOP':
      return say(s, reply(s, 'noopOk')) // arguments are ignored (RFC 5321 §4.1.1.9)
    case 'QUIT':
      if (arg.trim() !== '') return say(s, reply(s, 'noArguments', { text: 'QUIT' }))
      return close(s, reply(s, 'bye'))
    case 'VRFY':
      return vrfy(s, arg)
    case 'EXPN':
      return say(s, reply(s, 'notImplemented')) // the table refuses EXPN before this
    case 'HELP': {
      // Lists what this server offers now, as EHLO does (STARTTLS before TLS, AUTH where enabled).
      const offered = SMTP_COMMANDS.filter((c) => c !== 'EXPN' && (c !== 'STARTTLS' || starttlsOffered(s)) && (c !== 'AUTH' || authOffered(s.opts)))
      return say(s, reply(s, 'help', { text: offered.join(' ') }))
    }
    case 'STARTTLS':
      return starttls(s, arg)
    case 'AUTH':
      return auth(s, arg)
  }
}

function close(s: SmtpSession, r: EngineReply): Out {
  return { session: { ...s, state: 'closed', tx: null, data: null, auth: null }, replies: [r], events: [{ type: 'close' }] }
}

function hello(s: SmtpSession, verb: 'HELO' | 'EHLO', arg: string): Out {
  const domain = arg.trim()
  // RFC 5321 §4.1.1.1: one argument, the client's domain or address literal. Like Postfix, any one token
  // is accepted: §4.1.4 forbids refusing a session because the name does not match.
  if (domain === '' || /\s/.test(domain)) return say(s, reply(s, 'heloSyntax', { text: verb }))
  // EHLO/HELO in the middle of a transaction resets it, like RSET (RFC 5321 §4.1.4).
  const next: SmtpSession = { ...s, helo: { verb, domain }, tx: null, state: 'greeted' }
  if (verb === 'HELO') return say(next, reply(next, 'heloOk'))
  return say(next, replyLines(next, 'ehloOk', {}, ehloKeywords(next)))
}

function relayAllowed(s: SmtpSession): boolean {
  if (s.opts.trustedClient || s.authUser) return true
  const pbs = s.opts.popBeforeSmtp
  if (!pbs) return false
  const at = pbs.lastPopLogin(s.opts.clientAddress)
  const now = s.opts.now()
  return at !== undefined && now >= at && now - at <= pbs.windowSeconds
}

function mail(s: SmtpSession, arg: string): Out {
  const m = /^FROM:(.*)$/i.exec(arg)
  const helo = s.helo
  // Nothing after the colon is a command-syntax error, 501 5.5.4 as Postfix answers (RFC 5321 §4.1.1.2; RFC 3463 §3.6 X.5.4).
  if (!m || (m[1] ?? '').trim() === '') return say(s, reply(s, 'mailSyntax'))
  if (!helo) return say(s, reply(s, 'needHelo')) // unreachable: the table admits MAIL only after HELO/EHLO
  const p = parsePath(m[1] ?? '', { allowNull: true })
  if (!p.ok) return say(s, reply(s, p.reason === 'too-long' ? 'pathTooLong' : 'senderSyntax'))
  const params = parseParams(p.params)
  if (params === null) return say(s, reply(s, 'mailSyntax'))
  for (const { key, value } of params) {
    // Parameters exist only for extensions announced by EHLO (RFC 5321 §4.1.1.11).
    if (helo.verb !== 'EHLO') return say(s, reply(s, 'unknownParameter', { text: key }))
    if (key === 'SIZE') {
      if (value === null || !/^\d{1,20}$/.test(value)) return say(s, reply(s, 'mailSyntax'))
      if (Number(value) > s.opts.maxMessageSize) return say(s, reply(s, 'tooBigDeclared'))
    } else if (key === 'BODY') {
      if (value === null || !['7BIT', '8BITMIME'].includes(value.toUpperCase())) return say(s, reply(s, 'unknownParameter', { text: `${key}=${value ?? ''}` }))
    } else if (key !== 'AUTH') {
      return say(s, reply(s, 'unknownParameter', { text: key }))
    }
  }
  const next: SmtpSession = { ...s, tx: { from: p.address, rcpts: [], rcptTried: false }, state: 'mail' }
  return say(next, reply(next, 'mailOk'))
}

function localDomains(s: SmtpSession): string[] {
  return [...s.opts.domains, s.opts.hostname].map((d) => d.toLowerCase())
}

/** Mailboxes a local part delivers to, or null when unknown (aliases expand one level, like /etc/aliases). */
function resolveLocal(s: SmtpSession, local: string): string[] | null {
  const lp = local.toLowerCase()
  const users = Object.keys(s.opts.users)
  const user = users.find((u) => u.toLowerCase() === lp)
  if (user) return [user]
  const alias = Object.entries(s.opts.aliases).find(([a]) => a.toLowerCase() === lp)
  if (alias) return alias[1].filter((t) => users.includes(t))
  if (lp === 'postmaster') return [] // RFC 5321 §4.5.1: postmaster is always accepted
  return null
}

function rcpt(s: SmtpSession, arg: string): Out {
  const m = /^TO:(.*)$/i.exec(arg)
  // As for MAIL: no path at all is a syntax error, 501 5.5.4 (RFC 5321 §4.1.1.3; RFC 3463 §3.6 X.5.4).
  if (!m || (m[1] ?? '').trim() === '') return say(s, reply(s, 'rcptSyntax'))
  if (!s.tx) return say(s, reply(s, 'needMail')) // unreachable: the table admits RCPT only in a transaction
  const tried: SmtpSession = { ...s, tx: { ...s.tx, rcptTried: true } }
  const p = parsePath(m[1] ?? '', { allowPostmaster: true })
  if (!p.ok) return say(tried, reply(s, p.reason === 'too-long' ? 'pathTooLong' : 'recipientSyntax'))
  if ((parseParams(p.params) ?? [null]).length > 0) return say(tried, reply(s, 'unknownParameter', { text: p.params }))
  if (s.tx.rcpts.length >= MAX_RECIPIENTS) return say(tried, reply(s, 'tooManyRcpts'))
  const addr = `<${p.address}>`
  const local = p.domain === '' || localDomains(s).includes(p.domain.toLowerCase())
  let recipient: Recipient
  if (local) {
    const boxes = resolveLocal(s, p.local)
    if (boxes === null) return say(tried, reply(s, 'userUnknown', { addr }))
    const now = s.opts.now()
    if (boxes.some((b) => (s.opts.mailboxFullUntil[b] ?? -Infinity) > now)) return say(tried, reply(s, 'mailboxFull', { addr }))
    const grey = s.opts.greylist
    if (grey) {
      const first = grey.firstSeen(`${s.opts.clientAddress}|${s.tx.from}|${p.address}`.toLowerCase(), now)
      if (now - first < grey.delaySeconds) return say(tried, reply(s, 'greylisted', { addr }))
    }
    recipient = { address: p.address, mailboxes: boxes, relay: false }
  } else {
    // RFC 5321 §3.6.2: relaying only for clients the server trusts (mynetworks, AUTH, POP before SMTP).
    if (!relayAllowed(s)) return say(tried, reply(s, 'relayDenied', { addr }))
    recipient = { address: p.address, mailboxes: [], relay: true }
  }
  const next: SmtpSession = { ...tried, tx: { ...s.tx, rcptTried: true, rcpts: [...s.tx.rcpts, recipient] }, state: 'rcpt' }
  return say(next, reply(next, 'rcptOk'))
}

function data(s: SmtpSession, arg: string): Out {
  if (arg.trim() !== '') return say(s, reply(s, 'noArguments', { text: 'DATA' }))
  const next: SmtpSession = { ...s, state: 'data', data: { content: '', size: 0, longLine: false } }
  return say(next, reply(next, 'dataGo'))
}

/** Message lines: silent until the lone "." (RFC 5321 §4.1.1.4); one leading dot is removed (§4.5.2). */
function dataLine(s: SmtpSession, line: string): Out {
  const buf = s.data ?? { content: '', size: 0, longLine: false }
  if (line === '.') return endOfData(s, buf)
  const text = line.startsWith('.') ? line.slice(1) : line
  const size = buf.size + byteLength(line) + 2
  // Past the size limit the text is no longer kept, only counted (the reply comes after the dot).
  const content = size > s.opts.maxMessageSize ? buf.content : `${buf.content}${text}\r\n`
  return say({ ...s, data: { content, size, longLine: buf.longLine || byteLength(line) > MAX_TEXT_LINE } })
}

function endOfData(s: SmtpSession, buf: DataBuffer): Out {
  const reset: SmtpSession = { ...s, state: s.helo ? 'greeted' : 'connected', tx: null, data: null }
  if (buf.size > s.opts.maxMessageSize) return say(reset, reply(s, 'tooBig'))
  if (buf.longLine) return say(reset, reply(s, 'textLineTooLong'))
  const lower = buf.content.toLowerCase()
  if (s.opts.rejectContent.some((w) => lower.includes(w))) return say(reset, reply(s, 'contentRejected'))
  const tx = s.tx ?? { from: '', rcpts: [], rcptTried: false }
  const checked = s.opts.checkMessage?.({
    reversePath: tx.from,
    recipients: tx.rcpts.map((r) => r.address),
    content: buf.content,
    clientAddress: s.opts.clientAddress,
    helo: s.helo?.domain ?? '',
  })
  // RFC 7489 §6.7: a receiver may reject a message that fails DMARC under p=reject, during the SMTP session.
  if (checked?.reject) return say(reset, reply(s, 'policyRejected', { domain: checked.reject.domain }))
  const queueId = makeQueueId(s, buf.content)
  // RFC 8601 §5: Authentication-Results goes above the trace fields that were there when the checks ran.
  const content = (checked?.header ? `${checked.header}\r\n` : '') + receivedHeader(s, queueId, tx) + buf.content
  const local = tx.rcpts.some((r) => !r.relay)
  const message: DeliveredMessage = {
    queueId,
    reversePath: tx.from,
    recipients: tx.rcpts.map((r) => r.address),
    mailboxes: [...new Set(tx.rcpts.flatMap((r) => r.mailboxes))],
    relayed: tx.rcpts.filter((r) => r.relay).map((r) => r.address),
    content,
    // RFC 5321 §4.4: only the final delivery inserts the return path; relayed mail leaves without it.
    stored: local ? `Return-Path: <${tx.from}>\r\n${content}` : null,
  }
  const next: SmtpSession = { ...reset, deliveries: s.deliveries + 1, errors: 0 }
  return { session: next, replies: [reply(s, 'queued', { id: queueId })], events: [{ type: 'delivered', message }] }
}

/** Deterministic, Postfix-looking queue id (10 hex digits) from the content and the delivery count. */
function makeQueueId(s: SmtpSession, content: string): string {
  let h = 0x811c9dc5
  const key = `${s.opts.hostname}|${s.opts.clientAddress}|${s.opts.now()}|${s.deliveries}|${content}`
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16).toUpperCase().padStart(8, '0') + (s.deliveries % 256).toString(16).toUpperCase().padStart(2, '0')
}

/** A lab clock: seconds from Mon, 01 Jan 2024 10:00:00 +0000 (the fixtures' Date:). */
const EPOCH = Date.UTC(2024, 0, 1, 10, 0, 0)
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
export function rfc5322Date(seconds: number): string {
  const d = new Date(EPOCH + Math.max(0, Math.floor(seconds)) * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}

/** The Received: line every server adds on accepting a message, relay or final (RFC 5321 §4.4; "with" keywords per RFC 3848). */
function receivedHeader(s: SmtpSession, queueId: string, tx: Transaction): string {
  const helo = s.helo?.domain ?? 'unknown'
  const esmtp = s.helo?.verb === 'EHLO'
  const withKw = `${esmtp ? 'E' : ''}SMTP${esmtp && s.secure ? 'S' : ''}${esmtp && s.authUser ? 'A' : ''}`
  const forClause = tx.rcpts.length === 1 ? `\r\n\tfor <${tx.rcpts[0]?.address ?? ''}>` : ''
  return `Received: from ${helo} (${s.opts.clientHost ?? (isDomain(helo) ? helo : 'unknown')} [${s.opts.clientAddress}])\r\n\tby ${s.opts.hostname} with ${withKw} id ${queueId}${forClause};\r\n\t${rfc5322Date(s.opts.now())}\r\n`
}

function vrfy(s: SmtpSession, arg: string): Out {
  const a = arg.trim()
  if (a === '') return say(s, reply(s, 'noArguments', { text: 'VRFY address' }))
  const bare = a.replace(/^<(.*)>$/, '$1')
  const at = bare.lastIndexOf('@')
  const local = at < 0 ? bare : bare.slice(0, at)
  const domain = at < 0 ? '' : bare.slice(at + 1).toLowerCase()
  if (domain !== '' && !localDomains(s).includes(domain)) return say(s, reply(s, 'vrfyCannot', { addr: `<${bare}>` }))
  if (resolveLocal(s, local) === null) return say(s, reply(s, 'vrfyUnknown', { addr: `<${bare}>` }))
  // 252: "cannot VRFY, but will accept": the privacy-minded answer of RFC 5321 §3.5.3 that Postfix gives.
  return say(s, reply(s, 'vrfyCannot', { addr: local }))
}

function starttls(s: SmtpSession, arg: string): Out {
  if (arg.trim() !== '') return say(s, reply(s, 'noArguments', { text: 'STARTTLS' }))
  // RFC 3207 §4.2: after the handshake both sides forget everything, the EHLO argument included.
  const r = reply(s, 'tlsReady')
  const next: SmtpSession = { ...s, secure: true, helo: null, tx: null, authUser: null, auth: null, state: 'connected' }
  return { session: next, replies: [r], events: [{ type: 'tls-start' }] }
}

function auth(s: SmtpSession, arg: string): Out {
  const [mechRaw = '', initial, ...more] = arg.trim().split(/ +/)
  const mech = mechRaw.toUpperCase()
  if (more.length > 0 || mech === '') return say(s, reply(s, 'noArguments', { text: 'AUTH mechanism [initial-response]' }))
  if (mech === 'PLAIN') {
    // RFC 4954 §4: "=" is an empty initial response; without one the server sends an empty challenge.
    if (initial === undefined) return say({ ...s, state: 'auth', auth: { mech: 'PLAIN' } }, reply(s, 'authChallenge', { text: '' }))
    return plainResponse(s, initialResponse(initial))
  }
  if (mech === 'LOGIN') {
    if (initial === undefined)
      return say({ ...s, state: 'auth', auth: { mech: 'LOGIN', user: null } }, reply(s, 'authChallenge', { text: LOGIN_PROMPTS.username }))
    const user = decodeLogin(initialResponse(initial))
    if (user === null) return say(s, reply(s, 'authBadBase64'))
    return say({ ...s, state: 'auth', auth: { mech: 'LOGIN', user } }, reply(s, 'authChallenge', { text: LOGIN_PROMPTS.password }))
  }
  return say(s, reply(s, 'authMechanism'))
}

function authResponse(s: SmtpSession, a: AuthExchange, line: string): Out {
  const back: SmtpSession = { ...s, state: txState(s), auth: null }
  // RFC 4954 §4: a response longer than the server's buffer fails AUTH with 500 5.5.6, measured before decoding.
  if (saslLineTooLong(line)) return say(back, reply(s, 'authLineTooLong'))
  if (line.trim() === SASL_CANCEL) return say(back, reply(s, 'authAborted')) // RFC 4954 §4: the client cancels
  if (a.mech === 'PLAIN') return plainResponse(back, line.trim())
  const decoded = decodeLogin(line.trim())
  if (decoded === null) return say(back, reply(s, 'authBadBase64'))
  if (a.user === null) return say({ ...s, auth: { mech: 'LOGIN', user: decoded } }, reply(s, 'authChallenge', { text: LOGIN_PROMPTS.password }))
  return verify(back, a.user, decoded, 'LOGIN')
}

/** SASL PLAIN: authzid NUL authcid NUL passwd (RFC 4616 §2); bad base64 is 501 5.5.2 (RFC 4954 §4). */
function plainResponse(s: SmtpSession, b64: string): Out {
  const back: SmtpSession = { ...s, state: txState(s), auth: null }
  const r = decodePlain(b64)
  if (!r.ok) return say(back, reply(s, r.reason === 'base64' ? 'authBadBase64' : 'authFailed'))
  if (!plainAuthorizes(r.credentials)) return say(back, reply(s, 'authFailed'))
  return verify(back, r.credentials.authcid, r.credentials.passwd, 'PLAIN')
}

function verify(s: SmtpSession, user: string, pass: string, mechanism: string): Out {
  if (!checkPassword(s.opts.users, user, pass)) return say(s, reply(s, 'authFailed'))
  const next: SmtpSession = { ...s, authUser: user }
  return { session: next, replies: [reply(next, 'authOk')], events: [{ type: 'authenticated', user, mechanism }] }
}
