// Tests the machine by its paths (after xstate's getShortestPaths): a breadth-first walk over the sessions that
// a fixed set of client lines can reach proves that every state is reachable and that every command is
// answered, in every state, with a status RFC 1939 / 2449 / 2595 / 5034 lists for it.
import { md5 } from 'js-md5'
import { describe, expect, it } from 'vitest'
import { toBase64 } from '../encoding'
import { POP3_REPLIES, pop3CommandOf, pop3Open, pop3Step, type Pop3Command, type Pop3Session, type Pop3State } from './index'

const TIMESTAMP = '<42.1700000000@mail.example.test>'
const OPTIONS = { apopTimestamp: TIMESTAMP }

/** The alphabet: each command with good and bad arguments, plus lines that are no command. */
const LINES = [
  'CAPA',
  'CAPA x',
  'USER user1',
  'USER nobody',
  'USER',
  'PASS password1',
  'PASS wrong',
  'PASS',
  `APOP user1 ${md5(`${TIMESTAMP}password1`)}`,
  'APOP user1 00000000000000000000000000000000',
  'APOP user1',
  'AUTH PLAIN',
  `AUTH PLAIN ${toBase64('\0user1\0password1')}`,
  'AUTH LOGIN',
  'AUTH',
  'STLS',
  'STAT',
  'LIST',
  'LIST 1',
  'LIST 9',
  'UIDL',
  'UIDL 1',
  'RETR 1',
  'RETR x',
  'TOP 1 0',
  'TOP 1',
  'DELE 1',
  'DELE 2',
  'RSET',
  'NOOP',
  'QUIT',
  'LAST',
  'FOO',
  '',
  '*',
  toBase64('\0user1\0password1'),
]

/** What each command may answer per the RFCs (RFC 1939 §4–§7 "Possible Responses", RFC 5034 §4 for "+"). */
const ALLOWED: Record<Pop3Command | 'unknown', readonly string[]> = {
  USER: ['+OK', '-ERR'],
  PASS: ['+OK', '-ERR'],
  APOP: ['+OK', '-ERR'],
  AUTH: ['+OK', '-ERR', '+'],
  STLS: ['+OK', '-ERR'],
  CAPA: ['+OK', '-ERR'],
  QUIT: ['+OK', '-ERR'],
  STAT: ['+OK', '-ERR'],
  LIST: ['+OK', '-ERR'],
  RETR: ['+OK', '-ERR'],
  DELE: ['+OK', '-ERR'],
  NOOP: ['+OK', '-ERR'],
  RSET: ['+OK', '-ERR'],
  TOP: ['+OK', '-ERR'],
  UIDL: ['+OK', '-ERR'],
  unknown: ['-ERR'],
}

/** Commands the RFCs allow only in one state; in the other the answer must be -ERR (RFC 1939 §3). */
const ONLY_IN: Partial<Record<Pop3Command, Pop3State>> = {
  USER: 'authorization',
  PASS: 'authorization',
  APOP: 'authorization',
  AUTH: 'authorization',
  STLS: 'authorization',
  STAT: 'transaction',
  LIST: 'transaction',
  RETR: 'transaction',
  DELE: 'transaction',
  NOOP: 'transaction',
  RSET: 'transaction',
  TOP: 'transaction',
  UIDL: 'transaction',
}

const keyOf = (s: Pop3Session): string => [s.state, s.secure, s.user, s.saslPending, s.messages.map((m) => (m.deleted ? 'D' : '-')).join('')].join('|')

function walk(options: Parameters<typeof pop3Open>[0]) {
  const start = pop3Open(options).session
  const seen = new Map<string, Pop3Session>([[keyOf(start), start]])
  const queue = [start]
  const visitedStates = new Set<Pop3State>([start.state])
  const problems: string[] = []
  let transitions = 0
  while (queue.length > 0) {
    const session = queue.shift() as Pop3Session
    for (const line of LINES) {
      const { session: next, turn } = pop3Step(session, line)
      transitions++
      turn.path.forEach((st) => visitedStates.add(st))
      const where = `${keyOf(session)} + ${JSON.stringify(line)}`
      if (session.state === 'closed') {
        if (turn.replies.length !== 0 || next.state !== 'closed') problems.push(`${where}: answered after close`)
        continue
      }
      if (turn.replies.length !== 1) {
        problems.push(`${where}: ${turn.replies.length} replies`)
        continue
      }
      const reply = turn.replies[0]
      if (!reply) continue
      const def = (POP3_REPLIES as Record<string, { status: string; rfc: string }>)[reply.id]
      if (!def || def.status !== reply.status || !/^RFC \d+ §/.test(reply.rfc)) problems.push(`${where}: reply ${reply.id} not in the table`)
      if (!(reply.lines[0] ?? '').startsWith(reply.status === '+' ? '+ ' : reply.status)) problems.push(`${where}: first line ${reply.lines[0]}`)
      if (session.saslPending) {
        // The line after "+ " is the SASL response, not a command (RFC 5034 §4).
        if (turn.command !== 'sasl-response' || !['+OK', '-ERR'].includes(reply.status)) problems.push(`${where}: SASL ${reply.status}`)
      } else {
        const command = pop3CommandOf(line)
        if (!ALLOWED[command].includes(reply.status)) problems.push(`${where}: ${command} answered ${reply.status}`)
        const only = command === 'unknown' ? undefined : ONLY_IN[command]
        if (only && only !== session.state && reply.status !== '-ERR') problems.push(`${where}: wrong state not refused`)
        if (command === 'QUIT' && line === 'QUIT') {
          // RFC 1939 §6: UPDATE only after QUIT from TRANSACTION.
          const expected = session.state === 'transaction' ? ['transaction', 'update', 'closed'] : [session.state, 'closed']
          if (turn.path.join() !== expected.join()) problems.push(`${where}: path ${turn.path.join()}`)
          // QUIT lists only +OK in AUTHORIZATION (§4); in UPDATE -ERR only when removal fails (§6).
          if (reply.status !== '+OK') problems.push(`${where}: QUIT refused`)
        }
      }
      if (turn.stateBefore !== session.state || turn.stateAfter !== next.state) problems.push(`${where}: states in the turn`)
      const key = keyOf(next)
      if (!seen.has(key)) {
        seen.set(key, next)
        queue.push(next)
      }
    }
  }
  return { visitedStates, problems, sessions: seen.size, transitions }
}

describe('paths through the POP3 machine', () => {
  for (const [name, options] of [
    ['port 110', OPTIONS],
    ['port 995', { ...OPTIONS, port: 995 }],
    ['port 110, requireTls', { ...OPTIONS, requireTls: true }],
  ] as const) {
    it(`${name}: every state is reachable, every command answered as the RFCs list`, () => {
      const { visitedStates, problems, sessions, transitions } = walk(options)
      expect(problems).toEqual([])
      expect([...visitedStates].sort()).toEqual(['authorization', 'closed', 'transaction', 'update'])
      expect(sessions).toBeGreaterThan(5)
      expect(transitions).toBe(sessions * LINES.length)
    })
  }
})
