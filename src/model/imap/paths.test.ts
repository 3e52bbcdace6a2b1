// Tests the machine by its paths (xstate getShortestPaths): a breadth-first walk from the greeting proves
// every state is reachable and every command is answered in every state with a status its RFC lists.
import { describe, expect, it } from 'vitest'
import { toBase64 } from '../encoding'
import { IMAP_COMMANDS, IMAP_RFC_RESULTS, IMAP_STATES, imapOpen, imapSequenceCheck, imapStep } from './index'
import type { ImapCommand, ImapSession, ImapState } from './index'

/** Client lines that exercise each command; a sample may need several lines (literal, SASL). */
const SAMPLES: Record<ImapCommand, readonly (readonly string[])[]> = {
  CAPABILITY: [['t CAPABILITY']],
  NOOP: [['t NOOP']],
  LOGOUT: [['t LOGOUT']],
  STARTTLS: [['t STARTTLS']],
  AUTHENTICATE: [[`t AUTHENTICATE PLAIN ${toBase64('\0user1\0password1')}`], ['t AUTHENTICATE PLAIN', toBase64('\0user1\0bad')], ['t AUTHENTICATE PLAIN', '*']],
  LOGIN: [['t LOGIN user1 password1'], ['t LOGIN user1 wrong'], ['t LOGIN user1']],
  SELECT: [['t SELECT INBOX'], ['t SELECT Nowhere']],
  EXAMINE: [['t EXAMINE INBOX']],
  CREATE: [['t CREATE Work'], ['t CREATE INBOX']],
  DELETE: [['t DELETE Trash'], ['t DELETE INBOX']],
  LIST: [['t LIST "" *']],
  STATUS: [['t STATUS INBOX (MESSAGES UNSEEN)'], ['t STATUS Nowhere (MESSAGES)']],
  APPEND: [
    ['t APPEND INBOX {2}', 'hi'],
    ['t APPEND Nowhere {2}', 'hi'],
  ],
  CHECK: [['t CHECK']],
  CLOSE: [['t CLOSE']],
  UNSELECT: [['t UNSELECT']],
  EXPUNGE: [['t EXPUNGE']],
  SEARCH: [['t SEARCH UNSEEN'], ['t SEARCH CHARSET X ALL']],
  FETCH: [['t FETCH 1 (FLAGS BODY[])'], ['t FETCH 99 FLAGS']],
  STORE: [['t STORE 1 +FLAGS (\\Deleted)']],
  COPY: [['t COPY 1 Trash'], ['t COPY 1 Nowhere']],
  MOVE: [['t MOVE 1 Trash']],
  'UID FETCH': [['t UID FETCH 1:* FLAGS']],
  'UID SEARCH': [['t UID SEARCH ALL']],
  'UID STORE': [['t UID STORE 1 -FLAGS (\\Seen)']],
  'UID COPY': [['t UID COPY 1:* Sent']],
  'UID MOVE': [['t UID MOVE 2 Sent']],
  'UID EXPUNGE': [['t UID EXPUNGE 1:*']],
}

interface Outcome {
  readonly session: ImapSession
  /** The tagged status (OK / NO / BAD), or null when nothing came back. */
  readonly status: string | null
  readonly lines: readonly string[]
}

function runSample(start: ImapSession, lines: readonly string[]): Outcome {
  let session = start
  const all: string[] = []
  for (const line of lines) {
    const r = imapStep(session, line)
    session = r.session
    all.push(...r.turn.replies.flatMap((x) => x.lines))
    const done = all.find((l) => l.startsWith('t '))
    if (done) return { session, status: done.split(' ')[1] ?? null, lines: all }
  }
  return { session, status: null, lines: all }
}

describe('paths through the IMAP state machine (RFC 9051 §3)', () => {
  // Breadth-first: the first path found to a state is a shortest one.
  const reached = new Map<ImapState, ImapSession>()
  const answers: { state: ImapState; command: ImapCommand; sample: string; status: string | null; lines: readonly string[] }[] = []
  const start = imapOpen().session
  const queue: ImapSession[] = [start]
  reached.set(start.state, start)
  while (queue.length > 0) {
    const session = queue.shift() as ImapSession
    for (const command of IMAP_COMMANDS) {
      for (const sample of SAMPLES[command]) {
        const outcome = runSample(session, sample)
        answers.push({ state: session.state, command, sample: sample.join(' / '), status: outcome.status, lines: outcome.lines })
        if (!reached.has(outcome.session.state)) {
          reached.set(outcome.session.state, outcome.session)
          queue.push(outcome.session)
        }
      }
    }
  }

  it('reaches every state from the greeting', () => {
    expect([...reached.keys()].sort()).toEqual([...IMAP_STATES].sort())
  })

  it('answers every command in every open state with a status RFC 9051 §6 lists for it', () => {
    for (const a of answers.filter((x) => x.state !== 'logout')) {
      expect(IMAP_RFC_RESULTS[a.command], `${a.state}: ${a.sample} → ${a.lines.join(' | ')}`).toContain(a.status)
    }
    const open = IMAP_STATES.filter((s) => s !== 'logout')
    for (const state of open)
      for (const command of IMAP_COMMANDS) {
        expect(
          answers.some((a) => a.state === state && a.command === command),
          `${state} ${command}`,
        ).toBe(true)
      }
  })

  it('answers a command given in the wrong state with BAD (RFC 9051 §3 allows BAD or NO; Dovecot says BAD)', () => {
    for (const a of answers.filter((x) => x.state !== 'logout' && imapSequenceCheck(x.state, x.command) !== null)) {
      expect(a.status, `${a.state}: ${a.sample}`).toBe('BAD')
    }
  })

  it('sends the tagged completion last, after any untagged data (RFC 9051 §2.2.2)', () => {
    for (const a of answers.filter((x) => x.status !== null)) {
      expect(a.lines.at(-1), a.sample).toMatch(/^t (OK|NO|BAD) /)
    }
  })

  it('answers nothing once the connection is closed (logout state)', () => {
    const closed = answers.filter((x) => x.state === 'logout')
    expect(closed.length).toBeGreaterThan(0)
    for (const a of closed) expect(a.lines, a.sample).toEqual([])
  })
})
