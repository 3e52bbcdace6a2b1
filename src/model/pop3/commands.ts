// The POP3 command keywords this engine implements and how a client line is split into them.

/** RFC 1939 §4–§7 (USER, PASS, APOP, QUIT, STAT, LIST, RETR, DELE, NOOP, RSET, TOP, UIDL),
 *  RFC 2449 §5 (CAPA), RFC 2595 §4 (STLS), RFC 5034 §4 (AUTH). */
export const POP3_COMMANDS = ['USER', 'PASS', 'APOP', 'AUTH', 'STLS', 'CAPA', 'QUIT', 'STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL'] as const

export type Pop3Command = (typeof POP3_COMMANDS)[number]

/** How the engine read a client line: a command, junk, or the client's answer to an AUTH challenge (names shared by every engine). */
export type Pop3LineKind = Pop3Command | 'unknown' | 'sasl-response'

/** Keywords of older POP3 versions that RFC 1939 no longer has (answered -ERR, with a reason). */
export const OBSOLETE_POP3_COMMANDS: readonly string[] = ['LAST', 'RPOP']

/** 255 octets including CRLF (RFC 2449 §4), so 253 without it. */
export const MAX_COMMAND_OCTETS = 253

const COMMAND_SET: ReadonlySet<string> = new Set(POP3_COMMANDS)

// A keyword is three or four printable ASCII characters (RFC 1939 §3, RFC 2449 §3 `3*4VCHAR`).
// Checked before upper-casing so that e.g. "lıst" (dotless i) cannot turn into LIST.
const KEYWORD = /^[\x21-\x7E]{3,4}$/

export interface Pop3CommandLine {
  /** The keyword, upper-cased (commands are case-insensitive, RFC 1939 §3); '' when not a keyword. */
  readonly keyword: string
  readonly command: Pop3Command | 'unknown'
  /** Everything after the first space, untouched (PASS takes it whole, RFC 1939 §7). */
  readonly rest: string
  /** The arguments, split at spaces; runs of spaces count as one separator. */
  readonly args: readonly string[]
}

export function parsePop3Line(line: string): Pop3CommandLine {
  const space = line.indexOf(' ')
  const word = space < 0 ? line : line.slice(0, space)
  const rest = space < 0 ? '' : line.slice(space + 1)
  const keyword = KEYWORD.test(word) ? word.toUpperCase() : ''
  const command = COMMAND_SET.has(keyword) ? (keyword as Pop3Command) : 'unknown'
  return { keyword, command, rest, args: rest.split(' ').filter((a) => a !== '') }
}

/** Which command a client line is, to pick its caption. Never throws. */
export function pop3CommandOf(line: string): Pop3Command | 'unknown' {
  return parsePop3Line(line).command
}

/** Where each kind of client line is defined, for the step's `rfc` on the timeline. */
export const POP3_COMMAND_RFC = {
  USER: 'RFC 1939 §7',
  PASS: 'RFC 1939 §7',
  APOP: 'RFC 1939 §7',
  AUTH: 'RFC 5034 §4',
  STLS: 'RFC 2595 §4',
  CAPA: 'RFC 2449 §5',
  QUIT: 'RFC 1939 §4, §6',
  STAT: 'RFC 1939 §5',
  LIST: 'RFC 1939 §5',
  RETR: 'RFC 1939 §5',
  DELE: 'RFC 1939 §5',
  NOOP: 'RFC 1939 §5',
  RSET: 'RFC 1939 §5',
  TOP: 'RFC 1939 §7',
  UIDL: 'RFC 1939 §7',
  unknown: 'RFC 1939 §3',
  'sasl-response': 'RFC 5034 §4',
} as const satisfies Record<Pop3LineKind, string>
