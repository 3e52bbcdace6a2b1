// Test the machine by its paths (after xstate's getShortestPaths): a breadth-first walk over probe lines
// proves every state is reachable and every command is answered, in every state, with an RFC-listed code.
import { describe, expect, it } from 'vitest'
import type { ServerOptions } from '../types'
import { smtpOpen, smtpStep, type SmtpCommand, type SmtpSession, type SmtpState } from './machine'
import { RFC_REPLY_CODES, SMTP_REPLIES } from './replies'
import { SMTP_COMMAND_STATES, SMTP_GUARDS, SMTP_SEQUENCE, smtpCommandsIn, smtpConditions } from './rules'

const PLAIN = 'AHVzZXIxAHBhc3N3b3JkMQ==' // base64("\0user1\0password1"), RFC 4616
const PROBES = [
  'HELO client.example.test',
  'EHLO client.example.test',
  'MAIL FROM:<alice@client.example.test>',
  'MAIL FROM:<>',
  'RCPT TO:<user1@example.test>',
  'RCPT TO:<nobody@example.test>',
  'RCPT TO:<bob@outside.example>',
  'DATA',
  'RSET',
  'NOOP',
  'QUIT',
  'VRFY user1',
  'EXPN sales',
  'HELP',
  'STARTTLS',
  `AUTH PLAIN ${PLAIN}`,
  'AUTH LOGIN',
  'AUTH PLAIN',
  'dXNlcjE=',
  'cGFzc3dvcmQx',
  '*',
  '.',
  'Subject: hi',
  'FROB',
  '',
  'MAIL FROM: <a@b.test>',
  'RCPT TO:bob@example.test',
]
/** One sample line per command, used to check "every command in every state". */
const SAMPLE: Record<SmtpCommand, string> = {
  HELO: 'HELO c.test',
  EHLO: 'EHLO c.test',
  MAIL: 'MAIL FROM:<a@c.test>',
  RCPT: 'RCPT TO:<user2@example.test>',
  DATA: 'DATA',
  RSET: 'RSET',
  NOOP: 'NOOP',
  QUIT: 'QUIT',
  VRFY: 'VRFY user2',
  EXPN: 'EXPN sales',
  HELP: 'HELP',
  STARTTLS: 'STARTTLS',
  AUTH: `AUTH PLAIN ${PLAIN}`,
}
const CONFIGS: ServerOptions[] = [{}, { trustedClient: true }, { port: 587, requireTls: true }, { port: 465 }, { port: 587, starttls: false }]

const key = (s: SmtpSession) =>
  JSON.stringify([
    s.opts.port,
    s.opts.requireTls,
    s.state,
    s.helo?.verb,
    s.secure,
    !!s.authUser,
    s.auth?.mech,
    Math.min(s.tx?.rcpts.length ?? -1, 2),
    s.tx?.rcptTried,
    s.errors > 0,
  ])

function allowed(state: SmtpState, line: string): readonly number[] {
  if (state === 'data') return line === '.' ? (RFC_REPLY_CODES.DOT ?? []) : []
  if (state === 'auth') return RFC_REPLY_CODES.AUTH ?? []
  const verb = (/^([A-Za-z]+)/.exec(line)?.[1] ?? '').toUpperCase()
  return [...(RFC_REPLY_CODES[verb] ?? []), ...(RFC_REPLY_CODES.ANY ?? [])]
}

function explore(): Map<string, SmtpSession> {
  const seen = new Map<string, SmtpSession>()
  const queue: SmtpSession[] = CONFIGS.map((c) => smtpOpen(c).session)
  while (queue.length > 0) {
    const s = queue.shift() as SmtpSession
    const k = key(s)
    if (seen.has(k)) continue
    seen.set(k, s)
    for (const line of PROBES) queue.push(smtpStep(s, line).session)
  }
  return seen
}

describe('SMTP state machine paths', () => {
  const states = explore()

  it('reaches every state of the machine', () => {
    const reached = new Set([...states.values()].map((s) => s.state))
    const all: SmtpState[] = ['connected', 'greeted', 'mail', 'rcpt', 'data', 'auth', 'closed']
    expect([...reached].sort()).toEqual([...all].sort())
  })

  it('answers every probe in every reachable state with a code RFC 5321 lists for it', () => {
    let checked = 0
    for (const s of states.values()) {
      for (const line of PROBES) {
        const { turn } = smtpStep(s, line)
        const codes = turn.replies.flatMap((r) => r.lines.map((l) => Number(l.slice(0, 3))))
        if (s.state === 'closed' || (s.state === 'data' && line !== '.')) {
          expect(codes, `${s.state}: ${line}`).toEqual([])
          continue
        }
        expect(codes.length, `${s.state}: ${line}`).toBeGreaterThan(0)
        for (const c of codes) expect(allowed(s.state, line), `${key(s)} ${JSON.stringify(line)} → ${c}`).toContain(c)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('every command gets an answer in every command state', () => {
    for (const s of states.values()) {
      if (s.state === 'closed' || s.state === 'data' || s.state === 'auth') continue
      for (const [cmd, line] of Object.entries(SAMPLE)) {
        const { turn } = smtpStep(s, line)
        expect(turn.replies.length, `${s.state} ${cmd}`).toBe(1)
        expect(allowed(s.state, line)).toContain(Number(turn.replies[0]?.status))
      }
    }
  })

  it('in every reachable session, each command is refused exactly when the rules table says, with its reply', () => {
    const sequenceReplies = new Set<string>([...Object.values(SMTP_SEQUENCE).flatMap((r) => Object.values(r)), ...SMTP_GUARDS.map((g) => g.reply)])
    let refused = 0
    for (const s of states.values()) {
      const rules = smtpCommandsIn(s.state, smtpConditions(s))
      if (s.state === 'closed' || s.state === 'data' || s.state === 'auth') {
        expect(rules, s.state).toEqual([])
        continue
      }
      for (const rule of rules) {
        const r = smtpStep(s, SAMPLE[rule.command]).turn.replies[0]
        const where = `${key(s)} ${rule.command}`
        if (rule.accepted) {
          expect(sequenceReplies.has(r?.id ?? '') && ['503', '530'].includes(r?.status ?? ''), where).toBe(false)
        } else {
          refused++
          expect([r?.id, Number(r?.status)], where).toEqual([rule.reply, rule.code])
        }
      }
    }
    expect(refused).toBeGreaterThan(100)
  })

  it('sequence errors are 503 with the reason, unknown 500, bad parameters 501', () => {
    const greeted = smtpStep(smtpOpen().session, 'EHLO c.test').session
    const text = (s: SmtpSession, l: string) => smtpStep(s, l).turn.replies[0]?.lines[0]
    expect(text(greeted, 'RCPT TO:<user1@example.test>')).toBe('503 5.5.1 Error: need MAIL command')
    expect(text(greeted, 'DATA')).toBe('503 5.5.1 Error: need RCPT command')
    const mail = smtpStep(greeted, 'MAIL FROM:<a@c.test>').session
    expect(text(mail, 'MAIL FROM:<a@c.test>')).toBe('503 5.5.1 Error: nested MAIL command')
    expect(text(greeted, 'FROB')).toMatch(/^500 /)
    expect(text(greeted, 'MAIL FROM:a@c.test')).toMatch(/^501 /)
    expect(text(smtpOpen().session, 'MAIL FROM:<a@c.test>')).toMatch(/^503 .*HELO/)
  })
})

describe('the SMTP rules table (rules.ts)', () => {
  it('covers every command in every command state, refusing only with codes RFC 5321 §4.3.2 lists for it', () => {
    for (const [cmd, row] of Object.entries(SMTP_SEQUENCE)) {
      expect(Object.keys(row).sort(), cmd).toEqual([...SMTP_COMMAND_STATES].sort())
      for (const cell of Object.values(row)) {
        if (cell === 'accept') continue
        expect([...(RFC_REPLY_CODES[cmd] ?? []), ...(RFC_REPLY_CODES.ANY ?? [])], `${cmd} ${cell}`).toContain(SMTP_REPLIES[cell].code)
      }
    }
    for (const g of SMTP_GUARDS) {
      for (const cmd of g.commands)
        expect([...(RFC_REPLY_CODES[cmd] ?? []), ...(RFC_REPLY_CODES.ANY ?? [])], `${cmd} ${g.when}`).toContain(SMTP_REPLIES[g.reply].code)
    }
  })

  it('RFC 5321 §4.1.4: RSET, NOOP, QUIT, HELO and EHLO are accepted in every command state', () => {
    for (const state of SMTP_COMMAND_STATES) {
      const accepted = smtpCommandsIn(state)
        .filter((r) => r.accepted)
        .map((r) => r.command)
      expect(accepted, state).toEqual(expect.arrayContaining(['RSET', 'NOOP', 'QUIT', 'HELO', 'EHLO']))
    }
  })

  it('the state panel view: after EHLO, MAIL is accepted and RCPT / DATA are out of sequence (503)', () => {
    const greeted = smtpCommandsIn('greeted')
    expect(greeted.find((r) => r.command === 'MAIL')).toEqual({ command: 'MAIL', accepted: true })
    expect(greeted.find((r) => r.command === 'RCPT')).toMatchObject({ accepted: false, reply: 'needMail', code: 503 })
    expect(greeted.find((r) => r.command === 'DATA')).toMatchObject({ accepted: false, reply: 'needRcpt', code: 503 })
    expect(greeted.find((r) => r.command === 'EXPN')).toMatchObject({ accepted: false, code: 502 })
    expect(
      smtpCommandsIn('rcpt')
        .filter((r) => !r.accepted)
        .map((r) => r.command)
        .sort(),
    ).toEqual(['AUTH', 'EXPN', 'MAIL', 'STARTTLS'])
  })

  it('RFC 3207 §4: while TLS is required, only NOOP, EHLO, STARTTLS and QUIT pass; the rest get 530', () => {
    const rules = smtpCommandsIn('connected', ['tls-required'])
    expect(
      rules
        .filter((r) => r.accepted)
        .map((r) => r.command)
        .sort(),
    ).toEqual(['EHLO', 'NOOP', 'QUIT', 'STARTTLS'])
    for (const r of rules.filter((x) => !x.accepted)) expect(r.code, r.command).toBe(530)
  })

  it('no commands are read while the message or a SASL exchange is arriving, nor after close', () => {
    for (const state of ['data', 'auth', 'closed'] as const) expect(smtpCommandsIn(state)).toEqual([])
  })
})
