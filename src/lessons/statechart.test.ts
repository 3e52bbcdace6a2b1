// The state chart is the engines' own table: every edge drawn is one the engine really takes (driven here
// through createServer), every node is a state the engine reports, and the chart's position on a lesson
// follows the server of the current step.
import { md5 } from 'js-md5'
import { describe, expect, it } from 'vitest'
import { createServer, toBase64, type Protocol, type ServerOptions } from '../model'
import { SCENARIOS } from '../scenarios'
import { compileById } from './compile'
import { chartPosition, commandsIn, stateChart, type ChartTransition } from './statechart'

const STAMP = '<1.2@mail.example.test>'
const PLAIN = toBase64('\0user1\0password1')

/** Client lines that take a fresh connection to each state, written from the RFCs (not read from the chart). */
const REACH: Record<Protocol, Record<string, readonly string[]>> = {
  smtp: {
    connected: [],
    greeted: ['EHLO pc.example.test'],
    mail: ['EHLO pc.example.test', 'MAIL FROM:<a@pc.example.test>'],
    rcpt: ['EHLO pc.example.test', 'MAIL FROM:<a@pc.example.test>', 'RCPT TO:<user1@example.test>'],
    data: ['EHLO pc.example.test', 'MAIL FROM:<a@pc.example.test>', 'RCPT TO:<user1@example.test>', 'DATA'],
    auth: ['EHLO pc.example.test', 'AUTH PLAIN'],
  },
  pop3: { authorization: [], transaction: ['USER user1', 'PASS password1'] },
  imap: { 'not-authenticated': [], authenticated: ['a LOGIN user1 password1'], selected: ['a LOGIN user1 password1', 'b SELECT INBOX'] },
}

/** The line that should take transition `t` (its command, with arguments that succeed or fail as its reply says). */
function lineFor(protocol: Protocol, t: ChartTransition): string {
  const smtp: Record<string, string> = {
    HELO: 'HELO pc.example.test',
    EHLO: 'EHLO pc.example.test',
    MAIL: 'MAIL FROM:<a@pc.example.test>',
    RCPT: 'RCPT TO:<user1@example.test>',
    DATA: 'DATA',
    '.': '.',
    RSET: 'RSET',
    QUIT: 'QUIT',
    STARTTLS: 'STARTTLS',
    AUTH: t.reply === '334' ? 'AUTH PLAIN' : `AUTH PLAIN ${PLAIN}`,
    'sasl-response': t.reply === '235' ? PLAIN : toBase64('\0user1\0wrong'),
  }
  const pop3: Record<string, string> = {
    PASS: 'PASS password1',
    APOP: `APOP user1 ${md5(`${STAMP}password1`)}`,
    AUTH: `AUTH PLAIN ${PLAIN}`,
    'sasl-response': PLAIN,
    QUIT: 'QUIT',
  }
  const imap: Record<string, string> = {
    LOGIN: 'x LOGIN user1 password1',
    AUTHENTICATE: `x AUTHENTICATE PLAIN ${PLAIN}`,
    'sasl-response': PLAIN,
    SELECT: t.reply === 'OK' ? 'x SELECT INBOX' : 'x SELECT Nowhere',
    EXAMINE: t.reply === 'OK' ? 'x EXAMINE INBOX' : 'x EXAMINE Nowhere',
    CLOSE: 'x CLOSE',
    UNSELECT: 'x UNSELECT',
    LOGOUT: 'x LOGOUT',
  }
  const line = { smtp, pop3, imap }[protocol][t.command]
  if (line === undefined) throw new Error(`no sample line for ${protocol} ${t.command}`)
  return line
}

/** Lines sent before the transition's own line (USER before PASS, the challenge before a SASL response). */
function setupFor(protocol: Protocol, t: ChartTransition): string[] {
  if (protocol === 'pop3' && t.command === 'PASS') return ['USER user1']
  if (protocol === 'pop3' && t.command === 'sasl-response') return ['AUTH PLAIN']
  if (protocol === 'imap' && t.command === 'sasl-response') return ['x AUTHENTICATE PLAIN']
  return []
}

const OPTIONS: Record<Protocol, ServerOptions> = { smtp: { port: 587 }, pop3: { apopTimestamp: STAMP }, imap: {} }
/** Port 587 offers AUTH but takes mail only after it (RFC 6409 §4.3): the envelope states are reached on 25. */
const optionsFor = (protocol: Protocol, t: ChartTransition): ServerOptions =>
  protocol === 'smtp' && !['AUTH', 'sasl-response'].includes(t.command) && t.from !== 'auth' ? { port: 25 } : OPTIONS[protocol]

/** The reply's status as the engine puts it: SMTP's code, POP3's +OK/-ERR/+, IMAP's tagged status. */
function statusOf(protocol: Protocol, lines: readonly string[]): string {
  if (protocol === 'imap') return lines.findLast((l) => l.startsWith('x '))?.split(' ')[1] ?? '(none)'
  const last = lines.at(-1) ?? ''
  return protocol === 'smtp' ? last.slice(0, 3) : (last.split(' ')[0] ?? '')
}

describe.each(['smtp', 'pop3', 'imap'] as const)('the %s state chart', (protocol) => {
  const chart = stateChart(protocol)

  it('has at least one edge per state that reads commands, and none drawn by hand (each from the table)', () => {
    expect(chart.transitions.length).toBeGreaterThan(0)
    for (const e of chart.edges) {
      expect(e.transitions.length, e.key).toBeGreaterThan(0)
      for (const id of e.transitions) expect(chart.transitions[id], e.key).toBeDefined()
    }
  })

  it.each(stateChart(protocol).transitions.map((t) => [`${t.from} --${t.command} ${t.reply}--> ${t.to}`, t] as const))('the engine takes %s', (_, t) => {
    const server = createServer(protocol, optionsFor(protocol, t))
    server.open()
    for (const line of [...(REACH[protocol][t.from] ?? ['(no way to reach the state)']), ...setupFor(protocol, t)]) server.receive(line)
    expect(server.state).toBe(t.from)
    const lines = server.receive(lineFor(protocol, t))
    expect(statusOf(protocol, lines), lines.join(' | ')).toBe(t.reply)
    expect(server.state).toBe(t.to)
  })

  it('names its nodes with the states the engine reports, the initial one first', () => {
    const server = createServer(protocol)
    server.open()
    expect(chart.initial).toBe(server.state)
    expect(chart.nodes[0]?.state).toBe(server.state)
    const reported = new Set<string>()
    for (const [state, lines] of Object.entries(REACH[protocol])) {
      const s = createServer(protocol, protocol === 'smtp' && state !== 'auth' ? { port: 25 } : OPTIONS[protocol])
      s.open()
      for (const l of lines) s.receive(l)
      expect(s.state).toBe(state)
      reported.add(s.state)
    }
    for (const state of reported) expect(chart.nodes.map((n) => n.state)).toContain(state)
  })

  it('lists the refusals a wrong-state command gets, with the protocol’s own code', () => {
    const refusal = { smtp: '503', pop3: '-ERR', imap: 'BAD' }[protocol]
    const state = { smtp: 'greeted', pop3: 'authorization', imap: 'not-authenticated' }[protocol]
    const rules = commandsIn(protocol, state)
    const refused = rules.filter((r) => !r.accepted)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.map((r) => r.code)).toContain(refusal)
    // And the engine agrees: the first refused command, sent in that state, gets that code.
    const first = refused.find((r) => r.code === refusal)
    const server = createServer(protocol)
    server.open()
    for (const l of REACH[protocol][state] ?? []) server.receive(l)
    const sample = { smtp: 'RCPT TO:<user1@example.test>', pop3: 'STAT', imap: 'x SELECT INBOX' }[protocol]
    expect(first?.command).toBeDefined()
    expect(rules.find((r) => r.command === sample.replace(/^x /, '').split(' ')[0])?.accepted).toBe(false)
    expect(statusOf(protocol, server.receive(sample))).toBe(refusal)
  })
})

describe('the smtp chart’s shape', () => {
  it('puts the initial state on top, the end state at the bottom, and QUIT as one arrow from any state', () => {
    const chart = stateChart('smtp')
    const rank = (s: string) => chart.nodes.find((n) => n.state === s)?.rank
    expect(rank('connected')).toBe(0)
    expect(rank('greeted')).toBe(1)
    expect(rank('closed')).toBe(Math.max(...chart.nodes.map((n) => n.rank)))
    const quit = chart.edges.filter((e) => e.to === 'closed')
    expect(quit).toHaveLength(1)
    expect(quit[0]).toMatchObject({ from: '*', anyFrom: true, label: 'QUIT 221' })
  })

  it('draws POP3’s QUIT from TRANSACTION through UPDATE (RFC 1939 §6)', () => {
    const chart = stateChart('pop3')
    expect(chart.edges.find((e) => e.from === 'transaction' && e.to === 'update')?.label).toBe('QUIT')
    expect(chart.edges.find((e) => e.from === 'update' && e.to === 'closed')?.label).toBe('+OK')
  })
})

describe('where a lesson stands on the chart', () => {
  const lesson = (id: string) => {
    const l = compileById(id)
    if (!l) throw new Error(id)
    return l.timeline
  }

  it('starts in the initial state before the greeting, and keeps the last state after the connection closed', () => {
    const t = lesson('smtp-basic')
    expect(chartPosition(t, 0)?.state).toBe('connected')
    expect(chartPosition(t, 1)?.state).toBe('connected') // SYN
    const end = chartPosition(t, t.steps.length)
    expect(end?.state).toBe('closed')
    expect(end?.transition).toMatchObject({ command: 'QUIT', reply: '221', to: 'closed' })
  })

  it('lights the TLS flag after STARTTLS and the handshake, and AUTH only after 235 (not after 535)', () => {
    const t = lesson('smtp-submission-auth')
    const at = (pred: (line: string) => boolean) => t.steps.findIndex((s) => s.layer === 'smtp' && s.from === 'server' && pred(s.lines.at(-1) ?? '')) + 1
    const s535 = at((l) => l.startsWith('535'))
    const s235 = at((l) => l.startsWith('235'))
    expect(s535).toBeGreaterThan(0)
    expect(s235).toBeGreaterThan(s535)
    expect(chartPosition(t, s535)).toMatchObject({ tls: true, authenticated: false, state: 'greeted' })
    expect(chartPosition(t, s235)).toMatchObject({ tls: true, authenticated: true, state: 'greeted' })
    expect(chartPosition(t, s235)?.transition).toMatchObject({ command: 'AUTH', to: 'greeted', reply: '235', sets: 'authenticated' })
    expect(chartPosition(t, 3)?.tls).toBe(false)
  })

  it('charts the server of the current step in a lesson with several servers', () => {
    const t = lesson('pop-before-smtp')
    const protocols = new Set<string>()
    for (let n = 1; n <= t.steps.length; n++) {
      const p = chartPosition(t, n)
      const step = t.steps[n - 1]
      expect(p, String(n)).not.toBeNull()
      if (!p || !step) continue
      expect([step.from, step.to], String(n)).toContain(p.server.id)
      protocols.add(p.protocol)
    }
    expect([...protocols].sort()).toEqual(['pop3', 'smtp'])
  })

  it('charts the server that listens on the connection, not the relaying MTA that is its client (mail-journey)', () => {
    const t = lesson('mail-journey')
    // The first line the sending MTA writes to the MX: the chart is the MX's, whose port is 25.
    const n = t.steps.findIndex((s) => s.layer === 'smtp' && t.actors.find((a) => a.id === s.from)?.role === 'server' && s.tcp?.from === 'client') + 1
    expect(n).toBeGreaterThan(0)
    const step = t.steps[n - 1]
    const p = chartPosition(t, n)
    expect(p?.server.id).toBe(step?.to)
    expect(p?.server.port).toBe(25)
  })

  it('stands on one of the chart’s own nodes at every step of every lesson (DNS steps keep the mail server before)', () => {
    for (const { id } of SCENARIOS) {
      const t = lesson(id)
      for (let n = 0; n <= t.steps.length; n++) {
        const p = chartPosition(t, n)
        expect(p, `${id} ${n}`).not.toBeNull()
        if (!p) continue
        expect(
          stateChart(p.protocol).nodes.map((x) => x.state),
          `${id} ${n}`,
        ).toContain(p.state)
        const step = t.steps[n - 1]
        if (step && step.layer === p.protocol) expect(p.state, `${id} ${n}`).toBe(step.stateAfter)
      }
    }
  })
})
