// Which IMAP command is accepted in which state (RFC 9051 §3, §6), the BAD that refuses it otherwise, and where
// an accepted command takes the connection. The machine's state check reads IMAP_SEQUENCE and nothing else; the
// path test walks the machine against both tables, and the state chart is drawn from them (lessons/statechart.ts).
import { IMAP_COMMANDS, type ImapCommand, type ImapLineKind, type ImapState } from './commands'
import { IMAP_RESPONSES, type ImapResponseId } from './responses'

/** States in which a client line is read as a command: `logout` is the closed connection (RFC 9051 §3.4). */
export const IMAP_COMMAND_STATES = ['not-authenticated', 'authenticated', 'selected'] as const
export type ImapCommandState = (typeof IMAP_COMMAND_STATES)[number]

/** A cell: the command runs, or this tagged BAD refuses it (RFC 9051 §3 allows BAD or NO; Dovecot says BAD). */
export type ImapSequenceCell = 'accept' | Extract<ImapResponseId, 'needLogin' | 'needSelect' | 'alreadyAuthenticated'>

const ok = 'accept'
const login = 'needLogin'
const select = 'needSelect'
const already = 'alreadyAuthenticated'
const row = (notAuthenticated: ImapSequenceCell, authenticated: ImapSequenceCell, selected: ImapSequenceCell) => ({
  'not-authenticated': notAuthenticated,
  authenticated,
  selected,
})
const anyState = row(ok, ok, ok)
const beforeLogin = row(ok, already, already)
const afterLogin = row(login, ok, ok)
const inMailbox = row(login, select, ok)

/** State × command. Read a row as "in this state, this command ...". */
export const IMAP_SEQUENCE: Readonly<Record<ImapCommand, Readonly<Record<ImapCommandState, ImapSequenceCell>>>> = {
  //                  not-authenticated, authenticated, selected
  // RFC 9051 §6.1: any state.
  CAPABILITY: anyState,
  NOOP: anyState,
  LOGOUT: anyState,
  // RFC 9051 §6.2: not authenticated only.
  STARTTLS: beforeLogin,
  AUTHENTICATE: beforeLogin,
  LOGIN: beforeLogin,
  // RFC 9051 §6.3: authenticated, and also selected.
  SELECT: afterLogin,
  EXAMINE: afterLogin,
  CREATE: afterLogin,
  DELETE: afterLogin,
  LIST: afterLogin,
  STATUS: afterLogin,
  APPEND: afterLogin,
  // RFC 9051 §6.4 (CHECK: RFC 3501 §6.4.1; UNSELECT: RFC 3691; MOVE: RFC 6851; UID EXPUNGE: RFC 4315): selected only.
  CHECK: inMailbox,
  CLOSE: inMailbox,
  UNSELECT: inMailbox,
  EXPUNGE: inMailbox,
  SEARCH: inMailbox,
  FETCH: inMailbox,
  STORE: inMailbox,
  COPY: inMailbox,
  MOVE: inMailbox,
  'UID FETCH': inMailbox,
  'UID SEARCH': inMailbox,
  'UID STORE': inMailbox,
  'UID COPY': inMailbox,
  'UID MOVE': inMailbox,
  'UID EXPUNGE': inMailbox,
}

const isCommandState = (state: ImapState): state is ImapCommandState => (IMAP_COMMAND_STATES as readonly string[]).includes(state)

/** The tagged BAD that refuses `command` in `state`, or null when the command runs. */
export function imapSequenceCheck(state: ImapState, command: ImapCommand): Exclude<ImapSequenceCell, 'accept'> | null {
  if (!isCommandState(state)) return null
  const cell = IMAP_SEQUENCE[command][state]
  return cell === 'accept' ? null : cell
}

/** One way out of a state: the line that takes it, the tagged status it gets, where it leads. */
export interface ImapTransition {
  readonly from: ImapState
  readonly command: ImapLineKind
  readonly reply: 'OK' | 'NO'
  readonly to: ImapState
}

/** Commands that change the state (RFC 9051 §3, and its state diagram in §3.5). */
export const IMAP_TRANSITIONS: readonly ImapTransition[] = [
  // RFC 9051 §3.1–3.2, §6.2.2–6.2.3: a successful LOGIN or AUTHENTICATE (its last response line, if any).
  { from: 'not-authenticated', command: 'LOGIN', reply: 'OK', to: 'authenticated' },
  { from: 'not-authenticated', command: 'AUTHENTICATE', reply: 'OK', to: 'authenticated' },
  { from: 'not-authenticated', command: 'sasl-response', reply: 'OK', to: 'authenticated' },
  // RFC 9051 §6.3.2–6.3.3: SELECT or EXAMINE of a mailbox that exists.
  { from: 'authenticated', command: 'SELECT', reply: 'OK', to: 'selected' },
  { from: 'authenticated', command: 'EXAMINE', reply: 'OK', to: 'selected' },
  // RFC 9051 §6.3.2: a failed SELECT while selected leaves the connection unselected.
  { from: 'selected', command: 'SELECT', reply: 'NO', to: 'authenticated' },
  { from: 'selected', command: 'EXAMINE', reply: 'NO', to: 'authenticated' },
  // RFC 9051 §6.4.1–6.4.2: CLOSE (expunging) and UNSELECT (not expunging) leave the mailbox.
  { from: 'selected', command: 'CLOSE', reply: 'OK', to: 'authenticated' },
  { from: 'selected', command: 'UNSELECT', reply: 'OK', to: 'authenticated' },
  // RFC 9051 §6.1.3: LOGOUT from any state (BYE, then the tagged OK).
  { from: 'not-authenticated', command: 'LOGOUT', reply: 'OK', to: 'logout' },
  { from: 'authenticated', command: 'LOGOUT', reply: 'OK', to: 'logout' },
  { from: 'selected', command: 'LOGOUT', reply: 'OK', to: 'logout' },
]

export interface ImapCommandRule {
  readonly command: ImapCommand
  readonly accepted: boolean
  readonly reply?: ImapResponseId
  readonly code?: string
  readonly rfc?: string
}

/** "In this state, these commands are accepted", for a state panel; empty in `logout`. */
export function imapCommandsIn(state: ImapState): ImapCommandRule[] {
  if (!isCommandState(state)) return []
  return IMAP_COMMANDS.map((command) => {
    const reply = imapSequenceCheck(state, command)
    if (reply === null) return { command, accepted: true }
    const def = IMAP_RESPONSES[reply]
    return { command, accepted: false, reply, code: def.status, rfc: def.rfc }
  })
}
