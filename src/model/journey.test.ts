// The timeline around an SMTP session: routers that drop SYNs (OP25B), DNS on its own lifeline, relaying MTAs,
// DKIM signing and the receiver's SPF/DKIM/DMARC checks. Expectations come from the RFCs and the zones below.
import { describe, expect, it } from 'vitest'
import { dkimRecord, TEACHING_KEY_PEM } from './auth'
import { buildTimeline, type Action, type SessionSpec } from './session'
import type { Zone } from './dns'

const mail = [
  'From: Alice <alice@example.com>',
  'To: bob@example.net',
  'Subject: Hi',
  'Date: Mon, 01 Jan 2024 19:00:00 +0900',
  'Message-ID: <t1@example.com>',
  '',
  'Hello.',
]

const zone = (spf: string): Zone => ({
  records: [
    { name: 'example.net', type: 'MX', preference: 20, exchange: 'mx2.example.net' },
    { name: 'example.net', type: 'MX', preference: 10, exchange: 'mx1.example.net' },
    { name: 'mx1.example.net', type: 'A', address: '198.51.100.25' },
    { name: 'mx2.example.net', type: 'A', address: '198.51.100.26' },
    { name: 'example.com', type: 'TXT', text: spf },
    { name: 'sel._domainkey.example.com', type: 'TXT', text: dkimRecord(TEACHING_KEY_PEM) },
    { name: '_dmarc.example.com', type: 'TXT', text: 'v=DMARC1; p=reject' },
  ],
})

/** An MTA at 192.0.2.25 sending to mx1, which checks SPF, DKIM and DMARC. */
const relay = (spf: string, body: Action, extra: Partial<SessionSpec> = {}): SessionSpec => ({
  seed: 't',
  client: { id: 'mta', host: 'mail.example.com', ip: '192.0.2.25', kind: 'mta' },
  servers: [{ id: 'mx', protocol: 'smtp', checks: true, options: { hostname: 'mx1.example.net', domains: ['example.net'], users: { bob: 'x' } } }],
  dns: { zone: zone(spf) },
  actions: [
    { type: 'send', line: 'EHLO mail.example.com' },
    { type: 'send', line: 'MAIL FROM:<alice@example.com>' },
    { type: 'send', line: 'RCPT TO:<bob@example.net>' },
    { type: 'send', line: 'DATA' },
    body,
    { type: 'send', line: 'QUIT' },
  ],
  ...extra,
})

describe('OP25B: a router drops SYNs to port 25 outside', () => {
  const tl = buildTimeline({
    seed: 'op',
    client: { id: 'pc', ip: '203.0.113.45' },
    servers: [{ id: 'out', protocol: 'smtp', options: { port: 25 } }],
    routers: [{ id: 'edge', block: { from: ['pc'], port: 25, inside: [] } }],
    actions: [{ type: 'connect', from: 'pc', to: 'out' }],
  })
  it('only SYNs, each ending at the router, none at the server, no SYN-ACK', () => {
    expect(tl.steps.length).toBeGreaterThan(1)
    for (const s of tl.steps) {
      expect(s.dropped).toBe(true)
      expect([s.from, s.to]).toEqual(['pc', 'edge'])
      expect(s.tcp?.flags).toEqual(['SYN'])
      expect(s.tcp?.dstPort).toBe(25)
    }
    expect(tl.actors.find((a) => a.id === 'edge')?.role).toBe('router')
  })
  it('retransmits with the timeout doubling from 1 s (RFC 6298 §2.1, §5.5)', () => {
    const gaps = tl.steps.slice(1).map((s, i) => s.time - (tl.steps[i]?.time ?? 0))
    expect(gaps[0]).toBe(1)
    gaps.slice(1).forEach((g, i) => expect(g).toBe(2 * (gaps[i] ?? 0)))
  })
  it('lets the same client reach port 587 and lets an inside server reach port 25', () => {
    const ok = buildTimeline({
      seed: 'op',
      clients: [{ id: 'pc' }, { id: 'msa' }],
      servers: [
        { id: 'msa', protocol: 'smtp', options: { port: 587 } },
        { id: 'out', protocol: 'smtp', options: { port: 25 } },
      ],
      routers: [{ id: 'edge', block: { from: ['pc'], port: 25, inside: [] } }],
      actions: [
        { type: 'send', from: 'pc', to: 'msa', line: 'QUIT' },
        { type: 'send', from: 'msa', to: 'out', line: 'QUIT' },
      ],
    })
    expect(ok.steps.some((s) => s.dropped)).toBe(false)
    expect(ok.steps.filter((s) => s.tcp?.flags.join() === 'SYN,ACK')).toHaveLength(2)
  })
})

describe('DNS on its own lifeline (RFC 1035, RFC 5321 §5.1)', () => {
  const tl = buildTimeline({
    seed: 'd',
    client: { id: 'mta' },
    servers: [{ id: 'mx', protocol: 'smtp' }],
    dns: { zone: zone('v=spf1 -all') },
    actions: [{ type: 'resolve', from: 'mta', domain: 'example.net' }],
  })
  const dns = tl.steps.filter((s) => s.layer === 'dns')
  it('asks MX first, then addresses, each a query and a response over UDP 53', () => {
    expect(dns.length).toBeGreaterThanOrEqual(4)
    expect(dns[0]?.lines[0]).toMatch(/^MX\? example\.net/)
    dns.forEach((s, i) => {
      const query = i % 2 === 0
      expect(s.kind).toMatchObject({ layer: 'dns', key: query ? 'query' : 'response' })
      expect(query ? s.udp?.dstPort : s.udp?.srcPort).toBe(53)
      expect([s.from, s.to]).toEqual(query ? ['mta', 'dns'] : ['dns', 'mta'])
    })
  })
  it('answers in the zone order, and the MTA goes on with the lowest preference first', () => {
    expect(dns[1]?.lines).toHaveLength(2)
    expect(dns[2]?.lines[0]).toMatch(/^A\? mx1\.example\.net/)
  })
  it('carries real DNS messages: same id, QR set on the response, one question (RFC 1035 §4.1.1)', () => {
    const octets = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
    const q = octets(dns[0]?.bytes ?? '')
    const r = octets(dns[1]?.bytes ?? '')
    expect(q.length).toBe(dns[0]?.udp?.len)
    expect((q[0] ?? 0) * 256 + (q[1] ?? 0)).toBe((r[0] ?? 0) * 256 + (r[1] ?? 0))
    expect((q[2] ?? 0) & 0x80).toBe(0)
    expect((r[2] ?? 0) & 0x80).toBe(0x80)
    expect((q[4] ?? 0) * 256 + (q[5] ?? 0)).toBe(1)
    expect((r[6] ?? 0) * 256 + (r[7] ?? 0)).toBe(2) // two MX answers
  })
})

describe('the receiver checks SPF, DKIM and DMARC before it answers the dot', () => {
  const signed: Action = { type: 'body', lines: mail, dkim: { domain: 'example.com', selector: 'sel' } }
  it('all pass: Authentication-Results on the delivered mail, the checks between the dot and the 250', () => {
    const tl = buildTimeline(relay('v=spf1 ip4:192.0.2.25 -all', signed))
    expect(tl.problems).toEqual([])
    const content = tl.delivered[0]?.message.stored ?? ''
    expect(content).toMatch(/^Return-Path: <alice@example\.com>\r\nAuthentication-Results: mx1\.example\.net;/)
    expect(content).toMatch(/spf=pass/)
    expect(content).toMatch(/dkim=pass header\.d=example\.com/)
    expect(content).toMatch(/dmarc=pass header\.from=example\.com/)
    const dot = tl.steps.findIndex((s) => s.lines[0] === '.')
    const ok = tl.steps.findIndex((s, i) => i > dot && s.lines[0]?.startsWith('250 '))
    const between = tl.steps.slice(dot + 1, ok)
    expect(between.length).toBeGreaterThan(0)
    expect(between.every((s) => s.layer === 'dns')).toBe(true)
    expect(between.filter((s) => s.verdict).map((s) => s.verdict?.check)).toEqual(['spf', 'dkim', 'dmarc'])
  })
  it('DMARC passes on an aligned DKIM pass alone (RFC 7489 §4.2): SPF fail is not enough to refuse', () => {
    const tl = buildTimeline(relay('v=spf1 ip4:192.0.2.99 -all', signed))
    const verdicts = tl.steps.flatMap((s) => (s.verdict ? [`${s.verdict.check}=${s.verdict.result}`] : []))
    expect(verdicts).toEqual(['spf=fail', 'dkim=pass', 'dmarc=pass'])
    expect(tl.delivered).toHaveLength(1)
  })
  it('no signature and SPF fail: DMARC fails and the mail is refused', () => {
    const tl = buildTimeline(relay('v=spf1 ip4:192.0.2.99 -all', { type: 'body', lines: mail }))
    expect(tl.delivered).toHaveLength(0)
    expect(tl.steps.some((s) => /^550 5\.7\.1 /.test(s.lines[0] ?? ''))).toBe(true)
  })
})

describe('relaying MTAs', () => {
  const spec: SessionSpec = {
    seed: 'r',
    clients: [{ id: 'pc', ip: '192.0.2.10' }, { id: 'gw' }],
    servers: [
      { id: 'gw', protocol: 'smtp', ip: '192.0.2.25', mynetworks: ['pc'], options: { hostname: 'gw.example.com', domains: ['example.com'] } },
      { id: 'mx', protocol: 'smtp', checks: true, options: { hostname: 'mx1.example.net', domains: ['example.net'], users: { bob: 'x' } } },
    ],
    dns: { zone: zone('v=spf1 ip4:192.0.2.25 -all') },
    actions: [
      { from: 'pc', to: 'gw', type: 'send', line: 'HELO pc' },
      { from: 'pc', to: 'gw', type: 'send', line: 'MAIL FROM:<alice@example.com>' },
      { from: 'pc', to: 'gw', type: 'send', line: 'RCPT TO:<bob@example.net>' },
      { from: 'pc', to: 'gw', type: 'send', line: 'DATA' },
      { from: 'pc', to: 'gw', type: 'body', lines: mail },
      { from: 'pc', to: 'gw', type: 'send', line: 'QUIT' },
      { from: 'gw', to: 'mx', type: 'send', line: 'EHLO gw.example.com' },
      { from: 'gw', to: 'mx', type: 'send', line: 'MAIL FROM:<alice@example.com>' },
      { from: 'gw', to: 'mx', type: 'send', line: 'RCPT TO:<bob@example.net>' },
      { from: 'gw', to: 'mx', type: 'send', line: 'DATA' },
      { from: 'gw', to: 'mx', type: 'forward', footer: ['-- sent via gw'] },
      { from: 'gw', to: 'mx', type: 'send', line: 'QUIT' },
    ],
  }
  const tl = buildTimeline(spec)
  it('the relaying server is one lifeline, client of the next hop from its own address', () => {
    expect(tl.problems).toEqual([])
    expect(tl.actors.filter((a) => a.id === 'gw')).toHaveLength(1)
    expect(tl.delivered.at(-1)?.message.content).toMatch(/Received: from gw\.example\.com \(gw\.example\.com \[192\.0\.2\.25\]\)/)
  })
  it('the relay trusts the client in mynetworks (RFC 5321 §3.6.2) and the next hop receives its Received: on top, no Return-Path from it (§4.4)', () => {
    const final = tl.delivered.at(-1)?.message.stored ?? ''
    const received = final.split('\r\n').filter((l) => l.startsWith('Received: '))
    expect(received).toHaveLength(2)
    expect(received[0]).toContain('from gw.example.com')
    expect(received[1]).toContain('from pc')
    expect(final.match(/^Return-Path:/gm)).toHaveLength(1)
    expect(final.trimEnd().endsWith('-- sent via gw')).toBe(true)
  })
  it('a footer added after signing breaks DKIM (body hash, RFC 6376 §3.7); an aligned SPF pass still passes DMARC', () => {
    const signing = buildTimeline({
      ...spec,
      servers: spec.servers.map((x) => (x.id === 'gw' ? { ...x, dkim: { domain: 'example.com', selector: 'sel' } } : x)),
    })
    const verdicts = signing.steps.flatMap((x) => (x.verdict ? [x.verdict] : []))
    expect(verdicts.map((v) => `${v.check}=${v.result}`)).toEqual(['spf=pass', 'dkim=fail', 'dmarc=pass'])
    expect(verdicts[1]?.detail).toMatch(/body hash/)
    expect(signing.delivered).toHaveLength(2)
  })
})
