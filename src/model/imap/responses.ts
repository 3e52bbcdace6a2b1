// Every response the IMAP engine can give, declared once (after nodemailer smtp-server's code map).
// Texts follow Dovecot 2.3 where fixtures/real-sessions/imap_session.txt shows them (without Dovecot's
// "(0.001 + 0.000 secs)" timing suffix); statuses follow RFC 9051 §7.1 and RFC 3501 §7.1.
// `{name}` placeholders are filled in by the engine (fillTemplate in src/model/template.ts).
import type { ReplyClass } from '../types'

/** The first word of a response as a learner names it; `*` = untagged data, `+` = continuation request. */
export type ImapStatus = 'OK' | 'NO' | 'BAD' | 'PREAUTH' | 'BYE' | '+' | '*'

/**
 * How a response is framed on the wire (RFC 9051 §2.2.2):
 * `tagged` = `<tag> <status> <text>` completes a command; `untagged` = `* <status> <text>` (or `* <text>` for
 * data); `continuation` = `+ <text>`, the server waits for more client data (RFC 9051 §7.6).
 */
export type ImapFraming = 'tagged' | 'untagged' | 'continuation'

export interface ImapResponseDef {
  readonly status: ImapStatus
  readonly framing: ImapFraming
  /** Everything after the status word (after `* ` for data responses), with `{placeholders}`. */
  readonly text: string
  readonly rfc: string
}

export const IMAP_RESPONSES = {
  // ---- Connection (RFC 9051 §7.1.1: the greeting is an untagged OK; §7.2.2 CAPABILITY may ride in it).
  greeting: { status: 'OK', framing: 'untagged', text: '[CAPABILITY {caps}] {host} IMAP4rev1 server ready.', rfc: 'RFC 9051 §7.1.1, §7.1 (CAPABILITY)' },
  // LOGOUT: BYE first, then the tagged OK, then the server closes (RFC 9051 §6.1.3, §7.1.5).
  bye: { status: 'BYE', framing: 'untagged', text: 'Logging out', rfc: 'RFC 9051 §6.1.3, §7.1.5' },
  logoutOk: { status: 'OK', framing: 'tagged', text: 'Logout completed.', rfc: 'RFC 9051 §6.1.3' },
  // A non-synchronising literal ({n+}) too large to accept: the client sends it anyway, so the server
  // must hang up (RFC 7888 §4; Dovecot does the same).
  byeLiteralTooLarge: { status: 'BYE', framing: 'untagged', text: 'Too long argument.', rfc: 'RFC 7888 §4, RFC 9051 §7.1.5' },

  // ---- Any state (RFC 9051 §6.1).
  capability: { status: '*', framing: 'untagged', text: 'CAPABILITY {caps}', rfc: 'RFC 9051 §7.2.2, RFC 3501 §7.2.1' },
  capabilityOkPre: { status: 'OK', framing: 'tagged', text: 'Pre-login capabilities listed, post-login capabilities have more.', rfc: 'RFC 9051 §6.1.1' },
  capabilityOk: { status: 'OK', framing: 'tagged', text: 'Capability completed.', rfc: 'RFC 9051 §6.1.1' },
  noopOk: { status: 'OK', framing: 'tagged', text: 'NOOP completed.', rfc: 'RFC 9051 §6.1.2' },

  // ---- Not authenticated state (RFC 9051 §6.2).
  starttlsOk: { status: 'OK', framing: 'tagged', text: 'Begin TLS negotiation now.', rfc: 'RFC 9051 §6.2.1' },
  // STARTTLS answers only OK or BAD (RFC 9051 §6.2.1).
  tlsActive: { status: 'BAD', framing: 'tagged', text: 'TLS is already active.', rfc: 'RFC 9051 §6.2.1' },
  tlsUnavailable: { status: 'BAD', framing: 'tagged', text: "TLS support isn't enabled.", rfc: 'RFC 9051 §6.2.1' },
  loginOk: { status: 'OK', framing: 'tagged', text: 'Logged in', rfc: 'RFC 9051 §6.2.3' },
  authOk: { status: 'OK', framing: 'tagged', text: 'Logged in', rfc: 'RFC 9051 §6.2.2, RFC 4616 §2' },
  // Wrong user name or password: NO with the RFC 5530 code kept in RFC 9051 §7.1.
  authFailed: { status: 'NO', framing: 'tagged', text: '[AUTHENTICATIONFAILED] Authentication failed.', rfc: 'RFC 9051 §6.2.3, §7.1 (AUTHENTICATIONFAILED)' },
  // PLAIN with an authorization identity other than the authentication identity (RFC 4616 §2).
  authzFailed: {
    status: 'NO',
    framing: 'tagged',
    text: '[AUTHORIZATIONFAILED] Authorization failed.',
    rfc: 'RFC 4616 §2, RFC 9051 §7.1 (AUTHORIZATIONFAILED)',
  },
  // LOGINDISABLED is advertised before TLS when requireTls: LOGIN and the plaintext SASL mechanisms get NO
  // (RFC 9051 §6.2.3, §7.2.2 via RFC 3501 §7.2.1; code from RFC 9051 §7.1).
  // Sent before privacyRequired when a password already crossed the wire in plaintext (Dovecot does this too).
  plaintextAlert: {
    status: 'BAD',
    framing: 'untagged',
    text: '[ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.',
    rfc: 'RFC 9051 §7.1 (ALERT), §7.1.3',
  },
  privacyRequired: {
    status: 'NO',
    framing: 'tagged',
    text: '[PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
    rfc: 'RFC 9051 §6.2.3, §7.1 (PRIVACYREQUIRED)',
  },
  // SASL challenge: `+ ` (empty, PLAIN) or base64 prompts (LOGIN) (RFC 9051 §6.2.2, §7.6; RFC 4616).
  authContinue: { status: '+', framing: 'continuation', text: '{challenge}', rfc: 'RFC 9051 §6.2.2, §7.6' },
  // A "*" line cancels; bad base64 is rejected: both tagged BAD (RFC 9051 §6.2.2).
  authAborted: { status: 'BAD', framing: 'tagged', text: 'Authentication aborted by client.', rfc: 'RFC 9051 §6.2.2' },
  authBadBase64: { status: 'BAD', framing: 'tagged', text: 'Invalid base64 data in continued response.', rfc: 'RFC 9051 §6.2.2, RFC 4648 §4' },
  authMechanism: { status: 'NO', framing: 'tagged', text: 'Unsupported authentication mechanism.', rfc: 'RFC 9051 §6.2.2' },

  // ---- SELECT / EXAMINE (RFC 9051 §6.3.2–3; RECENT and UNSEEN from RFC 3501 §6.3.1, which Dovecot 2.3 speaks).
  closed: { status: 'OK', framing: 'untagged', text: '[CLOSED] Previous mailbox closed.', rfc: 'RFC 9051 §6.3.2, §7.1 (CLOSED)' },
  flags: { status: '*', framing: 'untagged', text: 'FLAGS ({flags})', rfc: 'RFC 9051 §7.3.5' },
  permanentFlags: { status: 'OK', framing: 'untagged', text: '[PERMANENTFLAGS ({flags})] Flags permitted.', rfc: 'RFC 9051 §6.3.2, §7.1 (PERMANENTFLAGS)' },
  permanentFlagsReadOnly: { status: 'OK', framing: 'untagged', text: '[PERMANENTFLAGS ()] Read-only mailbox.', rfc: 'RFC 9051 §6.3.3, §7.1 (PERMANENTFLAGS)' },
  exists: { status: '*', framing: 'untagged', text: '{n} EXISTS', rfc: 'RFC 9051 §7.4.1' },
  recent: { status: '*', framing: 'untagged', text: '{n} RECENT', rfc: 'RFC 3501 §7.3.2' },
  unseen: { status: 'OK', framing: 'untagged', text: '[UNSEEN {n}] First unseen.', rfc: 'RFC 3501 §6.3.1, §7.1' },
  uidValidity: { status: 'OK', framing: 'untagged', text: '[UIDVALIDITY {n}] UIDs valid', rfc: 'RFC 9051 §2.3.1.1, §6.3.2' },
  uidNext: { status: 'OK', framing: 'untagged', text: '[UIDNEXT {n}] Predicted next UID', rfc: 'RFC 9051 §2.3.1.1, §6.3.2' },
  selectOk: { status: 'OK', framing: 'tagged', text: '[READ-WRITE] Select completed.', rfc: 'RFC 9051 §6.3.2' },
  examineOk: { status: 'OK', framing: 'tagged', text: '[READ-ONLY] Examine completed.', rfc: 'RFC 9051 §6.3.3' },
  noSuchMailbox: { status: 'NO', framing: 'tagged', text: "[NONEXISTENT] Mailbox doesn't exist: {name}", rfc: 'RFC 9051 §6.3.2, §7.1 (NONEXISTENT)' },

  // ---- Mailbox management (RFC 9051 §6.3.4–5, §6.3.9, §6.3.11).
  createOk: { status: 'OK', framing: 'tagged', text: 'Create completed.', rfc: 'RFC 9051 §6.3.4' },
  alreadyExists: { status: 'NO', framing: 'tagged', text: '[ALREADYEXISTS] Mailbox already exists', rfc: 'RFC 9051 §6.3.4, §7.1 (ALREADYEXISTS)' },
  deleteOk: { status: 'OK', framing: 'tagged', text: 'Delete completed.', rfc: 'RFC 9051 §6.3.5' },
  // An implementation limit: this lab server keeps at most MAX_MAILBOXES mailboxes per user (RFC 9051 §7.1 LIMIT).
  mailboxLimit: { status: 'NO', framing: 'tagged', text: '[LIMIT] Too many mailboxes', rfc: 'RFC 9051 §6.3.4, §7.1 (LIMIT)' },
  cannot: { status: 'NO', framing: 'tagged', text: '[CANNOT] {reason}', rfc: 'RFC 9051 §6.3.4–5, §7.1 (CANNOT)' },
  list: { status: '*', framing: 'untagged', text: 'LIST ({attrs}) "/" {name}', rfc: 'RFC 9051 §7.3.1, RFC 6154 §2' },
  listOk: { status: 'OK', framing: 'tagged', text: 'List completed.', rfc: 'RFC 9051 §6.3.9' },
  status: { status: '*', framing: 'untagged', text: 'STATUS {name} ({items})', rfc: 'RFC 9051 §7.3.3' },
  statusOk: { status: 'OK', framing: 'tagged', text: 'Status completed.', rfc: 'RFC 9051 §6.3.11' },

  // ---- APPEND with a literal (RFC 9051 §6.3.12, §4.3; APPENDUID from RFC 4315 §3).
  literalContinue: { status: '+', framing: 'continuation', text: 'OK', rfc: 'RFC 9051 §4.3, §7.6' },
  appendOk: { status: 'OK', framing: 'tagged', text: '[APPENDUID {validity} {uid}] Append completed.', rfc: 'RFC 9051 §6.3.12, RFC 4315 §3' },
  // The target must exist; the server never creates it (RFC 9051 §6.3.12).
  tryCreate: { status: 'NO', framing: 'tagged', text: "[TRYCREATE] Mailbox doesn't exist: {name}", rfc: 'RFC 9051 §6.3.12, §7.1 (TRYCREATE)' },
  tooBig: { status: 'NO', framing: 'tagged', text: '[TOOBIG] Mail size is too large', rfc: 'RFC 7889 §2' },
  literalTooLarge: { status: 'BAD', framing: 'tagged', text: 'Literal too large', rfc: 'RFC 9051 §4.3, §7.1.3' },

  // ---- Selected state (RFC 9051 §6.4).
  checkOk: { status: 'OK', framing: 'tagged', text: 'Check completed.', rfc: 'RFC 3501 §6.4.1' },
  closeOk: { status: 'OK', framing: 'tagged', text: 'Close completed.', rfc: 'RFC 9051 §6.4.1' },
  unselectOk: { status: 'OK', framing: 'tagged', text: 'Unselect completed.', rfc: 'RFC 9051 §6.4.2, RFC 3691' },
  expunge: { status: '*', framing: 'untagged', text: '{n} EXPUNGE', rfc: 'RFC 9051 §7.5.1' },
  expungeOk: { status: 'OK', framing: 'tagged', text: 'Expunge completed.', rfc: 'RFC 9051 §6.4.3' },
  search: { status: '*', framing: 'untagged', text: 'SEARCH{ids}', rfc: 'RFC 3501 §7.2.5' },
  searchOk: { status: 'OK', framing: 'tagged', text: 'Search completed.', rfc: 'RFC 9051 §6.4.4' },
  badCharset: { status: 'NO', framing: 'tagged', text: '[BADCHARSET (US-ASCII UTF-8)] Unsupported charset', rfc: 'RFC 9051 §6.4.4, §7.1 (BADCHARSET)' },
  // FETCH data; also the untagged FETCH that STORE answers and that reports another session's flag change.
  fetch: { status: '*', framing: 'untagged', text: '{n} FETCH ({items})', rfc: 'RFC 9051 §7.5.2' },
  fetchOk: { status: 'OK', framing: 'tagged', text: 'Fetch completed.', rfc: 'RFC 9051 §6.4.5' },
  // The same completion, when this FETCH read a body section without .PEEK and so set \Seen (RFC 9051 §6.4.5).
  fetchOkSeen: { status: 'OK', framing: 'tagged', text: 'Fetch completed.', rfc: 'RFC 9051 §6.4.5' },
  storeOk: { status: 'OK', framing: 'tagged', text: 'Store completed.', rfc: 'RFC 9051 §6.4.6' },
  // EXAMINE opened the mailbox read-only: changing it fails (RFC 9051 §6.3.3, §6.4.6).
  readOnly: { status: 'NO', framing: 'tagged', text: 'Mailbox is read-only.', rfc: 'RFC 9051 §6.3.3, §6.4.6' },
  copyOk: { status: 'OK', framing: 'tagged', text: '{code}Copy completed.', rfc: 'RFC 9051 §6.4.7, RFC 4315 §3' },
  // MOVE reports COPYUID untagged, then EXPUNGEs, then the tagged OK (RFC 6851 §4.3, RFC 9051 §6.4.8).
  moveCopyUid: { status: 'OK', framing: 'untagged', text: '[COPYUID {validity} {src} {dst}] Moved UIDs.', rfc: 'RFC 6851 §4.3, RFC 9051 §6.4.8' },
  moveOk: { status: 'OK', framing: 'tagged', text: 'Move completed.', rfc: 'RFC 9051 §6.4.8' },

  // ---- Errors. BAD = the server could not accept the command (syntax, unknown, wrong state);
  // NO = a valid command failed (RFC 9051 §7.1.2–3).
  // A line without a usable tag cannot be answered with a tag (RFC 9051 §7.1.3).
  badNoTag: { status: 'BAD', framing: 'untagged', text: 'Error in IMAP command received by server.', rfc: 'RFC 9051 §7.1.3, §2.2.1' },
  missingCommand: { status: 'BAD', framing: 'tagged', text: 'Error in IMAP command received by server.', rfc: 'RFC 9051 §7.1.3, §2.2.1' },
  unknownCommand: { status: 'BAD', framing: 'tagged', text: 'Error in IMAP command {cmd}: Unknown command.', rfc: 'RFC 9051 §7.1.3' },
  syntaxError: { status: 'BAD', framing: 'tagged', text: 'Error in IMAP command {cmd}: {detail}', rfc: 'RFC 9051 §7.1.3, §9' },
  lineTooLong: { status: 'BAD', framing: 'tagged', text: 'Error in IMAP command: Line too long', rfc: 'RFC 9051 §7.1.3, RFC 7162 §4' },
  // Sequence numbers beyond the mailbox size are a protocol error (RFC 9051 §9, seq-number).
  badMessageSet: { status: 'BAD', framing: 'tagged', text: 'Error in IMAP command {cmd}: Invalid messageset', rfc: 'RFC 9051 §9 (seq-number), §7.1.3' },
  // Wrong state: RFC 9051 §3 allows BAD or NO; like Dovecot, the engine answers BAD.
  needLogin: { status: 'BAD', framing: 'tagged', text: 'Error in IMAP command {cmd}: Login first.', rfc: 'RFC 9051 §3, §7.1.3' },
  needSelect: { status: 'BAD', framing: 'tagged', text: 'No mailbox selected.', rfc: 'RFC 9051 §3, §7.1.3' },
  alreadyAuthenticated: { status: 'BAD', framing: 'tagged', text: 'Error in IMAP command {cmd}: Already authenticated.', rfc: 'RFC 9051 §3, §7.1.3' },
} as const satisfies Record<string, ImapResponseDef>

export type ImapResponseId = keyof typeof IMAP_RESPONSES
export const IMAP_RESPONSE_IDS = Object.keys(IMAP_RESPONSES) as ImapResponseId[]

/**
 * How each status reads for colour and quiz (ReplyClass is protocol-independent):
 * OK/PREAUTH and untagged data → 'positive'; `+` → 'intermediate' (the server waits for more);
 * NO (valid command, failed) and BAD (protocol error) → 'permanent': retrying the same line gives the same
 * answer; BYE → 'positive' after LOGOUT, 'permanent' when the server hangs up on an error.
 */
export function imapReplyClass(id: ImapResponseId): ReplyClass {
  const def: ImapResponseDef = IMAP_RESPONSES[id]
  switch (def.status) {
    case 'OK':
    case 'PREAUTH':
    case '*':
      return 'positive'
    case '+':
      return 'intermediate'
    case 'NO':
    case 'BAD':
      return 'permanent'
    case 'BYE':
      return id === 'bye' ? 'positive' : 'permanent'
  }
}
