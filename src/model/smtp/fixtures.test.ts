// Replays every SMTP session recorded from Postfix 3.7 (fixtures/real-sessions) through the engine,
// configured like the recorded server, and compares each reply's code and enhanced code.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, listTranscripts, loadTranscript, parseSmtpReply, type Transcript } from '../testing/transcript'
import type { DeliveredMessage, ServerOptions } from '../types'
import { createSmtpServer } from './server'

/** The lab of fixtures/real-sessions/README.md, as engine options. */
function labOptions(t: Transcript): ServerOptions {
  return {
    hostname: 'mail.example.test',
    domains: ['example.test'],
    users: { user1: 'password1', user2: 'password2', admin: 'admin-secret' },
    // /etc/aliases postmaster → root → admin, sales: user1, user2; virtual info@ → user1.
    aliases: { postmaster: ['admin'], root: ['admin'], sales: ['user1', 'user2'], info: ['user1'] },
    port: t.serverPort,
    // mynetworks = 127.0.0.1/32 on port 25; the submission port relays for authenticated users only.
    trustedClient: t.serverPort === 25 && t.clientIp === '127.0.0.1',
    starttls: true,
    requireTls: t.serverPort === 587,
    clientAddress: t.clientIp,
  }
}

/**
 * Where the engine follows the RFC rather than Postfix, keyed by file and client line.
 * Each entry names the rule; the test asserts the engine's answer, not Postfix's.
 */
const DEPARTURES: Record<string, Record<string, { code: string; enhanced: string; why: string }>> = {
  'smtp_relay_denied.txt': {
    'RCPT TO:<bob@outside.example>': {
      code: '550',
      enhanced: '5.7.1',
      why:
        "RFC 5321 §3.6.2 and §4.1.1.3: refusing to relay is a permanent 550; Debian's default " +
        'defer_unauth_destination answers 454 4.7.1 on purpose, as a safety net for misconfigured servers',
    },
  },
}

const transcripts = listTranscripts('smtp_').map(loadTranscript)

describe('Postfix 3.7 transcripts replayed through the SMTP engine', () => {
  it('finds the recorded sessions', () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(12)
  })

  for (const t of transcripts) {
    it(`${t.name}: every reply matches the recording`, () => {
      const server = createSmtpServer(labOptions(t))
      let esmtp = false // did the client's last HELO/EHLO make it an ESMTP session (RFC 2034 §3)?
      for (const [i, ex] of t.exchanges.entries()) {
        const got = ex.client === null ? server.open() : server.receive(ex.client)
        const where = `${t.name} #${i} ${JSON.stringify(ex.client)}`
        if (ex.client !== null && /^(HELO|EHLO) /i.test(ex.client)) esmtp = /^EHLO/i.test(ex.client)
        if (ex.server.length === 0) {
          expect(got, `${where}: silent while the message is sent`).toEqual([])
          continue
        }
        expect(got.length, `${where}: a reply`).toBeGreaterThan(0)
        const want = ex.server.map(parseSmtpReply)
        const mine = got.map(parseSmtpReply)
        // Multi-line replies: every line but the last has "-" after the code (RFC 5321 §4.2.1).
        mine.forEach((r, j) => expect(r.more, `${where} line ${j}`).toBe(j < mine.length - 1))
        expect(mine.length > 1, `${where}: multi-line like Postfix`).toBe(want.length > 1)
        const dep = ex.client !== null ? DEPARTURES[t.name]?.[ex.client] : undefined
        const wantLast = want[want.length - 1]
        const expected = dep ? { code: dep.code, enhanced: dep.enhanced } : { code: wantLast?.code, enhanced: wantLast?.enhanced }
        for (const r of mine) expect(r.code, where).toBe(expected.code)
        const last = mine[mine.length - 1]
        if (esmtp) expect(last?.enhanced ?? null, `${where}: enhanced code`).toBe(expected.enhanced ?? null)
        // After HELO, enhanced codes are not promised (RFC 2034 §3); Postfix sends them anyway.
        else expect(last?.enhanced ?? null, `${where}: no enhanced code without EHLO`).toBeNull()
        if (ex.client?.toUpperCase() === 'STARTTLS' && last?.code === '220') esmtp = false
      }
      expect(server.closed).toBe(true)
    })
  }

  it('departures from Postfix are the ones listed, each with its RFC rule', () => {
    for (const [file, lines] of Object.entries(DEPARTURES)) {
      const t = transcripts.find((x) => x.name === file)
      for (const [line, d] of Object.entries(lines)) {
        const recorded = t?.exchanges.find((e) => e.client === line)?.server[0] ?? ''
        expect(parseSmtpReply(recorded).code).not.toBe(d.code)
        expect(d.why).toMatch(/RFC \d+ §/)
      }
    }
  })
})

describe('EHLO keywords agree with Postfix for the extensions the engine implements', () => {
  const implemented = ['PIPELINING', 'SIZE 10240000', 'VRFY', 'STARTTLS', 'AUTH PLAIN LOGIN', 'ENHANCEDSTATUSCODES', '8BITMIME']
  for (const t of transcripts) {
    it(t.name, () => {
      const server = createSmtpServer(labOptions(t))
      server.open()
      for (const ex of t.exchanges.slice(1)) {
        const got = server.receive(ex.client ?? '')
        if (!/^EHLO /i.test(ex.client ?? '')) continue
        const words = (lines: readonly string[]) => lines.slice(1).map((l) => l.slice(4))
        for (const k of implemented) {
          expect(words(got).includes(k), `${t.name}: ${k}`).toBe(words(ex.server).includes(k))
        }
      }
    })
  }
})

function deliveries(file: string): DeliveredMessage[] {
  const t = loadTranscript(file)
  const server = createSmtpServer(labOptions(t))
  const out: DeliveredMessage[] = []
  server.open()
  for (const ex of t.exchanges.slice(1)) {
    for (const e of server.exchange(ex.client ?? '').events) if (e.type === 'delivered') out.push(e.message)
  }
  return out
}

/** Postfix's Maildir copy without the headers it adds on delivery, CRLF like the wire. */
function storedBody(eml: string): string {
  const lines = eml.split('\n')
  const start = lines.findIndex((l) => /^(From|Subject|To|Date|Message-ID):/i.test(l))
  return lines.slice(start).join('\r\n').replace(/\r\n$/, '') + '\r\n'
}

function withoutTrace(content: string): string {
  return content.replace(/^Return-Path:[^\r]*\r\nReceived:(?:[^\r]*\r\n\t)*[^\r]*\r\n/, '')
}

describe('what the engine delivers matches what Postfix stored', () => {
  it('dot-stuffed line arrives with one dot (RFC 5321 §4.5.2), body byte for byte', () => {
    const [msg] = deliveries('smtp_header_vs_envelope.txt')
    const eml = readFileSync(join(FIXTURES, 'smtp_header_vs_envelope.delivered.eml'), 'utf8')
    expect(withoutTrace(msg?.stored ?? '')).toBe(storedBody(eml))
    expect(msg?.reversePath).toBe('bounces+123@lists.example.org')
    expect(msg?.recipients).toEqual(['user1@example.test'])
    // Postfix's local delivery put Return-Path: on top of the stored copy (RFC 5321 §4.4), as the engine does.
    expect(eml.startsWith('Return-Path: <bounces+123@lists.example.org>\n')).toBe(true)
    expect(msg?.stored?.startsWith('Return-Path: <bounces+123@lists.example.org>\r\n')).toBe(true)
  })

  it('relayed mail (trusted client, outside recipient) is queued with Received: and no Return-Path (RFC 5321 §4.4)', () => {
    const [msg] = deliveries('smtp_relay_trusted_accepted.txt')
    expect(msg?.relayed).toEqual(['bob@outside.example'])
    expect(msg?.mailboxes).toEqual([])
    expect(msg?.stored).toBeNull()
    expect(msg?.content).toMatch(/^Received: from client\.example\.test /)
    expect(msg?.content).not.toMatch(/^Return-Path:/im)
  })

  it('Received: "with" keyword matches Postfix (RFC 3848): SMTP, ESMTP, ESMTPS, ESMTPSA', () => {
    const index = readFileSync(join(FIXTURES, 'delivered/INDEX.txt'), 'utf8')
    const protoOf = (subject: string) => new RegExp(`\\| ${subject} \\|[^\\n]*with (\\w+) id`).exec(index)?.[1]
    const cases: [string, string][] = [
      ['smtp_basic_helo.txt', 'Hello from the basic HELO scenario'],
      ['smtp_two_messages_one_connection.txt', 'Message 1 of 2'],
      ['smtp_starttls.txt', 'Sent over STARTTLS'],
      ['smtp_submission_auth_plain.txt', 'Submitted with AUTH PLAIN'],
    ]
    for (const [file, subject] of cases) {
      const msg = deliveries(file)[0]
      expect(/ with (\w+) id /.exec(msg?.content ?? '')?.[1], file).toBe(protoOf(subject))
    }
  })

  it('aliases expand to mailboxes as in delivered/INDEX.txt (multiple recipients)', () => {
    const [msg] = deliveries('smtp_multiple_rcpt.txt')
    const index = readFileSync(join(FIXTURES, 'delivered/INDEX.txt'), 'utf8')
    const users = [...index.matchAll(/^(\w+) \|[^|]+\| Multiple recipients \|/gm)].map((m) => m[1])
    expect([...(msg?.mailboxes ?? [])].sort()).toEqual([...new Set(users)].sort())
  })

  it('two messages on one connection, the aborted one not delivered', () => {
    const msgs = deliveries('smtp_two_messages_one_connection.txt')
    expect(msgs.map((m) => /Subject: ([^\r]*)/.exec(m.content)?.[1])).toEqual(['Message 1 of 2', 'Message 2 of 2'])
    expect(new Set(msgs.map((m) => m.queueId)).size).toBe(2)
  })
})
