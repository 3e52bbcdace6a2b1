// SASL response lines are bounded in every engine, and a 1 MB one is refused at once, without a throw.
// SMTP and POP3: 12288 octets (RFC 4954 §4; RFC 5034 §4); IMAP: its 64 KiB command-line limit (RFC 9051 has none).
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { createImapServer } from './imap/server'
import { createPop3Server } from './pop3/server'
import { createSmtpServer } from './smtp/server'

const MEGABYTE = 'A'.repeat(1 << 20)
/** Base64 by Node's own encoder, independent of src/model/encoding.ts. */
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now()
  const value = f()
  return { value, ms: performance.now() - t }
}

describe('SMTP: AUTH responses up to 12288 octets (RFC 4954 §4)', () => {
  it('a 1 MB response after AUTH PLAIN fails AUTH with 500 5.5.6 at once; the session goes on', () => {
    const s = createSmtpServer({ port: 587 })
    s.open()
    s.receive('EHLO c.test')
    expect(s.receive('AUTH PLAIN')).toEqual(['334 '])
    const { value, ms } = timed(() => s.receive(MEGABYTE))
    expect(value).toEqual(['500 5.5.6 SASL response limit exceeded'])
    expect(ms).toBeLessThan(1000)
    expect(s.state).toBe('greeted')
    expect(s.receive(`AUTH PLAIN ${b64('\0user1\0password1')}`)).toEqual(['235 2.7.0 Authentication successful'])
  })

  it('a response of exactly 12288 octets is still read (and here fails as credentials, 535)', () => {
    const s = createSmtpServer({ port: 587 })
    s.open()
    s.receive('EHLO c.test')
    s.receive('AUTH PLAIN')
    expect(s.receive('A'.repeat(12288))).toEqual(['535 5.7.8 Error: authentication failed'])
  })

  it('AUTH LOGIN: the same limit on the password line', () => {
    const s = createSmtpServer({ port: 587 })
    s.open()
    s.receive('EHLO c.test')
    s.receive('AUTH LOGIN')
    s.receive(b64('user1'))
    expect(s.receive(MEGABYTE)).toEqual(['500 5.5.6 SASL response limit exceeded'])
  })
})

describe('POP3: AUTH responses longer than a command, bounded (RFC 5034 §4, RFC 4616 §2)', () => {
  it('a 1 MB response after "+ " ends the exchange with -ERR at once', () => {
    const s = createPop3Server()
    s.open()
    expect(s.receive('AUTH PLAIN')).toEqual(['+ '])
    const { value, ms } = timed(() => s.receive(MEGABYTE))
    expect(value).toEqual(['-ERR Authentication response too long.'])
    expect(ms).toBeLessThan(1000)
    expect(s.state).toBe('authorization')
    expect(s.receive('CAPA')[0]).toBe('+OK')
  })

  it('PLAIN with 255-octet name and password (RFC 4616 §2 "MUST accept up to 255 octets") fits, though longer than 255', () => {
    const user = 'u'.repeat(255)
    const password = 'p'.repeat(255)
    const s = createPop3Server({ users: { [user]: password } })
    s.open()
    s.receive('AUTH PLAIN')
    const response = b64(`\0${user}\0${password}`)
    expect(response.length).toBeGreaterThan(255)
    expect(s.receive(response)).toEqual(['+OK Logged in.'])
  })

  it('a command line keeps its 255-octet limit (RFC 2449 §4)', () => {
    const s = createPop3Server()
    s.open()
    expect(s.receive(`USER ${'u'.repeat(300)}`)).toEqual(['-ERR Line too long.'])
  })
})

describe('IMAP: SASL responses bounded like command lines', () => {
  it('a 1 MB response after "+" is a tagged BAD at once', () => {
    const s = createImapServer()
    s.open()
    expect(s.receive('a AUTHENTICATE PLAIN')).toEqual(['+ '])
    const { value, ms } = timed(() => s.receive(MEGABYTE))
    expect(value).toEqual(['a BAD Error in IMAP command: Line too long'])
    expect(ms).toBeLessThan(1000)
    expect(s.state).toBe('not-authenticated')
    expect(s.receive('b LOGIN user1 password1').at(-1)).toMatch(/^b OK /)
  })
})
