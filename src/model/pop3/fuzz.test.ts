// No input line, however long or odd, makes the POP3 engine throw or fall silent (CONTRACT.md §1):
// before open, in AUTHORIZATION (plain, after USER, waiting for a SASL response, under TLS), in TRANSACTION
// (with or without marks), and after close, where the answer is nothing at all.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPop3Server, POP3_COMMANDS, POP3_STATES } from './index'

const DOTS = '.\r\n..\r\nSubject: x\r\n\r\n.body\r\n'

/** Client lines that put the server into each state before the junk arrives. */
const PREFIXES: readonly (readonly string[])[] = [
  [],
  ['USER user1'],
  ['AUTH PLAIN'],
  ['STLS'],
  ['STLS', 'USER user1'],
  ['USER user1', 'PASS password1'],
  ['USER user1', 'PASS password1', 'DELE 1'],
  ['USER user1', 'PASS password1', 'DELE 1', 'DELE 2', 'DELE 3'],
  ['QUIT'],
  ['USER user1', 'PASS password1', 'QUIT'],
]

const CONTROL = fc.constantFrom('\r', '\n', '\r\n', '\0', '\t', '\x7f', '\x1b', ' ', '.', '\u2028', '\ud800', '\udfff')
const KEYWORD = fc.constantFrom(...POP3_COMMANDS, ...POP3_COMMANDS.map((c) => c.toLowerCase()), 'LAST', 'lıst', 'ſtat', '')

const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: CONTROL, maxLength: 40 }),
  fc.string({ minLength: 240, maxLength: 270 }),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.tuple(KEYWORD, fc.constantFrom(' ', '  ', ' \t', ''), fc.string({ unit: 'binary', maxLength: 60 }))
    .map(([k, sp, a]) => `${k}${sp}${a}`),
  fc.tuple(KEYWORD, fc.array(fc.oneof(fc.nat().map(String), fc.constantFrom('-1', '0', '99999999999999999999', '1e3', '0x1')), { maxLength: 3 }))
    .map(([k, args]) => [k, ...args].join(' ')),
)

describe('fuzz: open/receive never throw', () => {
  it('answers every line while open and nothing after close, for 10,000 generated sessions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PREFIXES), fc.array(junk, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(110, 995), fc.boolean(), fc.boolean(),
        (prefix, lines, port, requireTls, openFirst) => {
          const server = createPop3Server({ port, requireTls, mailbox: { user1: [DOTS, DOTS, 'no line end'] } })
          if (openFirst) expect(server.open().length).toBe(1)
          for (const line of [...prefix, ...lines]) {
            const wasClosed = server.closed
            const out = server.receive(line)
            if (wasClosed) {
              expect(out).toEqual([])
            } else {
              expect(out.length).toBeGreaterThan(0)
              expect(out[0]).toMatch(/^(\+OK|-ERR|\+ )/)
              // A multi-line reply ends with the lone "."; inside, no line is a bare "." (RFC 1939 §3).
              if (out.length > 1) {
                expect(out.at(-1)).toBe('.')
                expect(out.slice(1, -1)).not.toContain('.')
              }
            }
            expect(POP3_STATES).toContain(server.state)
          }
        },
      ),
      { numRuns: 10_000 },
    )
  })
})
