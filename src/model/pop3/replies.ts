// Every reply the POP3 engine can give, declared once (after nodemailer smtp-server's code map).
// Texts follow Dovecot 2.3 where the recorded transcripts show them (fixtures/real-sessions/pop3_*.txt);
// the status (+OK / -ERR) follows RFC 1939 §3, which is all a client may rely on (RFC 1939 §9).
import { fillTemplate, type TemplateArgs, type TemplateVars } from '../template'
import type { EngineReply, ReplyClass } from '../types'

/** `+` is the SASL continuation of AUTH (RFC 5034 §4), the only POP3 reply that is neither +OK nor -ERR. */
export type Pop3Status = '+OK' | '-ERR' | '+'

export interface Pop3ReplyDef {
  readonly status: Pop3Status
  /** Where the rule comes from. */
  readonly rfc: string
  /** The text after the status; `{name}` placeholders are filled by the engine (fillTemplate). */
  readonly text: string
  /** True when a body and the lone "." terminator follow the first line (RFC 1939 §3). */
  readonly multiline?: boolean
  /** The body is mail content (RETR, TOP): what an eavesdropper reads as the message itself. */
  readonly carriesMessage?: true
}

export const POP3_REPLIES = {
  // ── Connection opening ────────────────────────────────────────────────────────────────────────
  // One positive line; the <timestamp> at its end is the APOP challenge (RFC 1939 §4, §7).
  greeting: { status: '+OK', rfc: 'RFC 1939 §4, §7', text: '{host} POP3 server ready. {timestamp}' },

  // ── Any state ─────────────────────────────────────────────────────────────────────────────────
  // CAPA: one capability per line, then "." (RFC 2449 §5). Dovecot sends a bare "+OK".
  capabilities: { status: '+OK', rfc: 'RFC 2449 §5', text: '', multiline: true },
  // Commands are at most 255 octets including CRLF (RFC 2449 §4).
  lineTooLong: { status: '-ERR', rfc: 'RFC 2449 §4', text: 'Line too long.' },
  // A command is printable keyword and arguments separated by SP (RFC 1939 §3; RFC 2449 §3 VCHAR).
  invalidCharacters: { status: '-ERR', rfc: 'RFC 1939 §3, RFC 2449 §3', text: 'Control characters are not allowed in a command.' },
  // Unrecognised or unimplemented commands get -ERR (RFC 1939 §3).
  unknownCommand: { status: '-ERR', rfc: 'RFC 1939 §3', text: 'Unknown command.' },
  // RPOP was removed by RFC 1460 and LAST by RFC 1725; RFC 1939 has neither: unimplemented, so -ERR (§3).
  obsoleteCommand: { status: '-ERR', rfc: 'RFC 1939 §3', text: '{command} is not part of POP3 (RFC 1939).' },
  // A fault inside the engine (a bug, never the client's doing): the line was not processed; [SYS/TEMP]
  // says the problem is the server's and may pass (RFC 3206 §4, RFC 2449 §8).
  internalError: { status: '-ERR', rfc: 'RFC 3206 §4, RFC 1939 §3', text: '[SYS/TEMP] Internal error, command not processed.' },
  // A known command in the wrong state gets -ERR (RFC 1939 §3).
  wrongState: { status: '-ERR', rfc: 'RFC 1939 §3', text: '{command} is not allowed in the {state} state.' },
  // Syntactically invalid commands get -ERR (RFC 1939 §3).
  missingArgument: { status: '-ERR', rfc: 'RFC 1939 §3', text: 'Missing argument for {command}.' },
  tooManyArguments: { status: '-ERR', rfc: 'RFC 1939 §3', text: 'Too many arguments for {command}.' },

  // ── AUTHORIZATION: USER / PASS / APOP (RFC 1939 §7) ────────────────────────────────────────────
  // Like Dovecot, any name is accepted so the reply does not reveal which mailboxes exist (RFC 1939 §13).
  userAccepted: { status: '+OK', rfc: 'RFC 1939 §7', text: '' },
  // PASS may only follow a successful USER (RFC 1939 §7).
  noUserGiven: { status: '-ERR', rfc: 'RFC 1939 §7', text: 'No username given.' },
  // PASS, APOP or AUTH succeeded: the maildrop is locked and the session enters TRANSACTION (RFC 1939 §4).
  loggedIn: { status: '+OK', rfc: 'RFC 1939 §4, §7', text: 'Logged in.' },
  // Wrong name, password or digest; [AUTH] marks a credentials problem (RFC 3206 §5, RFC 2449 §8).
  authFailed: { status: '-ERR', rfc: 'RFC 1939 §7, RFC 3206 §5', text: '[AUTH] Authentication failed.' },
  // Cleartext passwords refused until TLS when the server is configured so (RFC 2595 §2.3, requireTls).
  plaintextDisallowed: {
    status: '-ERR',
    rfc: 'RFC 2595 §2.3, RFC 3206 §5',
    text: '[AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
  },

  // ── AUTHORIZATION: AUTH (RFC 5034) ──────────────────────────────────────────────────────────────
  // "+ " and an empty challenge: PLAIN waits for the client's base64 response (RFC 5034 §4, RFC 4616 §2).
  saslContinue: { status: '+', rfc: 'RFC 5034 §4', text: '' },
  // A response longer than the server takes (12288 octets, see sasl.ts) ends the exchange (RFC 5034 §4).
  saslLineTooLong: { status: '-ERR', rfc: 'RFC 5034 §4', text: 'Authentication response too long.' },
  saslAborted: { status: '-ERR', rfc: 'RFC 5034 §4', text: 'Authentication aborted by client.' },
  saslInvalidBase64: { status: '-ERR', rfc: 'RFC 5034 §4', text: 'Invalid base64 data in response.' },
  saslUnsupported: { status: '-ERR', rfc: 'RFC 5034 §4', text: 'Unsupported authentication mechanism.' },

  // ── AUTHORIZATION: STLS (RFC 2595 §4) ───────────────────────────────────────────────────────────
  stlsBegin: { status: '+OK', rfc: 'RFC 2595 §4', text: 'Begin TLS negotiation' },
  stlsActive: { status: '-ERR', rfc: 'RFC 2595 §4', text: 'Command not permitted when TLS active' },
  stlsUnavailable: { status: '-ERR', rfc: 'RFC 2595 §4, RFC 1939 §3', text: 'STLS is not offered here.' },

  // ── QUIT ────────────────────────────────────────────────────────────────────────────────────────
  // From AUTHORIZATION: close without entering UPDATE (RFC 1939 §4, §6).
  quitAuthorization: { status: '+OK', rfc: 'RFC 1939 §4', text: 'Logging out.' },
  // From TRANSACTION: UPDATE removes the marked messages, then the connection closes (RFC 1939 §6).
  quitUpdate: { status: '+OK', rfc: 'RFC 1939 §6', text: 'Logging out.' },
  quitUpdateRemoved: { status: '+OK', rfc: 'RFC 1939 §6', text: 'Logging out, messages deleted.' },

  // ── TRANSACTION (RFC 1939 §5, §7) ───────────────────────────────────────────────────────────────
  // STAT: the drop listing "count octets", deleted messages not counted (§5).
  dropListing: { status: '+OK', rfc: 'RFC 1939 §5', text: '{count} {octets}' },
  // LIST: one scan listing "n octets" per message, then "." (§5). Dovecot's first line: "+OK 9 messages:".
  scanListings: { status: '+OK', rfc: 'RFC 1939 §5', text: '{count} messages:', multiline: true },
  scanListing: { status: '+OK', rfc: 'RFC 1939 §5', text: '{n} {octets}' },
  // UIDL: "n unique-id" lines (§7).
  uidListings: { status: '+OK', rfc: 'RFC 1939 §7', text: '', multiline: true },
  uidListing: { status: '+OK', rfc: 'RFC 1939 §7', text: '{n} {uid}' },
  // RETR: the whole message, byte-stuffed, then "." (§5, §3).
  message: { status: '+OK', rfc: 'RFC 1939 §5', text: '{octets} octets', multiline: true, carriesMessage: true },
  // TOP: headers, the blank line, and the first n body lines (§7).
  top: { status: '+OK', rfc: 'RFC 1939 §7', text: '', multiline: true, carriesMessage: true },
  // DELE only marks; removal happens in UPDATE (§5, §6).
  markedDeleted: { status: '+OK', rfc: 'RFC 1939 §5', text: 'Marked to be deleted.' },
  // RSET unmarks every message (§5); the text follows RFC 1939's example.
  reset: { status: '+OK', rfc: 'RFC 1939 §5', text: 'maildrop has {count} messages ({octets} octets)' },
  noop: { status: '+OK', rfc: 'RFC 1939 §5', text: '' },
  // A message number may not refer to a message marked as deleted (§5).
  messageDeleted: { status: '-ERR', rfc: 'RFC 1939 §5', text: 'Message is deleted.' },
  noSuchMessage: { status: '-ERR', rfc: 'RFC 1939 §5', text: "There's no message {n}." },
  invalidNumber: { status: '-ERR', rfc: 'RFC 1939 §3, §5', text: 'Invalid message number: {arg}' },
  // TOP's second argument is a non-negative number of lines (§7).
  invalidLineCount: { status: '-ERR', rfc: 'RFC 1939 §7', text: 'Invalid number of lines: {arg}' },
} as const satisfies Record<string, Pop3ReplyDef>

export type Pop3ReplyId = keyof typeof POP3_REPLIES

export const POP3_REPLY_IDS = Object.keys(POP3_REPLIES) as Pop3ReplyId[]

/** The values a reply's text takes: none for fixed texts, else one object naming each placeholder. */
export type Pop3ReplyArgs<K extends Pop3ReplyId> = TemplateArgs<(typeof POP3_REPLIES)[K]['text']>

function classOf(status: Pop3Status): ReplyClass {
  switch (status) {
    case '+OK':
      return 'positive'
    case '-ERR':
      return 'permanent'
    case '+':
      return 'intermediate'
  }
}

function firstLine(id: Pop3ReplyId, vars: TemplateVars): string {
  const def: Pop3ReplyDef = POP3_REPLIES[id]
  const text = fillTemplate(def.text, vars)
  // The continuation is "+" SP [base64] even when the challenge is empty (RFC 5034 §4).
  if (def.status === '+') return `+ ${text}`
  return text === '' ? def.status : `${def.status} ${text}`
}

/** A one-line reply. */
export function pop3Reply<K extends Pop3ReplyId>(id: K, ...args: Pop3ReplyArgs<K>): EngineReply {
  const def: Pop3ReplyDef = POP3_REPLIES[id]
  return { id, status: def.status, cls: classOf(def.status), lines: [firstLine(id, (args[0] ?? {}) as TemplateVars)], rfc: def.rfc }
}

/** Byte-stuffing: a body line that starts with "." gets one more "." (RFC 1939 §3). */
export function dotStuff(line: string): string {
  return line.startsWith('.') ? `.${line}` : line
}

/** A multi-line reply: the first line, the byte-stuffed body, and the lone "." (RFC 1939 §3). */
export function pop3MultiReply<K extends Pop3ReplyId>(id: K, body: readonly string[], ...args: Pop3ReplyArgs<K>): EngineReply {
  const def: Pop3ReplyDef = POP3_REPLIES[id]
  return {
    id,
    status: def.status,
    cls: classOf(def.status),
    rfc: def.rfc,
    lines: [firstLine(id, (args[0] ?? {}) as TemplateVars), ...body.map(dotStuff), '.'],
    ...(def.carriesMessage ? { message: true as const } : {}),
  }
}
