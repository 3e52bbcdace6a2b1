// Which POP3 command is accepted in which state, and where an accepted command takes the session. The machine's
// state check reads POP3_SEQUENCE and nothing else; the path test walks the machine against both tables, and
// the state chart is drawn from them (lessons/statechart.ts).
import { POP3_COMMANDS, type Pop3Command, type Pop3LineKind } from './commands'
import type { Pop3State } from './machine'
import { POP3_REPLIES, type Pop3ReplyId } from './replies'

/** States in which a client line is read as a command (RFC 1939 §3): UPDATE is left within QUIT's turn (§6). */
export const POP3_COMMAND_STATES = ['authorization', 'transaction'] as const
export type Pop3CommandState = (typeof POP3_COMMAND_STATES)[number]

/** A cell: the command runs (its own arguments are then checked), or `-ERR` refuses it (RFC 1939 §3). */
export type Pop3SequenceCell = 'accept' | 'wrongState'

const ok = 'accept'
const no = 'wrongState'
const row = (authorization: Pop3SequenceCell, transaction: Pop3SequenceCell) => ({ authorization, transaction })

/** State × command. Read a row as "in this state, this command ...". */
export const POP3_SEQUENCE: Readonly<Record<Pop3Command, Readonly<Record<Pop3CommandState, Pop3SequenceCell>>>> = {
  //            authorization  transaction
  // RFC 1939 §7: USER, PASS and APOP identify the client in AUTHORIZATION only.
  USER: row(ok, no),
  PASS: row(ok, no),
  APOP: row(ok, no),
  // RFC 5034 §4: AUTH in AUTHORIZATION only; RFC 2595 §4: STLS too.
  AUTH: row(ok, no),
  STLS: row(ok, no),
  // RFC 2449 §5: CAPA in both states; RFC 1939 §4, §6: QUIT in both (it ends the session differently).
  CAPA: row(ok, ok),
  QUIT: row(ok, ok),
  // RFC 1939 §5, §7: the maildrop commands, NOOP and RSET only in TRANSACTION.
  STAT: row(no, ok),
  LIST: row(no, ok),
  RETR: row(no, ok),
  DELE: row(no, ok),
  NOOP: row(no, ok),
  RSET: row(no, ok),
  TOP: row(no, ok),
  UIDL: row(no, ok),
}

const isCommandState = (state: Pop3State): state is Pop3CommandState => (POP3_COMMAND_STATES as readonly string[]).includes(state)

/** The reply that refuses `command` in `state`, or null when the command runs. */
export function pop3SequenceCheck(state: Pop3State, command: Pop3Command): 'wrongState' | null {
  if (!isCommandState(state)) return null
  const cell = POP3_SEQUENCE[command][state]
  return cell === 'accept' ? null : cell
}

/** One way out of a state: the line that takes it, the reply that says so, where it leads. */
export interface Pop3Transition {
  readonly from: Pop3State
  readonly command: Pop3LineKind
  /** The status line's start (RFC 1939 §3): `+OK`, or `+` for a SASL challenge (RFC 5034 §4). */
  readonly reply: '+OK' | '+'
  readonly to: Pop3State
  /** States passed through within the same turn (QUIT from TRANSACTION goes through UPDATE, RFC 1939 §6). */
  readonly via?: readonly Pop3State[]
}

/** The accepted commands that change the state, or that set up the next line (AUTH's "+ "). */
export const POP3_TRANSITIONS: readonly Pop3Transition[] = [
  // RFC 1939 §7: PASS after USER, or APOP, opens the maildrop; RFC 5034 §4: so does AUTH with its response.
  { from: 'authorization', command: 'PASS', reply: '+OK', to: 'transaction' },
  { from: 'authorization', command: 'APOP', reply: '+OK', to: 'transaction' },
  { from: 'authorization', command: 'AUTH', reply: '+OK', to: 'transaction' },
  { from: 'authorization', command: 'sasl-response', reply: '+OK', to: 'transaction' },
  // RFC 1939 §6: QUIT in AUTHORIZATION closes without UPDATE; in TRANSACTION it goes through UPDATE.
  { from: 'authorization', command: 'QUIT', reply: '+OK', to: 'closed' },
  { from: 'transaction', command: 'QUIT', reply: '+OK', to: 'closed', via: ['update'] },
]

export interface Pop3CommandRule {
  readonly command: Pop3Command
  readonly accepted: boolean
  readonly reply?: Pop3ReplyId
  readonly code?: string
  readonly rfc?: string
}

/** "In this state, these commands are accepted", for a state panel; empty where no command is read. */
export function pop3CommandsIn(state: Pop3State): Pop3CommandRule[] {
  if (!isCommandState(state)) return []
  return POP3_COMMANDS.map((command) => {
    const reply = pop3SequenceCheck(state, command)
    if (reply === null) return { command, accepted: true }
    const def = POP3_REPLIES[reply]
    return { command, accepted: false, reply, code: def.status, rfc: def.rfc }
  })
}
