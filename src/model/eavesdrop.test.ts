import { describe, expect, it } from 'vitest'
import { exposureOf } from './eavesdrop'
import { toBase64 } from './encoding'
import { buildTimeline, type Action, type ServerSpec } from './session'

const run = (servers: ServerSpec[], actions: Action[]) => buildTimeline({ seed: 'e', servers, actions }).steps

describe('what an eavesdropper reads', () => {
  it('POP3 USER/PASS: the password itself, with the user named just before', () => {
    const steps = run(
      [{ id: 's', protocol: 'pop3' }],
      [
        { type: 'send', line: 'USER user1' },
        { type: 'send', line: 'PASS password1' },
        { type: 'send', line: 'QUIT' },
      ],
    )
    const pass = steps.find((s) => s.lines[0] === 'PASS password1')
    expect(pass && exposureOf(pass)).toEqual({ kind: 'password', user: 'user1', password: 'password1' })
  })

  it('SMTP AUTH PLAIN: base64 that decodes to user and password in one step', () => {
    const ir = toBase64('\0user1\0password1')
    const steps = run(
      [{ id: 's', protocol: 'smtp', options: { port: 587 } }],
      [
        { type: 'send', line: 'EHLO a' },
        { type: 'send', line: `AUTH PLAIN ${ir}` },
        { type: 'send', line: 'QUIT' },
      ],
    )
    const auth = steps.find((s) => s.lines[0]?.startsWith('AUTH'))
    expect(auth && exposureOf(auth)).toMatchObject({ kind: 'base64', user: 'user1', password: 'password1' })
  })

  it('APOP: a digest, not the password', () => {
    const steps = run(
      [{ id: 's', protocol: 'pop3' }],
      [
        { type: 'apop', user: 'user1', password: 'password1' },
        { type: 'send', line: 'QUIT' },
      ],
    )
    const apop = steps.find((s) => s.lines[0]?.startsWith('APOP'))
    const e = apop && exposureOf(apop)
    expect(e?.kind).toBe('digest')
    expect(JSON.stringify(e)).not.toContain('password1')
  })

  it('under TLS only the record length', () => {
    const steps = run(
      [{ id: 's', protocol: 'pop3', options: { port: 995 } }],
      [
        { type: 'send', line: 'USER user1' },
        { type: 'send', line: 'PASS password1' },
        { type: 'send', line: 'QUIT' },
      ],
    )
    const pass = steps.find((s) => s.lines[0] === 'PASS password1')
    expect(pass && exposureOf(pass)).toEqual({ kind: 'encrypted', octets: 5 + 'PASS password1\r\n'.length + 1 + 16 })
  })

  it('IMAP LOGIN with quoted strings', () => {
    const steps = run(
      [{ id: 's', protocol: 'imap' }],
      [
        { type: 'send', line: 'a1 LOGIN "user1" "password1"' },
        { type: 'send', line: 'a2 LOGOUT' },
      ],
    )
    const login = steps.find((s) => s.lines[0]?.startsWith('a1'))
    expect(login && exposureOf(login)).toEqual({ kind: 'password', user: 'user1', password: 'password1' })
  })
})
