// No input line, however long, empty, binary or hostile, makes the engine throw (CONTRACT.md §1).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSmtpServer } from './server'

const interesting = fc.constantFrom(
  'EHLO x', 'HELO x', 'MAIL FROM:<a@b.test>', 'MAIL FROM:<>', 'RCPT TO:<user1@example.test>', 'RCPT TO:<x@y.test>', 'DATA', '.',
  '..', 'RSET', 'QUIT', 'STARTTLS', 'AUTH PLAIN', 'AUTH LOGIN', 'AUTH PLAIN AHVzZXIxAHBhc3N3b3JkMQ==', '*', '=', 'MAIL FROM:<"a\\"b"@c>',
  'MAIL FROM:<a@b> SIZE=99999999999', 'MAIL FROM:<a@b> BODY=8BITMIME', 'RCPT TO:<Postmaster>', 'VRFY', 'VRFY <user1@example.test>',
)
const line = fc.oneof(
  interesting,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\r', '\n', '\0', '<', '>', ':', '@', ' ', '.', 'A', '=', '"', '\\'), maxLength: 30 }),
  fc.integer({ min: 500, max: 20000 }).map((n) => 'MAIL FROM:<' + 'a'.repeat(n) + '@b.test>'),
  fc.tuple(interesting, fc.string({ unit: 'binary', maxLength: 20 })).map(([a, b]) => a + b),
)
const config = fc.constantFrom({}, { port: 587, requireTls: true }, { port: 465 }, { trustedClient: true }, { port: 587 })

describe('SMTP engine under random input', () => {
  it('never throws and always answers with well-formed reply lines (10,000 sessions)', () => {
    fc.assert(
      fc.property(config, fc.array(line, { maxLength: 12 }), (opts, lines) => {
        const server = createSmtpServer(opts)
        const greeting = server.open()
        expect(greeting[0]).toMatch(/^220 /)
        for (const l of lines) {
          const wasClosed = server.closed
          const out = server.receive(l)
          if (wasClosed) expect(out).toEqual([])
          for (const r of out) {
            expect(r).toMatch(/^[2-5]\d\d[ -]/)
            // RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets including CRLF.
            expect(r.length).toBeLessThanOrEqual(510)
            expect(r).not.toMatch(/[\r\n]/)
          }
        }
        expect(typeof server.state).toBe('string')
      }),
      { numRuns: 10000 },
    )
  })
})
