// The commands the IMAP engine understands, the states they are valid in, and the tagged results
// RFC 9051 §6 lists for each. One list feeds the machine, the captions and the path test.

/** Connection states (RFC 9051 §3): `logout` is the closed connection. */
export type ImapState = 'not-authenticated' | 'authenticated' | 'selected' | 'logout'
export const IMAP_STATES: readonly ImapState[] = ['not-authenticated', 'authenticated', 'selected', 'logout']

export const IMAP_COMMANDS = [
  // Any state (RFC 9051 §6.1).
  'CAPABILITY',
  'NOOP',
  'LOGOUT',
  // Not authenticated (RFC 9051 §6.2).
  'STARTTLS',
  'AUTHENTICATE',
  'LOGIN',
  // Authenticated (RFC 9051 §6.3); also valid when selected.
  'SELECT',
  'EXAMINE',
  'CREATE',
  'DELETE',
  'LIST',
  'STATUS',
  'APPEND',
  // Selected (RFC 9051 §6.4; CHECK from RFC 3501 §6.4.1, UNSELECT from RFC 3691, MOVE from RFC 6851).
  'CHECK',
  'CLOSE',
  'UNSELECT',
  'EXPUNGE',
  'SEARCH',
  'FETCH',
  'STORE',
  'COPY',
  'MOVE',
  // UID forms (RFC 9051 §6.4.9; UID EXPUNGE from RFC 4315 §2.1).
  'UID FETCH',
  'UID SEARCH',
  'UID STORE',
  'UID COPY',
  'UID MOVE',
  'UID EXPUNGE',
] as const

export type ImapCommand = (typeof IMAP_COMMANDS)[number]

/**
 * The tagged results RFC 9051 §6 lists under "Result:" for each command (RFC 3501 §6 for CHECK,
 * RFC 3691 for UNSELECT, RFC 6851 for MOVE, RFC 4315 for UID EXPUNGE). BAD is always allowed
 * (command unknown or arguments invalid), and §3 allows BAD or NO in the wrong state.
 */
export const IMAP_RFC_RESULTS: Readonly<Record<ImapCommand, readonly ('OK' | 'NO' | 'BAD')[]>> = {
  CAPABILITY: ['OK', 'BAD'],
  NOOP: ['OK', 'BAD'],
  LOGOUT: ['OK', 'BAD'],
  STARTTLS: ['OK', 'BAD'],
  AUTHENTICATE: ['OK', 'NO', 'BAD'],
  LOGIN: ['OK', 'NO', 'BAD'],
  SELECT: ['OK', 'NO', 'BAD'],
  EXAMINE: ['OK', 'NO', 'BAD'],
  CREATE: ['OK', 'NO', 'BAD'],
  DELETE: ['OK', 'NO', 'BAD'],
  LIST: ['OK', 'NO', 'BAD'],
  STATUS: ['OK', 'NO', 'BAD'],
  APPEND: ['OK', 'NO', 'BAD'],
  CHECK: ['OK', 'BAD'],
  CLOSE: ['OK', 'BAD'],
  UNSELECT: ['OK', 'BAD'],
  EXPUNGE: ['OK', 'NO', 'BAD'],
  SEARCH: ['OK', 'NO', 'BAD'],
  FETCH: ['OK', 'NO', 'BAD'],
  STORE: ['OK', 'NO', 'BAD'],
  COPY: ['OK', 'NO', 'BAD'],
  MOVE: ['OK', 'NO', 'BAD'],
  'UID FETCH': ['OK', 'NO', 'BAD'],
  'UID SEARCH': ['OK', 'NO', 'BAD'],
  'UID STORE': ['OK', 'NO', 'BAD'],
  'UID COPY': ['OK', 'NO', 'BAD'],
  'UID MOVE': ['OK', 'NO', 'BAD'],
  'UID EXPUNGE': ['OK', 'NO', 'BAD'],
}

/** Client lines that are not commands: data of a literal (RFC 9051 §4.3), a SASL response (§6.2.2). */
export type ImapContinuationKind = 'literal-data' | 'sasl-response'
export const IMAP_CONTINUATION_KINDS: readonly ImapContinuationKind[] = ['literal-data', 'sasl-response']

/** What a client line is: a command, a continuation, or a line without a usable tag or command. */
export type ImapLineKind = ImapCommand | ImapContinuationKind | 'unknown'

/** Where each kind of client line is defined, for the step's `rfc` on the timeline. */
export const IMAP_LINE_RFC = {
  CAPABILITY: 'RFC 9051 §6.1.1',
  NOOP: 'RFC 9051 §6.1.2',
  LOGOUT: 'RFC 9051 §6.1.3',
  STARTTLS: 'RFC 9051 §6.2.1',
  AUTHENTICATE: 'RFC 9051 §6.2.2',
  LOGIN: 'RFC 9051 §6.2.3',
  SELECT: 'RFC 9051 §6.3.2',
  EXAMINE: 'RFC 9051 §6.3.3',
  CREATE: 'RFC 9051 §6.3.4',
  DELETE: 'RFC 9051 §6.3.5',
  LIST: 'RFC 9051 §6.3.9',
  STATUS: 'RFC 9051 §6.3.11',
  APPEND: 'RFC 9051 §6.3.12',
  CHECK: 'RFC 3501 §6.4.1',
  CLOSE: 'RFC 9051 §6.4.1',
  UNSELECT: 'RFC 9051 §6.4.2',
  EXPUNGE: 'RFC 9051 §6.4.3',
  SEARCH: 'RFC 9051 §6.4.4',
  FETCH: 'RFC 9051 §6.4.5',
  STORE: 'RFC 9051 §6.4.6',
  COPY: 'RFC 9051 §6.4.7',
  MOVE: 'RFC 9051 §6.4.8',
  'UID FETCH': 'RFC 9051 §6.4.9',
  'UID SEARCH': 'RFC 9051 §6.4.9',
  'UID STORE': 'RFC 9051 §6.4.9',
  'UID COPY': 'RFC 9051 §6.4.9',
  'UID MOVE': 'RFC 9051 §6.4.9',
  'UID EXPUNGE': 'RFC 9051 §6.4.9',
  'literal-data': 'RFC 9051 §4.3',
  'sasl-response': 'RFC 9051 §6.2.2',
  // A line the server cannot take as a command is answered BAD (RFC 9051 §7.1.3).
  unknown: 'RFC 9051 §7.1.3',
} as const satisfies Record<ImapLineKind, string>

const COMMAND_SET: ReadonlySet<string> = new Set(IMAP_COMMANDS)

/** `FETCH`, `uid fetch` → the command; anything else → null. `words` are the words after the tag. */
export function commandFromWords(first: string, second: string | undefined): ImapCommand | null {
  const name = first.toUpperCase()
  const full = name === 'UID' ? `UID ${(second ?? '').toUpperCase()}` : name
  return COMMAND_SET.has(full) ? (full as ImapCommand) : null
}

/** Tag syntax: 1*<ASTRING-CHAR except "+"> (RFC 9051 §9: tag). */
export function isValidTag(tag: string): boolean {
  return /^[\x21\x23-\x24\x26-\x27\x2c-\x5b\x5d-\x7a\x7c-\x7e]+$/.test(tag)
}
