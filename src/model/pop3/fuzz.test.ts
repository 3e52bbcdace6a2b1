// No input line, however long or odd, makes the POP3 engine throw or fall silent (CONTRACT.md §1):
// before open, in AUTHORIZATION (plain, after USER, waiting for a SASL response, under TLS), in TRANSACTION
// (with or without marks), and after close, where the answer is nothing at all.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createFacade } from '../facade'
import type { Server, ServerOptions } from '../types'
import { createPop3Server, pop3Engine, POP3_COMMANDS, POP3_STATES, type Pop3Session, type Pop3Turn } from './index'

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
  fc.tuple(KEYWORD, fc.constantFrom(' ', '  ', ' \t', ''), fc.string({ unit: 'binary', maxLength: 60 })).map(([k, sp, a]) => `${k}${sp}${a}`),
  fc
    .tuple(KEYWORD, fc.array(fc.oneof(fc.nat().map(String), fc.constantFrom('-1', '0', '99999999999999999999', '1e3', '0x1')), { maxLength: 3 }))
    .map(([k, args]) => [k, ...args].join(' ')),
)

/**
 * Sized for a busy 2-core machine: 2,000 sessions take about a second alone (10,000 with the default 5 s
 * timeout failed under load), and the test allows a minute. The last test shows that this many runs still
 * find a planted fault.
 */
const RUNS = 2_000

type Make = (options: ServerOptions) => Server

/** Every line is answered while open, nothing after close, and no line ends in the facade's fault turn. */
function sessions(make: Make) {
  return fc.property(
    fc.constantFrom(...PREFIXES),
    fc.array(junk, { minLength: 1, maxLength: 4 }),
    fc.constantFrom(110, 995),
    fc.boolean(),
    fc.boolean(),
    (prefix, lines, port, requireTls, openFirst) => {
      const server = make({ port, requireTls, mailbox: { user1: [DOTS, DOTS, 'no line end'] } })
      if (openFirst) expect(server.open().length).toBe(1)
      for (const line of [...prefix, ...lines]) {
        const wasClosed = server.closed
        const turn = server.exchange(line)
        // The facade turns a throw into -ERR [SYS/TEMP] (internalError): seeing it means the engine threw.
        if (turn.replies.some((r) => r.id === 'internalError')) throw new Error(`the engine threw on ${JSON.stringify(line)}`)
        if (typeof turn.input?.kind !== 'string') throw new Error('a turn without its client line')
        const out = turn.replies.flatMap((r) => r.lines)
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
  )
}

describe('fuzz: open/receive never throw', () => {
  it(`answers every line while open and nothing after close, for ${RUNS.toLocaleString('en')} generated sessions`, () => {
    fc.assert(sessions(createPop3Server), { numRuns: RUNS })
  }, 60_000)

  it('finds a fault planted in the engine with the same number of runs', () => {
    // A throw on any line with a control character in TRANSACTION: the kind of corner the generators aim at.
    const buggy: Make = (options) => {
      const engine = pop3Engine(options)
      return createFacade<Pop3Session, Pop3Turn>({
        ...engine,
        // eslint-disable-next-line no-control-regex -- control characters are the planted trigger
        step: (s, l) => (s.state === 'transaction' && /[\x00-\x1f]/.test(l) ? fail() : engine.step(s, l)),
      })
    }
    expect(fc.check(sessions(buggy), { numRuns: RUNS }).failed).toBe(true)
  }, 60_000)
})

function fail(): never {
  throw new Error('planted fault')
}
