// The one facade over every engine's pure open/step pair (CONTRACT.md §1): lazy, idempotent, never throwing.
import { describe, expect, it } from 'vitest'
import { createFacade, type PureEngine } from './facade'
import { createImapServer } from './imap/server'
import { createPop3Server } from './pop3/server'
import { createSmtpServer } from './smtp/server'
import type { ServerTurn } from './types'

/** A toy engine: counts lines, closes on "bye", throws on "boom". */
function toy(opts: { failOpen?: boolean } = {}) {
  let opens = 0
  const turn = (before: string, after: string, text: string): ServerTurn => ({
    replies: [{ id: text, status: '+', cls: 'positive', lines: [text], rfc: 'RFC 0' }],
    events: [],
    stateBefore: before,
    stateAfter: after,
  })
  const engine: PureEngine<{ n: number; state: string }, ServerTurn> = {
    open: () => {
      opens++
      if (opts.failOpen) throw new Error('no')
      return { session: { n: 0, state: 'open' }, turn: turn('open', 'open', 'hello') }
    },
    step: (s, line) => {
      if (line === 'boom') throw new Error('bug')
      const state = line === 'bye' ? 'closed' : s.state
      return { session: { n: s.n + 1, state }, turn: turn(s.state, state, `line ${s.n + 1}`) }
    },
    state: (s) => s.state,
    closed: (s) => s.state === 'closed',
    secure: () => true,
    fault: (s, state) => turn(state, state, `fault after ${s?.n ?? 'nothing'}`),
    initialState: 'before',
    initiallySecure: () => false,
  }
  return { engine, opens: () => opens }
}

describe('createFacade', () => {
  it('opens once, on first use, and repeats the same greeting', () => {
    const t = toy()
    const server = createFacade(t.engine)
    expect(t.opens()).toBe(0)
    const { receive, open } = server
    expect(receive('a')).toEqual(['line 1'])
    expect(open()).toEqual(['hello'])
    expect(server.open()).toEqual(['hello'])
    expect(t.opens()).toBe(1)
    expect(server.session).toEqual({ n: 1, state: 'open' })
  })

  it('answers an engine fault with the fault turn and keeps the session as it was', () => {
    const server = createFacade(toy().engine)
    server.receive('a')
    expect(server.receive('boom')).toEqual(['fault after 1'])
    expect(server.exchange('boom').stateAfter).toBe('open')
    expect(server.receive('b')).toEqual(['line 2'])
    server.receive('bye')
    expect(server.closed).toBe(true)
    expect(server.state).toBe('closed')
  })

  it('never throws when opening fails: fault turns, the initial state, and a clear error only from .session', () => {
    const server = createFacade(toy({ failOpen: true }).engine)
    expect(server.open()).toEqual(['fault after nothing'])
    expect(server.receive('a')).toEqual(['fault after nothing'])
    expect(server.state).toBe('before')
    expect(server.closed).toBe(false)
    expect(server.secure).toBe(false)
    expect(() => server.session).toThrow(/could not open/)
  })
})

describe('every engine answers its own faults from its reply table', () => {
  const failingClock = (): number => {
    throw new Error('clock broken')
  }

  it('SMTP: 451 4.3.0, the transaction kept (RFC 5321 §4.2.3)', () => {
    const s = createSmtpServer({ now: failingClock })
    s.open()
    s.receive('EHLO c.test')
    s.receive('MAIL FROM:<a@c.test>')
    const t = s.exchange('RCPT TO:<user1@example.test>')
    expect(t.replies.map((r) => [r.id, ...r.lines])).toEqual([['localError', '451 4.3.0 Error: internal error, command not processed']])
    expect(s.state).toBe('mail')
    expect(s.receive('RSET')).toEqual(['250 2.0.0 Ok'])
  })

  it('POP3: -ERR [SYS/TEMP] (RFC 3206 §4), still in AUTHORIZATION', () => {
    const users = new Proxy<Record<string, string>>(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error('user database down')
        },
      },
    )
    const s = createPop3Server({ users })
    s.open()
    expect(s.receive('USER user1')).toEqual(['+OK'])
    expect(s.receive('PASS password1')).toEqual(['-ERR [SYS/TEMP] Internal error, command not processed.'])
    expect(s.state).toBe('authorization')
  })

  it('IMAP: untagged BAD, the state unchanged (RFC 9051 §7.1.3)', () => {
    const s = createImapServer({ now: failingClock })
    s.open()
    s.receive('a LOGIN user1 password1')
    expect(s.receive('b APPEND INBOX {5+}')).toEqual([])
    expect(s.receive('hello')).toEqual(['* BAD Error in IMAP command received by server.'])
    expect(s.state).toBe('authenticated')
  })
})
