import { describe, expect, it } from 'vitest'
import { toBase64 } from '../encoding'
import type { EngineEvent } from '../types'
import { HARD_ERROR_LIMIT, MAX_RECIPIENTS } from './machine'
import { createSmtpServer } from './server'

function session(lines: string[], opts = {}) {
  const s = createSmtpServer(opts)
  s.open()
  const replies = lines.map((l) => s.receive(l))
  return { s, replies, last: replies[replies.length - 1] ?? [] }
}

const delivered = (events: readonly EngineEvent[]) => events.flatMap((e) => (e.type === 'delivered' ? [e.message] : []))

describe('SMTP engine rules', () => {
  it('greets with 220 and the configured host name (RFC 5321 §3.1)', () => {
    expect(createSmtpServer({ hostname: 'mx.school.test' }).open()).toEqual(['220 mx.school.test ESMTP'])
  })

  it('gives enhanced codes only after EHLO (RFC 2034 §3)', () => {
    expect(session(['HELO a.test', 'MAIL FROM:<a@a.test>']).last).toEqual(['250 Ok'])
    expect(session(['EHLO a.test', 'MAIL FROM:<a@a.test>']).last).toEqual(['250 2.1.0 Ok'])
  })

  it('refuses a space after the colon and a path without brackets (RFC 5321 §3.3)', () => {
    expect(session(['EHLO a', 'MAIL FROM: <a@a.test>']).last[0]).toMatch(/^501 5\.1\.7/)
    expect(session(['EHLO a', 'MAIL FROM:a@a.test']).last[0]).toMatch(/^501 5\.1\.7/)
  })

  it('MAIL FROM: with nothing after the colon is a command-syntax error: 501 5.5.4, as Postfix answers (RFC 3463 X.5.4)', () => {
    // Postfix 3.7 smtpd: "501 5.5.4 Syntax: MAIL FROM:<address>" when the path is missing; not 5.1.7 (bad sender address).
    expect(session(['EHLO a', 'MAIL FROM:']).last).toEqual(['501 5.5.4 Syntax: MAIL FROM:<address>'])
    expect(session(['EHLO a', 'MAIL FROM:   ']).last).toEqual(['501 5.5.4 Syntax: MAIL FROM:<address>'])
    expect(session(['HELO a', 'MAIL FROM:']).last).toEqual(['501 Syntax: MAIL FROM:<address>'])
    expect(session(['EHLO a', 'MAIL FROM:<a@a.test>', 'RCPT TO:']).last).toEqual(['501 5.5.4 Syntax: RCPT TO:<address>'])
  })

  it('accepts the null reverse-path and Postmaster without a domain (RFC 5321 §4.5.5, §4.1.1.3)', () => {
    const { replies } = session(['EHLO a', 'MAIL FROM:<>', 'RCPT TO:<Postmaster>'])
    expect(replies[1]?.[0]).toMatch(/^250 /)
    expect(replies[2]?.[0]).toMatch(/^250 /)
  })

  it('unknown local user 550 5.1.1, outside domain 550 5.7.1 unless trusted', () => {
    expect(session(['EHLO a', 'MAIL FROM:<a@a.test>', 'RCPT TO:<ghost@example.test>']).last[0]).toMatch(/^550 5\.1\.1 <ghost@example\.test>/)
    expect(session(['EHLO a', 'MAIL FROM:<a@a.test>', 'RCPT TO:<b@far.test>']).last[0]).toMatch(/^550 5\.7\.1 .*Relay access denied/)
    expect(session(['EHLO a', 'MAIL FROM:<a@a.test>', 'RCPT TO:<b@far.test>'], { trustedClient: true }).last[0]).toMatch(/^250 /)
  })

  it('removes one leading dot from each body line and delivers after the lone dot (RFC 5321 §4.5.2)', () => {
    const s = createSmtpServer()
    s.open()
    for (const l of ['EHLO a', 'MAIL FROM:<a@a.test>', 'RCPT TO:<user1@example.test>', 'DATA']) s.receive(l)
    expect(s.receive('Subject: dots')).toEqual([])
    expect(s.receive('')).toEqual([])
    expect(s.receive('..one dot')).toEqual([])
    expect(s.receive('...')).toEqual([])
    const end = s.exchange('.')
    expect(end.replies[0]?.lines[0]).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]{10}$/)
    const [msg] = delivered(end.events)
    expect(msg?.content.endsWith('Subject: dots\r\n\r\n.one dot\r\n..\r\n')).toBe(true)
    expect(msg?.mailboxes).toEqual(['user1'])
    expect(s.state).toBe('greeted')
  })

  it('checks SIZE against the limit (RFC 1870 §6) and the size after the dot', () => {
    expect(session(['EHLO a', 'MAIL FROM:<a@a.test> SIZE=99999999']).last[0]).toMatch(/^552 5\.3\.4/)
    expect(session(['EHLO a', 'MAIL FROM:<a@a.test> SIZE=100']).last[0]).toMatch(/^250 /)
    expect(session(['HELO a', 'MAIL FROM:<a@a.test> SIZE=100']).last[0]).toMatch(/^555 /)
    const big = session(['EHLO a', 'MAIL FROM:<a@a.test>', 'RCPT TO:<user1@example.test>', 'DATA', 'x'.repeat(900), 'x'.repeat(900), '.'], {
      maxMessageSize: 1000,
    })
    expect(big.last[0]).toMatch(/^552 5\.3\.4/)
  })

  it(`buffers ${MAX_RECIPIENTS} recipients, then 452 4.5.3 (RFC 5321 §4.5.3.1.8, .10)`, () => {
    const lines = ['EHLO a', 'MAIL FROM:<a@a.test>', ...Array.from({ length: MAX_RECIPIENTS + 1 }, () => 'RCPT TO:<user1@example.test>')]
    const { replies } = session(lines)
    expect(replies[MAX_RECIPIENTS + 1]?.[0]).toMatch(/^250 /)
    expect(replies[MAX_RECIPIENTS + 2]?.[0]).toMatch(/^452 4\.5\.3/)
  })

  it('refuses command lines over 512 octets (RFC 5321 §4.5.3.1.4)', () => {
    expect(session(['EHLO ' + 'a'.repeat(600)]).last[0]).toMatch(/^500 /)
  })

  it(`closes with 421 after ${HARD_ERROR_LIMIT} errors`, () => {
    const { s, last } = session(Array.from({ length: HARD_ERROR_LIMIT + 1 }, () => 'FROB'))
    expect(last[0]).toMatch(/^421 .*too many errors/)
    expect(s.closed).toBe(true)
  })

  it('QUIT answers 221 and closes; later lines get nothing', () => {
    const { s, last } = session(['QUIT'])
    expect(last).toEqual(['221 Bye'])
    expect(s.closed).toBe(true)
    expect(s.receive('NOOP')).toEqual([])
  })

  it('STARTTLS: 220, then the session starts over and must EHLO again (RFC 3207 §4.2)', () => {
    const { s, replies } = session(['EHLO a', 'STARTTLS', 'MAIL FROM:<a@a.test>', 'EHLO a'])
    expect(replies[1]).toEqual(['220 2.0.0 Ready to start TLS'])
    expect(s.secure).toBe(true)
    expect(replies[2]?.[0]).toMatch(/^503 /)
    expect(replies[3]).not.toContain('250-STARTTLS')
    expect(s.receive('STARTTLS')[0]).toMatch(/^554 5\.5\.1/)
  })

  it('AUTH LOGIN with base64 prompts; a wrong password gives 535 5.7.8 (RFC 4954 §4, §6)', () => {
    const ok = session(['EHLO a', 'AUTH LOGIN', toBase64('user1'), toBase64('password1')], { port: 587 })
    expect(ok.replies.slice(1).map((r) => r[0])).toEqual(['334 VXNlcm5hbWU6', '334 UGFzc3dvcmQ6', '235 2.7.0 Authentication successful'])
    const bad = session(['EHLO a', `AUTH PLAIN ${toBase64('\0user1\0nope')}`], { port: 587 })
    expect(bad.last[0]).toBe('535 5.7.8 Error: authentication failed')
    const aborted = session(['EHLO a', 'AUTH PLAIN', '*'], { port: 587 })
    expect(aborted.replies[1]).toEqual(['334 '])
    expect(aborted.last[0]).toMatch(/^501 /)
    expect(session(['EHLO a', 'AUTH LOGIN', '%%%'], { port: 587 }).last[0]).toMatch(/^501 5\.5\.2/)
  })

  it('the submission port takes mail only after AUTH (RFC 6409 §4.3, RFC 4954 §6)', () => {
    expect(session(['EHLO a', 'MAIL FROM:<user1@example.test>'], { port: 587 }).last[0]).toMatch(/^530 5\.7\.0 Authentication required/)
    const authed = session(['EHLO a', `AUTH PLAIN ${toBase64('\0user1\0password1')}`, 'MAIL FROM:<user1@example.test>', 'RCPT TO:<x@far.test>'], { port: 587 })
    expect(authed.last[0]).toMatch(/^250 /)
  })

  it('no AUTH on port 25 (502), and none before TLS where TLS is required (530)', () => {
    expect(session(['EHLO a', 'AUTH PLAIN']).last[0]).toMatch(/^502 /)
    expect(session(['EHLO a', 'AUTH PLAIN'], { port: 587, requireTls: true }).last[0]).toBe('530 5.7.0 Must issue a STARTTLS command first')
  })

  it('POP before SMTP opens relay for the configured window only', () => {
    let now = 0
    const opts = { now: () => now, popBeforeSmtp: { windowSeconds: 300, lastPopLogin: () => 100 } }
    const lines = ['EHLO a', 'MAIL FROM:<user1@example.test>', 'RCPT TO:<friend@far.test>']
    now = 50
    expect(session(lines, opts).last[0]).toMatch(/^550 5\.7\.1/)
    now = 350
    expect(session(lines, opts).last[0]).toMatch(/^250 /)
    now = 401
    expect(session(lines, opts).last[0]).toMatch(/^550 5\.7\.1/)
  })

  it('HELO/EHLO in a transaction resets it, like RSET (RFC 5321 §4.1.4)', () => {
    expect(session(['EHLO a', 'MAIL FROM:<a@a.test>', 'EHLO a', 'RCPT TO:<user1@example.test>']).last[0]).toMatch(/^503 .*need MAIL/)
  })

  it('greylisting: 450 4.7.1 for a new triplet, 250 once the delay has passed (RFC 6647)', () => {
    let now = 0
    const seen = new Map<string, number>()
    const greylist = {
      delaySeconds: 300,
      firstSeen: (k: string, t: number) => {
        if (!seen.has(k)) seen.set(k, t)
        return seen.get(k) ?? t
      },
    }
    const lines = ['EHLO mx.sender.test', 'MAIL FROM:<a@sender.test>', 'RCPT TO:<user1@example.test>']
    expect(session(lines, { greylist, now: () => now }).last[0]).toMatch(/^450 4\.7\.1 /)
    now = 120
    expect(session(lines, { greylist, now: () => now }).last[0]).toMatch(/^450 4\.7\.1 /)
    now = 301
    expect(session(lines, { greylist, now: () => now }).last[0]).toMatch(/^250 /)
  })

  it('a full mailbox is a temporary 452 4.2.2 until space is freed', () => {
    let now = 0
    const opts = { mailboxFullUntil: { user1: 600 }, now: () => now }
    const lines = ['EHLO a', 'MAIL FROM:<a@a.test>', 'RCPT TO:<user1@example.test>']
    expect(session(lines, opts).last[0]).toMatch(/^452 4\.2\.2 /)
    now = 600
    expect(session(lines, opts).last[0]).toMatch(/^250 /)
  })

  describe('Return-Path: only on final delivery, Received: on every hop (RFC 5321 §4.4)', () => {
    const send = (rcpts: string[], opts = {}) => {
      const s = createSmtpServer({ trustedClient: true, ...opts })
      s.open()
      for (const l of ['EHLO a.test', 'MAIL FROM:<a@a.test>', ...rcpts.map((r) => `RCPT TO:<${r}>`), 'DATA', 'Subject: x', '']) s.receive(l)
      const [msg] = delivered(s.exchange('.').events)
      return msg
    }

    it('a local recipient: the mailbox copy starts with Return-Path: <MAIL FROM>, then Received:', () => {
      const msg = send(['user1@example.test'])
      expect(msg?.stored).toMatch(/^Return-Path: <a@a\.test>\r\nReceived: from a\.test /)
      expect(msg?.content).toMatch(/^Received: from a\.test /)
      expect(msg?.content).not.toMatch(/^Return-Path:/im)
    })

    it('an outside recipient only: queued for relay with Received: alone, no copy stored', () => {
      const msg = send(['bob@far.test'])
      expect(msg?.relayed).toEqual(['bob@far.test'])
      expect(msg?.stored).toBeNull()
      expect(msg?.content).toMatch(/^Received: from a\.test [^\r]*\r\n\tby mail\.example\.test with ESMTP id [0-9A-F]{10}\r\n\tfor <bob@far\.test>;/)
      expect(msg?.content).not.toMatch(/^Return-Path:/im)
    })

    it('both: the local copy has Return-Path:, the relayed one does not', () => {
      const msg = send(['user1@example.test', 'bob@far.test'])
      expect(msg?.relayed).toEqual(['bob@far.test'])
      expect(msg?.mailboxes).toEqual(['user1'])
      expect(msg?.stored?.startsWith('Return-Path: <a@a.test>\r\n')).toBe(true)
      expect(msg?.stored?.endsWith(msg.content)).toBe(true)
      expect(msg?.content).not.toMatch(/^Return-Path:/im)
    })
  })

  it('a content filter refuses after the dot with 554 5.7.1 and delivers nothing', () => {
    const s = createSmtpServer({ rejectContent: ['viagra'] })
    s.open()
    for (const l of ['EHLO a', 'MAIL FROM:<a@a.test>', 'RCPT TO:<user1@example.test>', 'DATA', 'Subject: cheap VIAGRA']) s.receive(l)
    const end = s.exchange('.')
    expect(end.replies[0]?.lines[0]).toMatch(/^554 5\.7\.1 /)
    expect(delivered(end.events)).toEqual([])
  })

  it('HELP lists only what is offered; 465 also needs AUTH before MAIL (RFC 8314 §3.3)', () => {
    expect(session(['EHLO a', 'HELP']).last[0]).not.toMatch(/AUTH/)
    expect(session(['EHLO a', 'HELP'], { port: 587 }).last[0]).toMatch(/AUTH/)
    expect(session(['EHLO a', 'MAIL FROM:<user1@example.test>'], { port: 465 }).last[0]).toMatch(/^530 5\.7\.0/)
  })
})
