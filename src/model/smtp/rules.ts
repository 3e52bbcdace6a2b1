// Which SMTP command is accepted in which state, and which reply refuses it otherwise. The machine's sequence
// checks read this table and nothing else (xstate's lesson: the chart is the truth, not its documentation);
// the path test walks the machine against it, and a state panel can show it (smtpCommandsIn).
import { IMPLICIT_TLS_PORTS, PORTS, type ResolvedOptions } from '../defaults'
import { SMTP_COMMANDS, type SmtpCommand, type SmtpLineKind, type SmtpState } from './command'
import type { SmtpSession } from './machine'
import { SMTP_REPLIES, type SmtpReplyId } from './replies'

/** States in which a client line is read as a command ('data' reads message text, 'auth' SASL responses, 'closed' nothing). */
export const SMTP_COMMAND_STATES = ['connected', 'greeted', 'mail', 'rcpt'] as const
export type SmtpCommandState = (typeof SMTP_COMMAND_STATES)[number]

/** A cell of the table: the command runs (its own arguments are then checked), or this reply refuses it. */
export type SmtpSequenceCell = 'accept' | SmtpReplyId

const ok = 'accept'
const row = (connected: SmtpSequenceCell, greeted: SmtpSequenceCell, mail: SmtpSequenceCell, rcpt: SmtpSequenceCell) => ({ connected, greeted, mail, rcpt })

/** State × command. Read a row as "in this state, this command ...". */
export const SMTP_SEQUENCE: Readonly<Record<SmtpCommand, Readonly<Record<SmtpCommandState, SmtpSequenceCell>>>> = {
  //            connected     greeted       mail                  rcpt
  // RFC 5321 §4.1.4: HELO/EHLO at any time; inside a transaction they reset it, like RSET.
  HELO: row(ok, ok, ok, ok),
  EHLO: row(ok, ok, ok, ok),
  // RFC 5321 §4.1.4: MAIL needs HELO/EHLO first (503); §4.1.1.2: one transaction at a time (503 nested).
  MAIL: row('needHelo', ok, 'nestedMail', 'nestedMail'),
  // RFC 5321 §4.1.1.3, §4.1.4: RCPT only after MAIL (503).
  RCPT: row('needHelo', 'needMail', ok, ok),
  // RFC 5321 §4.1.1.4, §3.3: DATA only after an accepted RCPT (503; 554 when every RCPT was refused, see guards).
  DATA: row('needHelo', 'needRcpt', 'needRcpt', ok),
  // RFC 5321 §4.1.4: RSET, NOOP, QUIT (and VRFY, HELP) may be sent at any time.
  RSET: row(ok, ok, ok, ok),
  NOOP: row(ok, ok, ok, ok),
  QUIT: row(ok, ok, ok, ok),
  VRFY: row(ok, ok, ok, ok),
  HELP: row(ok, ok, ok, ok),
  // RFC 5321 §3.5.2, §4.2.4: EXPN may be disabled; this server never expands lists (502).
  EXPN: row('notImplemented', 'notImplemented', 'notImplemented', 'notImplemented'),
  // Postfix's choice, not an RFC rule: STARTTLS inside a mail transaction gets 503 (RFC 3207 §4 names only 220, 501
  // and 454; 503 is RFC 5321 §4.1.4's bad sequence).
  STARTTLS: row(ok, ok, 'tlsInTransaction', 'tlsInTransaction'),
  // RFC 4954 §4: AUTH after EHLO, not during a mail transaction (503).
  AUTH: row('needEhlo', ok, 'authInTransaction', 'authInTransaction'),
}

/** Facts about the session, besides its state, that some sequence rules depend on. */
export type SmtpCondition =
  /** TLS is required (`requireTls`) and not yet active. */
  | 'tls-required'
  /** The connection is under TLS (after STARTTLS, or from the start on 465). */
  | 'tls-active'
  /** STARTTLS is not configured on this port. */
  | 'starttls-off'
  /** AUTH is not offered on this port (only submission 587 and 465 offer it). */
  | 'auth-off'
  /** The client greeted with HELO, or not at all: no ESMTP extensions. */
  | 'not-ehlo'
  /** AUTH already succeeded on this connection. */
  | 'authenticated'
  /** A submission port and nobody authenticated yet. */
  | 'auth-required'
  /** In a transaction whose every RCPT was refused. */
  | 'rcpt-refused'

export interface SmtpGuard {
  readonly when: SmtpCondition
  readonly commands: readonly SmtpCommand[]
  /** Only in these states; in every command state when absent. */
  readonly states?: readonly SmtpCommandState[]
  readonly reply: SmtpReplyId
}

/** Checked in this order before the state table; the first guard that holds answers instead of the table. */
export const SMTP_GUARDS: readonly SmtpGuard[] = [
  // RFC 3207 §4: while TLS is required, everything but NOOP, EHLO, STARTTLS and QUIT gets 530.
  { when: 'tls-required', commands: SMTP_COMMANDS.filter((c) => !['NOOP', 'EHLO', 'STARTTLS', 'QUIT'].includes(c)), reply: 'tlsRequired' },
  // RFC 3207 §4.2: STARTTLS is no longer offered once TLS is active; a second one gets Postfix's 554.
  { when: 'tls-active', commands: ['STARTTLS'], reply: 'tlsActive' },
  // A known command this server does not offer here is 502 (RFC 5321 §4.2.4); for STARTTLS that is Postfix's choice.
  { when: 'starttls-off', commands: ['STARTTLS'], reply: 'notImplemented' },
  { when: 'auth-off', commands: ['AUTH'], reply: 'notImplemented' },
  // RFC 4954 §3, §4: AUTH is an ESMTP extension, so it needs EHLO.
  { when: 'not-ehlo', commands: ['AUTH'], reply: 'needEhlo' },
  // RFC 4954 §4: after a successful AUTH, further AUTH commands get 503.
  { when: 'authenticated', commands: ['AUTH'], reply: 'authAlready' },
  // RFC 4954 §6, RFC 6409 §4.3, RFC 8314 §3.3: submission takes mail from authenticated users only (530).
  { when: 'auth-required', commands: ['MAIL'], states: ['greeted'], reply: 'authRequired' },
  // RFC 5321 §3.3: DATA when every RCPT was refused may be 554 "no valid recipients".
  { when: 'rcpt-refused', commands: ['DATA'], states: ['mail'], reply: 'noValidRcpt' },
]

/** Submission (RFC 6409) and submissions (RFC 8314) offer AUTH; port 25 relays for trusted clients only. */
export function authOffered(opts: ResolvedOptions): boolean {
  return opts.port === PORTS.submission || opts.port === PORTS.smtps
}

/** STARTTLS is configured on a cleartext port (RFC 3207 §4); 465 speaks TLS from the start (RFC 8314 §3). */
export function starttlsConfigured(opts: ResolvedOptions): boolean {
  return opts.starttls && !IMPLICIT_TLS_PORTS.includes(opts.port)
}

/** The conditions that hold for a session now. */
export function smtpConditions(s: SmtpSession): SmtpCondition[] {
  const facts: [SmtpCondition, boolean][] = [
    ['tls-required', s.opts.requireTls && !s.secure],
    ['tls-active', s.secure],
    ['starttls-off', !starttlsConfigured(s.opts)],
    ['auth-off', !authOffered(s.opts)],
    ['not-ehlo', s.helo?.verb !== 'EHLO'],
    ['authenticated', s.authUser !== null],
    ['auth-required', authOffered(s.opts) && s.authUser === null],
    ['rcpt-refused', s.tx !== null && s.tx.rcpts.length === 0 && s.tx.rcptTried],
  ]
  return facts.filter(([, holds]) => holds).map(([c]) => c)
}

const isCommandState = (state: SmtpState): state is SmtpCommandState => (SMTP_COMMAND_STATES as readonly string[]).includes(state)

/** The reply that refuses `command` in `state` under `conditions`, or null when the command runs. */
export function smtpSequenceCheck(state: SmtpState, command: SmtpCommand, conditions: readonly SmtpCondition[]): SmtpReplyId | null {
  if (!isCommandState(state)) return null
  for (const g of SMTP_GUARDS) {
    if (conditions.includes(g.when) && g.commands.includes(command) && (g.states === undefined || g.states.includes(state))) return g.reply
  }
  const cell = SMTP_SEQUENCE[command][state]
  return cell === 'accept' ? null : cell
}

export interface SmtpCommandRule {
  readonly command: SmtpCommand
  readonly accepted: boolean
  /** The refusal, when not accepted: its reply id, code and RFC section. */
  readonly reply?: SmtpReplyId
  readonly code?: number
  readonly rfc?: string
}

/**
 * "In this state, these commands are accepted": every command with the table's verdict, for a state panel.
 * Without conditions it shows the state alone (greeted by EHLO, every extension offered, TLS not required);
 * pass smtpConditions(session) for a live session. Empty in 'data', 'auth' and 'closed', which read no commands.
 */
export function smtpCommandsIn(state: SmtpState, conditions: readonly SmtpCondition[] = []): SmtpCommandRule[] {
  if (!isCommandState(state)) return []
  return SMTP_COMMANDS.map((command) => {
    const reply = smtpSequenceCheck(state, command, conditions)
    if (reply === null) return { command, accepted: true }
    const def = SMTP_REPLIES[reply]
    return { command, accepted: false, reply, code: def.code, rfc: def.rfc }
  })
}

/** One way out of a state: the line that takes it, the reply code that says so, where it leads. */
export interface SmtpTransition {
  readonly from: SmtpState
  readonly command: SmtpLineKind
  readonly reply: number
  readonly to: SmtpState
  /** What the step switches on besides the state; the engine keeps these as flags (`secure`, `authUser`). */
  readonly sets?: 'tls' | 'authenticated'
}

const fromEach = (states: readonly SmtpState[], t: Omit<SmtpTransition, 'from'>): SmtpTransition[] => states.map((from) => ({ from, ...t }))

/**
 * The replies that move the session to another state (or switch on TLS or AUTH). STARTTLS and AUTH are not
 * states of their own in the engine: TLS is a flag that STARTTLS's 220 sets while the state falls back to
 * `connected` (RFC 3207 §4.2), and `auth` is the state of an AUTH exchange waiting for the client's next
 * base64 line (RFC 4954 §4), left with 235 (flag set) or a refusal.
 */
export const SMTP_TRANSITIONS: readonly SmtpTransition[] = [
  // RFC 5321 §4.1.1.1, §4.1.4: HELO/EHLO greets; inside a transaction it also resets it.
  ...fromEach(['connected', 'mail', 'rcpt'], { command: 'HELO', reply: 250, to: 'greeted' }),
  ...fromEach(['connected', 'mail', 'rcpt'], { command: 'EHLO', reply: 250, to: 'greeted' }),
  // RFC 5321 §4.1.1.2–4.1.1.4: MAIL starts a transaction, RCPT adds a recipient, DATA opens the message text.
  { from: 'greeted', command: 'MAIL', reply: 250, to: 'mail' },
  { from: 'mail', command: 'RCPT', reply: 250, to: 'rcpt' },
  { from: 'rcpt', command: 'DATA', reply: 354, to: 'data' },
  // RFC 5321 §4.1.1.4: the lone "." ends the text; 250 means the server took the message, and the transaction is over.
  { from: 'data', command: '.', reply: 250, to: 'greeted' },
  // RFC 5321 §4.1.1.5: RSET drops the transaction.
  ...fromEach(['mail', 'rcpt'], { command: 'RSET', reply: 250, to: 'greeted' }),
  // RFC 5321 §4.1.1.10: QUIT in any state, 221, then the server closes.
  ...fromEach(SMTP_COMMAND_STATES, { command: 'QUIT', reply: 221, to: 'closed' }),
  // RFC 3207 §4.2: after 220 and the TLS handshake the session starts over (EHLO again).
  ...fromEach(['connected', 'greeted'], { command: 'STARTTLS', reply: 220, to: 'connected', sets: 'tls' }),
  // RFC 4954 §4: AUTH with an initial response is answered at once; without one, 334 asks for the next line.
  { from: 'greeted', command: 'AUTH', reply: 235, to: 'greeted', sets: 'authenticated' },
  { from: 'greeted', command: 'AUTH', reply: 334, to: 'auth' },
  { from: 'auth', command: 'sasl-response', reply: 235, to: 'greeted', sets: 'authenticated' },
  { from: 'auth', command: 'sasl-response', reply: 535, to: 'greeted' },
]
