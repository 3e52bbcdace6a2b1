// Property: no client input makes the engine throw, from several starting states (CONTRACT.md §1).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IMAP_COMMANDS, createImapServer, imapOpen, imapStep } from './index'
import type { ImapSession, ImapStepResult } from './index'

function after(lines: readonly string[], options = {}): ImapSession {
  let s = imapOpen(options).session
  for (const l of lines) s = imapStep(s, l).session
  return s
}

// Pure sessions can be reused as starting points without replaying anything.
const STARTS: readonly ImapSession[] = [
  after([]),
  after([], { port: 993, requireTls: true }),
  after(['a LOGIN user1 password1']),
  after(['a LOGIN user1 password1', 'b SELECT INBOX']),
  after(['a LOGIN user1 password1', 'b EXAMINE INBOX']),
  after(['a LOGIN user1 password1', 'b APPEND INBOX {40}']),
  after(['a LOGIN user1 password1', 'b APPEND INBOX {2}', 'hi']),
  after(['a AUTHENTICATE PLAIN']),
  after(['a AUTHENTICATE LOGIN']),
  after(['a LOGOUT']),
]

const TOKENS = [
  'a1',
  '*',
  '+',
  '',
  'UID',
  ...IMAP_COMMANDS,
  'INBOX',
  'inbox',
  'Trash',
  '"',
  '""',
  '"a b"',
  '(',
  ')',
  '()',
  '[',
  ']',
  '1',
  '0',
  '1:*',
  '*:1',
  '2,1',
  '4294967296',
  '99999999999999999999',
  '$',
  'ALL',
  'FAST',
  'FULL',
  'FLAGS',
  'FLAGS.SILENT',
  '+FLAGS',
  '-FLAGS',
  '(\\Seen)',
  '\\Deleted',
  '\\Recent',
  'BODY[]',
  'BODY.PEEK[]',
  'BODY[HEADER.FIELDS (FROM SUBJECT)]',
  'BODY[1.MIME]',
  'BODY[2.3.TEXT]<0.10>',
  'BODY[TEXT]<5.0>',
  'BODYSTRUCTURE',
  'ENVELOPE',
  'RFC822',
  'NOT',
  'OR',
  'SUBJECT',
  'CHARSET',
  'SINCE',
  '1-Jan-2024',
  '{3}',
  '{0}',
  '{2+}',
  '{999999999}',
  '{999999999+}',
  '{18446744073709551616}',
  'user1',
  'password1',
  'PLAIN',
  'AHVzZXIxAHBhc3N3b3JkMQ==',
  '=',
  '%',
  '"\\',
  '\u0000',
  '\r',
  '\n',
  '\u00e9',
  '\u{1f4e7}',
]

const line = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 }).map((t) => t.join(' ')), weight: 6 },
  { arbitrary: fc.string({ maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `a1 SEARCH TEXT "${s}`), weight: 1 },
  { arbitrary: fc.nat({ max: 110_000 }).map((n) => `a1 LOGIN ${'x'.repeat(n)}`), weight: 1 },
  { arbitrary: fc.nat({ max: 110_000 }).map((n) => '('.repeat(n % 5000) + ')'.repeat(n % 7)), weight: 1 },
)

/**
 * Sized for a busy 2-core machine: 3,000 pure runs take well under a second alone, and each test allows a
 * minute. The planted-fault test shows that this many runs still find a throw.
 */
const RUNS = 3_000

type Step = (s: ImapSession, line: string) => ImapStepResult

/** The pure step never throws (no facade to catch it), replies are well formed, a closed session is silent. */
function steps(step: Step) {
  return fc.property(fc.integer({ min: 0, max: STARTS.length - 1 }), fc.array(line, { minLength: 1, maxLength: 4 }), (i, lines) => {
    let s = STARTS[i] as ImapSession
    for (const l of lines) {
      const wasClosed = s.state === 'logout'
      const r = step(s, l)
      for (const reply of r.turn.replies) {
        expect(reply.lines.length).toBeGreaterThan(0)
        expect(['OK', 'NO', 'BAD', 'PREAUTH', 'BYE', '+', '*']).toContain(reply.status)
      }
      if (typeof r.turn.input?.kind !== 'string') throw new Error('a turn without its client line')
      if (wasClosed) expect(r.turn.replies).toEqual([])
      s = r.session
    }
  })
}

describe('IMAP engine robustness (fast-check)', () => {
  it(`imapStep never throws, keeps replies well-formed, and a closed session stays silent (${RUNS.toLocaleString('en')} runs)`, () => {
    fc.assert(steps(imapStep), { numRuns: RUNS })
  }, 60_000)

  it('finds a fault planted in the engine with the same number of runs', () => {
    // A throw on BODY[] in the selected state: the kind of corner the token generator aims at.
    const buggy: Step = (s, l) => {
      if (s.state === 'selected' && l.includes('BODY[]')) throw new Error('planted fault')
      return imapStep(s, l)
    }
    expect(fc.check(steps(buggy), { numRuns: RUNS }).failed).toBe(true)
  }, 60_000)

  it('the facade never throws from open/receive, even before open()', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(line, { minLength: 1, maxLength: 3 }), (opened, lines) => {
        const server = createImapServer()
        if (opened) server.open()
        for (const l of lines) expect(Array.isArray(server.receive(l))).toBe(true)
      }),
      { numRuns: 1_000 },
    )
  }, 60_000)
})
