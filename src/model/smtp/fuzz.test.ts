// No input line, however long, empty, binary or hostile, makes the engine throw (CONTRACT.md §1).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createFacade } from '../facade'
import type { Server, ServerOptions, ServerTurn } from '../types'
import type { SmtpSession } from './machine'
import { createSmtpServer, smtpEngine } from './server'

const interesting = fc.constantFrom(
  'EHLO x',
  'HELO x',
  'MAIL FROM:<a@b.test>',
  'MAIL FROM:<>',
  'RCPT TO:<user1@example.test>',
  'RCPT TO:<x@y.test>',
  'DATA',
  '.',
  '..',
  'RSET',
  'QUIT',
  'STARTTLS',
  'AUTH PLAIN',
  'AUTH LOGIN',
  'AUTH PLAIN AHVzZXIxAHBhc3N3b3JkMQ==',
  '*',
  '=',
  'MAIL FROM:<"a\\"b"@c>',
  'MAIL FROM:<a@b> SIZE=99999999999',
  'MAIL FROM:<a@b> BODY=8BITMIME',
  'RCPT TO:<Postmaster>',
  'VRFY',
  'VRFY <user1@example.test>',
)
const line = fc.oneof(
  interesting,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\r', '\n', '\0', '<', '>', ':', '@', ' ', '.', 'A', '=', '"', '\\'), maxLength: 30 }),
  fc.integer({ min: 500, max: 20000 }).map((n) => 'MAIL FROM:<' + 'a'.repeat(n) + '@b.test>'),
  fc.tuple(interesting, fc.string({ unit: 'binary', maxLength: 20 })).map(([a, b]) => a + b),
)
const config = fc.constantFrom<ServerOptions>({}, { port: 587, requireTls: true }, { port: 465 }, { trustedClient: true }, { port: 587 })

/**
 * Sized for a busy 2-core machine: 2,000 sessions of up to 12 lines take well under a second alone, and the
 * test allows a minute. The last test shows that this many runs still find a planted fault.
 */
const RUNS = 2_000

/** Every answer is well formed, nothing comes after close, and no line ends in the facade's fault turn. */
function sessions(make: (options: ServerOptions) => Server) {
  return fc.property(config, fc.array(line, { maxLength: 12 }), (opts, lines) => {
    const server = make(opts)
    const greeting = server.open()
    expect(greeting[0]).toMatch(/^220 /)
    for (const l of lines) {
      const wasClosed = server.closed
      const turn = server.exchange(l)
      // The facade turns a throw into 451 4.3.0 (localError): seeing it means the engine threw.
      if (turn.replies.some((r) => r.id === 'localError')) throw new Error(`the engine threw on ${JSON.stringify(l)}`)
      if (typeof turn.input?.kind !== 'string') throw new Error('a turn without its client line')
      const out = turn.replies.flatMap((r) => r.lines)
      if (wasClosed) expect(out).toEqual([])
      for (const r of out) {
        expect(r).toMatch(/^[2-5]\d\d[ -]/)
        // RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets including CRLF.
        expect(r.length).toBeLessThanOrEqual(510)
        expect(r).not.toMatch(/[\r\n]/)
      }
    }
    expect(typeof server.state).toBe('string')
  })
}

describe('SMTP engine under random input', () => {
  it(`never throws and always answers with well-formed reply lines (${RUNS.toLocaleString('en')} sessions)`, () => {
    fc.assert(sessions(createSmtpServer), { numRuns: RUNS })
  }, 60_000)

  it('finds a fault planted in the engine with the same number of runs', () => {
    // A throw on any NUL-carrying line after HELO/EHLO: the kind of corner the generators aim at.
    const buggy = (options: ServerOptions) => {
      const engine = smtpEngine(options)
      return createFacade<SmtpSession, ServerTurn>({
        ...engine,
        step: (s, l) => {
          if (s.state !== 'connected' && l.includes('\0')) throw new Error('planted fault')
          return engine.step(s, l)
        },
      })
    }
    expect(fc.check(sessions(buggy), { numRuns: RUNS }).failed).toBe(true)
  }, 60_000)
})
