// Every turn records what its client line was (turn.input), so that nobody re-parses the wire text;
// replies that carry mail content say so (reply.message).
import { describe, expect, it } from 'vitest'
import { createImapServer } from './imap/server'
import { createPop3Server } from './pop3/server'
import { createSmtpServer } from './smtp/server'
import { listTranscripts, loadTranscript } from './testing/transcript'
import type { Server, ServerTurn } from './types'

function run(server: Server, lines: readonly string[]): ServerTurn[] {
  server.open()
  return lines.map((l) => server.exchange(l))
}
const kinds = (turns: readonly ServerTurn[]) => turns.map((t) => t.input?.kind)

describe('SMTP turns name their line', () => {
  it('commands in upper case, message lines as body and ".", each with its RFC section', () => {
    const turns = run(createSmtpServer(), [
      'ehlo c.test',
      'MAIL FROM:<a@c.test>',
      'RCPT TO:<user1@example.test>',
      'DATA',
      'Subject: x',
      '',
      '..dot',
      '.',
      'FROB',
      'QUIT',
      'NOOP',
    ])
    expect(kinds(turns)).toEqual(['EHLO', 'MAIL', 'RCPT', 'DATA', 'body', 'body', 'body', '.', 'unknown', 'QUIT', 'NOOP'])
    expect(turns.map((t) => t.input?.rfc)).toEqual([
      'RFC 5321 §4.1.1.1',
      'RFC 5321 §4.1.1.2',
      'RFC 5321 §4.1.1.3',
      'RFC 5321 §4.1.1.4',
      'RFC 5321 §4.1.1.4, §4.5.2',
      'RFC 5321 §4.1.1.4, §4.5.2',
      'RFC 5321 §4.1.1.4, §4.5.2',
      'RFC 5321 §4.1.1.4',
      'RFC 5321 §4.2.4',
      'RFC 5321 §4.1.1.10',
      'RFC 5321 §4.1.1.9',
    ])
    expect(turns.every((t) => t.input?.secret === undefined)).toBe(true)
  })

  it('AUTH PLAIN with an initial response carries the name and password in base64 (RFC 4954 §4)', () => {
    const [, auth] = run(createSmtpServer({ port: 587 }), ['EHLO c.test', 'AUTH PLAIN AHVzZXIxAHBhc3N3b3JkMQ=='])
    expect(auth?.input).toEqual({
      kind: 'AUTH',
      rfc: 'RFC 4954 §4',
      secret: { form: 'base64', encoded: 'AHVzZXIxAHBhc3N3b3JkMQ==', decoded: '\0user1\0password1', user: 'user1', password: 'password1' },
    })
  })

  it('AUTH LOGIN: the two sasl-response lines carry the name, then the password; "*" carries nothing', () => {
    const turns = run(createSmtpServer({ port: 587 }), ['EHLO c.test', 'AUTH PLAIN', '*', 'AUTH LOGIN', 'dXNlcjE=', 'cGFzc3dvcmQx'])
    expect(kinds(turns)).toEqual(['EHLO', 'AUTH', 'sasl-response', 'AUTH', 'sasl-response', 'sasl-response'])
    expect(turns[2]?.input).toEqual({ kind: 'sasl-response', rfc: 'RFC 4954 §4' })
    expect(turns[4]?.input?.secret).toEqual({ form: 'base64', encoded: 'dXNlcjE=', decoded: 'user1', user: 'user1' })
    expect(turns[5]?.input?.secret).toEqual({ form: 'base64', encoded: 'cGFzc3dvcmQx', decoded: 'password1', password: 'password1' })
    expect(turns[5]?.replies[0]?.lines[0]).toBe('235 2.7.0 Authentication successful')
  })

  it('credentials sent where AUTH is refused are still on the wire', () => {
    const [, auth] = run(createSmtpServer(), ['EHLO c.test', 'AUTH PLAIN AHVzZXIxAHBhc3N3b3JkMQ=='])
    expect(auth?.replies[0]?.status).toBe('502')
    expect(auth?.input?.secret).toMatchObject({ form: 'base64', user: 'user1', password: 'password1' })
  })
})

describe('POP3 turns name their line', () => {
  it('PASS carries the password as typed, with the name USER gave (RFC 1939 §7)', () => {
    const turns = run(createPop3Server(), ['USER user1', 'PASS password1', 'LIST', 'RETR 1', 'TOP 1 0', 'QUIT'])
    expect(kinds(turns)).toEqual(['USER', 'PASS', 'LIST', 'RETR', 'TOP', 'QUIT'])
    expect(turns[1]?.input).toEqual({ kind: 'PASS', rfc: 'RFC 1939 §7', secret: { form: 'plain', user: 'user1', password: 'password1' } })
    expect(turns.map((t) => t.replies.some((r) => r.message === true))).toEqual([false, false, false, true, true, false])
  })

  it('APOP carries a digest; AUTH PLAIN and its "+" response carry base64 (RFC 1939 §7, RFC 5034 §4)', () => {
    const apop = run(createPop3Server(), ['APOP user1 c4c9334bac560ecc979e58001b3e22fb'])[0]
    expect(apop?.input).toEqual({ kind: 'APOP', rfc: 'RFC 1939 §7', secret: { form: 'digest', user: 'user1', digest: 'c4c9334bac560ecc979e58001b3e22fb' } })
    const turns = run(createPop3Server(), ['AUTH PLAIN', 'AHVzZXIxAHBhc3N3b3JkMQ=='])
    expect(kinds(turns)).toEqual(['AUTH', 'sasl-response'])
    expect(turns[1]?.input?.rfc).toBe('RFC 5034 §4')
    expect(turns[1]?.input?.secret).toMatchObject({ form: 'base64', user: 'user1', password: 'password1' })
    expect(turns[1]?.replies[0]?.lines[0]).toBe('+OK Logged in.')
  })
})

describe('IMAP turns name their line', () => {
  it('LOGIN carries both astrings, quoted ones unquoted (RFC 9051 §6.2.3)', () => {
    const [login] = run(createImapServer(), ['a LOGIN user1 "password1"'])
    expect(login?.input).toEqual({ kind: 'LOGIN', rfc: 'RFC 9051 §6.2.3', secret: { form: 'plain', user: 'user1', password: 'password1' } })
  })

  it('a password sent as a literal is on the line that completes LOGIN (RFC 9051 §4.3)', () => {
    const turns = run(createImapServer(), ['a LOGIN user1 {9}', 'password1'])
    expect(kinds(turns)).toEqual(['LOGIN', 'literal-data'])
    expect(turns[0]?.input?.secret).toBeUndefined()
    expect(turns[1]?.input?.secret).toEqual({ form: 'plain', user: 'user1', password: 'password1' })
    expect(turns[1]?.replies.at(-1)?.lines[0]).toMatch(/^a OK /)
  })

  it('AUTHENTICATE LOGIN: name, then password, each a sasl-response in base64 (RFC 9051 §6.2.2)', () => {
    const turns = run(createImapServer(), ['a AUTHENTICATE LOGIN', 'dXNlcjE=', 'cGFzc3dvcmQx'])
    expect(kinds(turns)).toEqual(['AUTHENTICATE', 'sasl-response', 'sasl-response'])
    expect(turns.map((t) => t.input?.secret)).toEqual([
      undefined,
      { form: 'base64', encoded: 'dXNlcjE=', decoded: 'user1', user: 'user1' },
      { form: 'base64', encoded: 'cGFzc3dvcmQx', decoded: 'password1', password: 'password1' },
    ])
  })

  it('SASL-IR on the AUTHENTICATE line, even when the state refuses it', () => {
    const turns = run(createImapServer(), [
      'a AUTHENTICATE PLAIN AHVzZXIxAHBhc3N3b3JkMQ==',
      'b AUTHENTICATE PLAIN AHVzZXIxAHBhc3N3b3JkMQ==',
      'c LOGIN user1 password1',
    ])
    expect(turns[0]?.replies.at(-1)?.lines[0]).toMatch(/^a OK /)
    expect(turns[1]?.replies.at(-1)?.lines[0]).toMatch(/^b BAD /)
    expect(turns[2]?.replies.at(-1)?.lines[0]).toMatch(/^c BAD /)
    for (const t of turns) expect(t.input?.secret).toMatchObject({ user: 'user1', password: 'password1' })
  })

  it('FETCH with a body or header section carries the message; FLAGS alone does not', () => {
    const turns = run(createImapServer(), [
      'a LOGIN user1 password1',
      'b SELECT INBOX',
      'c FETCH 1 FLAGS',
      'd UID FETCH 1 BODY.PEEK[HEADER]',
      'e FETCH 1 BODY[TEXT]',
    ])
    const fetched = (t: ServerTurn | undefined) => (t?.replies ?? []).filter((r) => r.id === 'fetch').map((r) => r.message === true)
    expect(fetched(turns[2])).toEqual([false])
    expect(fetched(turns[3])).toEqual([true])
    expect(fetched(turns[4])).toEqual([true])
    expect(turns[3]?.input).toEqual({ kind: 'UID FETCH', rfc: 'RFC 9051 §6.4.9' })
  })
})

describe('every line of the recorded sessions gets a kind and an RFC section', () => {
  const servers: Record<string, () => Server> = {
    smtp_: () => createSmtpServer({ port: 25, trustedClient: true }),
    pop3_: () => createPop3Server(),
    imap_: () => createImapServer(),
  }
  for (const [prefix, make] of Object.entries(servers)) {
    for (const file of listTranscripts(prefix)) {
      it(file, () => {
        const server = make()
        server.open()
        for (const ex of loadTranscript(file).exchanges.slice(1)) {
          const input = server.exchange(ex.client ?? '').input
          expect(input?.kind, ex.client ?? '').toMatch(/^(?:[A-Z]+(?: [A-Z]+)?|sasl-response|literal-data|body|\.|unknown)$/)
          expect(input?.rfc, ex.client ?? '').toMatch(/^RFC \d+ §\d/)
        }
      })
    }
  }
})
