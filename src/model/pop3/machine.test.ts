import { describe, expect, it } from 'vitest'
import { toBase64 } from '../encoding'
import { createPop3Server, POP3_REPLIES, pop3CommandOf, type Pop3Server } from './index'

const crlf = (lines: string[]): string => lines.map((l) => `${l}\r\n`).join('')
const octets = (s: string): number => new TextEncoder().encode(s).length

const FIRST = crlf(['From: a@example.test', 'Subject: one', '', 'line 1', 'line 2', 'line 3'])
const SECOND = crlf(['From: b@example.test', 'Subject: two', '', 'hello'])
const DOTS = crlf(['Subject: dots', '', '.hidden', '..two', '.', 'end'])
const MAILBOX = { user1: [FIRST, SECOND, DOTS], user2: [SECOND] }

function loggedIn(options = {}): Pop3Server {
  const server = createPop3Server({ mailbox: MAILBOX, ...options })
  server.open()
  expect(server.receive('USER user1')).toEqual(['+OK'])
  expect(server.receive('PASS password1')[0]).toMatch(/^\+OK/)
  return server
}

const status = (lines: string[]): string => (lines[0] ?? '').split(' ')[0] ?? ''

describe('APOP (RFC 1939 §7)', () => {
  const options = { apopTimestamp: '<1896.697170952@dbc.mtview.ca.us>', users: { mrose: 'tanstaaf' } }

  it('greets with the timestamp and accepts the RFC example digest', () => {
    const server = createPop3Server(options)
    const greeting = server.open()
    expect(greeting).toHaveLength(1)
    expect(greeting[0]).toMatch(/^\+OK .*<1896\.697170952@dbc\.mtview\.ca\.us>$/)
    const turn = server.exchange('APOP mrose c4c9334bac560ecc979e58001b3e22fb')
    expect(turn.replies[0]?.status).toBe('+OK')
    expect(turn.events).toEqual([{ type: 'authenticated', user: 'mrose', mechanism: 'APOP' }])
    expect(server.state).toBe('transaction')
  })

  it('refuses a wrong digest and stays in AUTHORIZATION', () => {
    const server = createPop3Server(options)
    server.open()
    expect(status(server.receive('APOP mrose c4c9334bac560ecc979e58001b3e22fc'))).toBe('-ERR')
    expect(status(server.receive('APOP mrose tanstaaf'))).toBe('-ERR')
    expect(status(server.receive('APOP nobody c4c9334bac560ecc979e58001b3e22fb'))).toBe('-ERR')
    expect(status(server.receive('APOP mrose'))).toBe('-ERR')
    expect(server.state).toBe('authorization')
  })
})

describe('USER / PASS (RFC 1939 §7)', () => {
  it('refuses a wrong password, stays in AUTHORIZATION, and needs USER again', () => {
    const server = createPop3Server()
    server.open()
    expect(server.receive('USER user1')).toEqual(['+OK'])
    const bad = server.exchange('PASS wrong')
    expect(bad.replies[0]?.status).toBe('-ERR')
    expect(bad.events).toEqual([])
    expect(server.state).toBe('authorization')
    // PASS may only follow a successful USER immediately (§7).
    expect(status(server.receive('PASS password1'))).toBe('-ERR')
    expect(server.receive('USER user1')).toEqual(['+OK'])
    const ok = server.exchange('PASS password1')
    expect(ok.replies[0]?.status).toBe('+OK')
    expect(ok.events).toEqual([{ type: 'authenticated', user: 'user1', mechanism: 'USER/PASS' }])
    expect(server.state).toBe('transaction')
  })

  it('answers PASS without USER with -ERR', () => {
    const server = createPop3Server()
    expect(status(server.receive('PASS password1'))).toBe('-ERR')
    expect(server.state).toBe('authorization')
  })

  it('does not reveal unknown names at USER, refuses them at PASS (RFC 1939 §13)', () => {
    const server = createPop3Server()
    expect(status(server.receive('USER nobody'))).toBe('+OK')
    expect(server.receive('PASS password1')).toEqual([`-ERR ${POP3_REPLIES.authFailed.text}`])
  })

  it('takes spaces as part of the password (RFC 1939 §7)', () => {
    const server = createPop3Server({ users: { u: 'correct horse' } })
    server.receive('USER u')
    expect(status(server.receive('PASS correct horse'))).toBe('+OK')
  })

  it('reads commands case-insensitively (RFC 1939 §3)', () => {
    const server = createPop3Server({ mailbox: MAILBOX })
    expect(status(server.receive('user user1'))).toBe('+OK')
    expect(status(server.receive('pAsS password1'))).toBe('+OK')
    expect(server.receive('stat')).toEqual([`+OK 3 ${octets(FIRST) + octets(SECOND) + octets(DOTS)}`])
  })
})

describe('AUTH PLAIN (RFC 5034 §4, RFC 4616)', () => {
  it('logs in with an initial response', () => {
    const server = createPop3Server()
    const turn = server.exchange(`AUTH PLAIN ${toBase64('\0user1\0password1')}`)
    expect(turn.replies[0]?.status).toBe('+OK')
    expect(turn.events).toEqual([{ type: 'authenticated', user: 'user1', mechanism: 'PLAIN' }])
  })

  it('sends "+ " and reads the response on the next line', () => {
    const server = createPop3Server()
    expect(server.receive('AUTH PLAIN')).toEqual(['+ '])
    const turn = server.exchange(toBase64('user1\0user1\0password1'))
    expect(turn.command).toBe('sasl-response')
    expect(turn.replies[0]?.status).toBe('+OK')
    expect(server.state).toBe('transaction')
  })

  it('refuses a cancel, bad base64, a wrong password and unknown mechanisms', () => {
    const server = createPop3Server()
    server.receive('AUTH PLAIN')
    expect(status(server.receive('*'))).toBe('-ERR')
    server.receive('AUTH PLAIN')
    expect(status(server.receive('not base64!'))).toBe('-ERR')
    expect(status(server.receive(`AUTH PLAIN ${toBase64('\0user1\0nope')}`))).toBe('-ERR')
    expect(status(server.receive('AUTH CRAM-MD5'))).toBe('-ERR')
    expect(server.state).toBe('authorization')
  })
})

describe('TRANSACTION (RFC 1939 §5, §7)', () => {
  it('gives -ERR for a message marked by DELE, and leaves it out of STAT and LIST', () => {
    const server = loggedIn()
    expect(status(server.receive('DELE 1'))).toBe('+OK')
    expect(status(server.receive('RETR 1'))).toBe('-ERR')
    expect(status(server.receive('LIST 1'))).toBe('-ERR')
    expect(status(server.receive('TOP 1 0'))).toBe('-ERR')
    expect(status(server.receive('UIDL 1'))).toBe('-ERR')
    expect(status(server.receive('DELE 1'))).toBe('-ERR')
    expect(server.receive('STAT')).toEqual([`+OK 2 ${octets(SECOND) + octets(DOTS)}`])
    // The other messages keep their numbers (§5).
    expect(server.receive('LIST').slice(1)).toEqual([`2 ${octets(SECOND)}`, `3 ${octets(DOTS)}`, '.'])
  })

  it('RSET unmarks every message', () => {
    const server = loggedIn()
    server.receive('DELE 1')
    server.receive('DELE 2')
    expect(status(server.receive('RSET'))).toBe('+OK')
    expect(status(server.receive('RETR 1'))).toBe('+OK')
    expect(server.receive('STAT')).toEqual([`+OK 3 ${octets(FIRST) + octets(SECOND) + octets(DOTS)}`])
  })

  it('QUIT passes through UPDATE, removes the marked messages, and closes (RFC 1939 §6)', () => {
    const server = loggedIn()
    server.receive('DELE 1')
    expect(server.mailbox.user1).toHaveLength(3) // DELE alone removes nothing
    const turn = server.exchange('QUIT')
    expect(turn.replies[0]?.status).toBe('+OK')
    expect(turn.path).toEqual(['transaction', 'update', 'closed'])
    expect(turn.events).toContainEqual({ type: 'close' })
    expect(server.closed).toBe(true)
    expect(server.mailbox.user1).toEqual([SECOND, DOTS])
    expect(server.mailbox.user2).toEqual([SECOND])
    // Another device connects later and sees the result.
    const later = createPop3Server({ mailbox: server.mailbox })
    later.receive('USER user1')
    later.receive('PASS password1')
    expect(later.receive('STAT')).toEqual([`+OK 2 ${octets(SECOND) + octets(DOTS)}`])
  })

  it('QUIT in AUTHORIZATION removes nothing and does not enter UPDATE (RFC 1939 §6)', () => {
    const server = createPop3Server({ mailbox: MAILBOX })
    const turn = server.exchange('QUIT')
    expect(turn.replies[0]?.status).toBe('+OK')
    expect(turn.path).toEqual(['authorization', 'closed'])
    expect(server.mailbox).toEqual(MAILBOX)
  })

  it('TOP returns the headers, the blank line and n body lines (RFC 1939 §7)', () => {
    const server = loggedIn()
    expect(server.receive('TOP 1 2')).toEqual(['+OK', 'From: a@example.test', 'Subject: one', '', 'line 1', 'line 2', '.'])
    expect(server.receive('TOP 1 0')).toEqual(['+OK', 'From: a@example.test', 'Subject: one', '', '.'])
    expect(server.receive('TOP 1 99').slice(1)).toEqual(['From: a@example.test', 'Subject: one', '', 'line 1', 'line 2', 'line 3', '.'])
    expect(status(server.receive('TOP 1'))).toBe('-ERR')
    expect(status(server.receive('TOP 1 -1'))).toBe('-ERR')
    expect(status(server.receive('TOP 9 1'))).toBe('-ERR')
  })

  it('byte-stuffs lines that start with "." and counts the size without the stuffing (RFC 1939 §3, §11)', () => {
    const server = loggedIn()
    expect(server.receive('RETR 3')).toEqual([`+OK ${octets(DOTS)} octets`, 'Subject: dots', '', '..hidden', '...two', '..', 'end', '.'])
    expect(server.receive('LIST 3')).toEqual([`+OK 3 ${octets(DOTS)}`])
  })

  it('refuses numbers out of range and arguments that are not numbers', () => {
    const server = loggedIn()
    for (const line of ['RETR 0', 'RETR 4', 'RETR 99999999999999999999', 'RETR abc', 'RETR -1', 'RETR', 'RETR 1 2', 'LIST x', 'DELE', 'STAT 1']) {
      expect(status(server.receive(line)), line).toBe('-ERR')
    }
    expect(server.state).toBe('transaction')
  })

  it('lists unique-ids of 1–70 characters 0x21–0x7E that persist across sessions (RFC 1939 §7)', () => {
    const twins = { user1: [FIRST, FIRST, SECOND] }
    const a = loggedIn({ mailbox: twins }).receive('UIDL')
    const b = loggedIn({ mailbox: twins }).receive('UIDL')
    expect(a).toEqual(b)
    const ids = a.slice(1, -1).map((l) => l.split(' ')[1] ?? '')
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
    for (const id of ids) expect(id).toMatch(/^[\x21-\x7E]{1,70}$/)
  })

  it('answers LAST with -ERR: it is not in RFC 1939', () => {
    const server = loggedIn()
    expect(status(server.receive('LAST'))).toBe('-ERR')
    expect(pop3CommandOf('LAST')).toBe('unknown')
  })
})

describe('STLS (RFC 2595 §4) and implicit TLS (RFC 8314 §3.1)', () => {
  const capa = (server: Pop3Server): string[] => server.receive('CAPA').slice(1, -1)

  it('starts TLS, then CAPA no longer lists STLS and a second STLS is refused', () => {
    const server = createPop3Server()
    server.open()
    expect(capa(server)).toContain('STLS')
    server.receive('USER user1')
    const turn = server.exchange('STLS')
    expect(turn.replies[0]?.lines).toEqual(['+OK Begin TLS negotiation'])
    expect(turn.events).toEqual([{ type: 'tls-start' }])
    expect(server.secure).toBe(true)
    expect(server.state).toBe('authorization')
    expect(capa(server)).not.toContain('STLS')
    expect(status(server.receive('STLS'))).toBe('-ERR')
    // What the client said before TLS is forgotten: USER must come again.
    expect(status(server.receive('PASS password1'))).toBe('-ERR')
  })

  it('on port 995 is secure from the start and does not offer STLS', () => {
    const server = createPop3Server({ port: 995 })
    expect(server.secure).toBe(true)
    server.open()
    expect(capa(server)).not.toContain('STLS')
    expect(status(server.receive('STLS'))).toBe('-ERR')
  })

  it('with requireTls refuses cleartext passwords until STLS, but allows APOP (RFC 2595 §2.3)', () => {
    const server = createPop3Server({ requireTls: true })
    expect(capa(server)).not.toContain('USER')
    expect(server.receive('USER user1')[0]).toMatch(/^-ERR \[AUTH\]/)
    expect(status(server.receive('AUTH PLAIN'))).toBe('-ERR')
    server.receive('STLS')
    expect(capa(server)).toContain('USER')
    expect(status(server.receive('USER user1'))).toBe('+OK')
    expect(status(server.receive('PASS password1'))).toBe('+OK')
  })

  it('refuses STLS in TRANSACTION', () => {
    expect(status(loggedIn().receive('STLS'))).toBe('-ERR')
  })
})

describe('odd input', () => {
  it('answers before open() as if the greeting had been sent', () => {
    const server = createPop3Server()
    expect(status(server.receive('CAPA'))).toBe('+OK')
    expect(server.open()[0]).toMatch(/^\+OK /)
  })

  it('answers empty lines, junk, control characters and lower-case keywords that are not commands', () => {
    const server = createPop3Server()
    for (const line of ['', ' ', '   USER user1', '\0\x01\x02', 'USER user1\r\nPASS password1', '\u00ff\u00fe', 'L\u0131ST', 'HELO x', 'X']) {
      const out = server.receive(line)
      expect(out, JSON.stringify(line)).toHaveLength(1)
      expect(status(out)).toBe('-ERR')
    }
    expect(server.state).toBe('authorization')
  })

  it('takes commands of 255 octets with CRLF and refuses longer ones (RFC 2449 §4)', () => {
    const server = createPop3Server()
    server.receive('USER user1')
    expect(server.exchange(`PASS ${'x'.repeat(248)}`).replies[0]?.id).toBe('authFailed')
    server.receive('USER user1')
    expect(server.exchange(`PASS ${'x'.repeat(249)}`).replies[0]?.id).toBe('lineTooLong')
    // Octets, not characters: 83 × 3-octet "あ" + "USER " = 254 octets.
    expect(server.exchange(`USER ${'あ'.repeat(83)}`).replies[0]?.id).toBe('lineTooLong')
    expect(status(server.receive('x'.repeat(10_000)))).toBe('-ERR')
  })

  it('says nothing once the connection is closed', () => {
    const server = createPop3Server()
    server.receive('QUIT')
    expect(server.receive('NOOP')).toEqual([])
    expect(server.receive('USER user1')).toEqual([])
    expect(server.state).toBe('closed')
    expect(server.closed).toBe(true)
  })
})
