// The state table against the RFC and against the machine: every (state, command) pair is accepted or refused
// as RFC 1939 §3–§7 (with RFC 2449 §5, RFC 2595 §4, RFC 5034 §4) says, and the machine answers as the table says.
import { md5 } from 'js-md5'
import { describe, expect, it } from 'vitest'
import { toBase64 } from '../encoding'
import { POP3_COMMANDS, pop3Open, pop3Step, type Pop3Command, type Pop3Session } from './index'
import { POP3_COMMAND_STATES, POP3_SEQUENCE, pop3CommandsIn } from './rules'

const STAMP = '<7.8@mail.example.test>'

/** Written from the RFCs, not from the table: which commands each state takes. */
const RFC_ALLOWS: Record<'authorization' | 'transaction', readonly Pop3Command[]> = {
  // RFC 1939 §4 (QUIT), §7 (USER, PASS, APOP); RFC 2449 §5 (CAPA); RFC 2595 §4 (STLS); RFC 5034 §4 (AUTH).
  authorization: ['USER', 'PASS', 'APOP', 'AUTH', 'STLS', 'CAPA', 'QUIT'],
  // RFC 1939 §5 (STAT, LIST, RETR, DELE, NOOP, RSET), §6 (QUIT), §7 (TOP, UIDL); RFC 2449 §5 (CAPA).
  transaction: ['STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'QUIT', 'TOP', 'UIDL', 'CAPA'],
}

/** One line per command, with arguments that would work if the state allowed the command. */
const SAMPLE: Record<Pop3Command, string> = {
  USER: 'USER user1',
  PASS: 'PASS password1',
  APOP: `APOP user1 ${md5(`${STAMP}password1`)}`,
  AUTH: `AUTH PLAIN ${toBase64('\0user1\0password1')}`,
  STLS: 'STLS',
  CAPA: 'CAPA',
  QUIT: 'QUIT',
  STAT: 'STAT',
  LIST: 'LIST',
  RETR: 'RETR 1',
  DELE: 'DELE 1',
  NOOP: 'NOOP',
  RSET: 'RSET',
  TOP: 'TOP 1 0',
  UIDL: 'UIDL',
}

function sessionIn(state: 'authorization' | 'transaction'): Pop3Session {
  let s = pop3Open({ apopTimestamp: STAMP }).session
  if (state === 'transaction') for (const line of ['USER user1', 'PASS password1']) s = pop3Step(s, line).session
  expect(s.state).toBe(state)
  return s
}

describe('the POP3 state table (rules.ts)', () => {
  it.each(POP3_COMMAND_STATES.flatMap((state) => POP3_COMMANDS.map((command) => [state, command] as const)))('%s × %s: as the RFC says', (state, command) => {
    const allowed = RFC_ALLOWS[state].includes(command)
    expect(POP3_SEQUENCE[command][state]).toBe(allowed ? 'accept' : 'wrongState')
    const turn = pop3Step(sessionIn(state), SAMPLE[command]).turn
    const first = turn.replies[0]
    expect(first, SAMPLE[command]).toBeDefined()
    if (allowed) expect(first?.id).not.toBe('wrongState')
    else {
      expect(first?.id).toBe('wrongState')
      expect(first?.lines[0]).toMatch(/^-ERR /)
      expect(turn.stateAfter).toBe(state)
    }
  })

  it('lists the same verdicts for a state panel, with -ERR and its section for the refused ones', () => {
    const rows = pop3CommandsIn('transaction')
    expect(
      rows
        .filter((r) => r.accepted)
        .map((r) => r.command)
        .sort(),
    ).toEqual([...RFC_ALLOWS.transaction].sort())
    expect(rows.find((r) => r.command === 'USER')).toMatchObject({ accepted: false, code: '-ERR', rfc: 'RFC 1939 §3' })
    expect(pop3CommandsIn('closed')).toEqual([])
  })
})
