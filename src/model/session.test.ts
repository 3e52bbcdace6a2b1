import { describe, expect, it } from 'vitest'
import { buildTimeline, segmentOf, type SessionSpec, type Step } from './session'
import { parseSmtpReply } from './testing/transcript'

const basic: SessionSpec = {
  seed: 't',
  servers: [{ id: 'server', protocol: 'smtp' }],
  actions: [
    { type: 'send', line: 'HELO pc1.example.test' },
    { type: 'send', line: 'MAIL FROM:<a@client.example.test>' },
    { type: 'send', line: 'RCPT TO:<user1@example.test>' },
    { type: 'send', line: 'DATA' },
    { type: 'body', lines: ['Subject: hi', '', '.hidden dot', 'bye'] },
    { type: 'send', line: 'QUIT' },
  ],
}

const label = (s: Step) =>
  s.layer === 'tcp'
    ? segmentOf(s)
        .flags.filter((f) => f !== 'PSH')
        .join(',')
    : (s.lines[0] ?? '').split(' ')[0]

describe('session timeline', () => {
  const tl = buildTimeline(basic)

  it("follows the article's sequence, with the real wire where the article simplifies", () => {
    // The article's list (section 2) plus what it leaves out: RCPT (not REPT), and the server's FIN first.
    expect(tl.steps.map((s) => `${s.from === 'client' ? 'C' : 'S'}:${label(s)}`)).toEqual([
      'C:SYN',
      'S:SYN,ACK',
      'C:ACK',
      'S:220',
      'C:HELO',
      'S:250',
      'C:MAIL',
      'S:250',
      'C:RCPT',
      'S:250',
      'C:DATA',
      'S:354',
      'C:Subject:',
      'C:.',
      'S:250',
      'C:QUIT',
      'S:221',
      'S:FIN,ACK',
      'C:ACK',
      'C:FIN,ACK',
      'S:ACK',
    ])
    expect(tl.problems).toEqual([])
  })

  it('carries the exact bytes, CRLF included, and dot-stuffs a body line that starts with "." (RFC 5321 §4.5.2)', () => {
    const helo = tl.steps.find((s) => s.lines[0]?.startsWith('HELO'))
    expect(helo?.bytes).toBe('HELO pc1.example.test\r\n')
    const body = tl.steps.find((s) => s.kind.key === 'body')
    expect(body?.bytes).toBe('Subject: hi\r\n\r\n..hidden dot\r\nbye\r\n')
    expect(tl.delivered[0]?.message.content.endsWith('Subject: hi\r\n\r\n.hidden dot\r\nbye\r\n')).toBe(true)
  })

  it("keeps TCP numbers consistent: each side's seq advances by its bytes, SYN and FIN take one (RFC 9293 §3.4)", () => {
    const next = { client: 0, server: 0 }
    for (const s of tl.steps) {
      const side = s.from === 'client' ? 'client' : 'server'
      const other = side === 'client' ? 'server' : 'client'
      expect(segmentOf(s).seq, `step ${s.index}`).toBe(next[side])
      if (segmentOf(s).flags.includes('ACK')) expect(segmentOf(s).ack, `step ${s.index}`).toBe(next[other])
      expect(segmentOf(s).len).toBe(s.bytes === '' ? 0 : new TextEncoder().encode(s.bytes).length)
      next[side] += segmentOf(s).len + (segmentOf(s).flags.includes('SYN') ? 1 : 0) + (segmentOf(s).flags.includes('FIN') ? 1 : 0)
    }
    expect(segmentOf(tl.steps[0] as Step).dstPort).toBe(25)
    const port = segmentOf(tl.steps[0] as Step).srcPort ?? 0
    expect(port).toBeGreaterThanOrEqual(49152) // ephemeral range, RFC 6335 §6
    expect(port).toBeLessThanOrEqual(65535)
  })

  it('colours each server step by the class of its reply code (RFC 5321 §4.2.1)', () => {
    for (const s of tl.steps.filter((x) => x.from !== 'client' && x.layer === 'smtp')) {
      const code = Number(parseSmtpReply(s.lines[s.lines.length - 1] ?? '').code)
      const want = code >= 500 ? 'permanent' : code >= 400 ? 'transient' : code >= 300 ? 'intermediate' : 'positive'
      expect(s.replies?.[s.replies.length - 1]?.cls).toBe(want)
    }
  })

  it("starts TLS after STARTTLS's 220 and carries later lines in records (RFC 3207, RFC 8446 §5.2)", () => {
    const t = buildTimeline({
      seed: 'x',
      servers: [{ id: 'server', protocol: 'smtp' }],
      actions: [
        { type: 'send', line: 'EHLO c.test' },
        { type: 'send', line: 'STARTTLS' },
        { type: 'send', line: 'EHLO c.test' },
        { type: 'send', line: 'QUIT' },
      ],
    })
    const i = t.steps.findIndex((s) => s.lines[0]?.startsWith('220 2.0.0'))
    expect(t.steps.slice(i + 1, i + 4).map((s) => s.layer)).toEqual(['tls', 'tls', 'tls'])
    const ehlo2 = t.steps[i + 4]
    expect(ehlo2?.lines[0]).toBe('EHLO c.test')
    expect(ehlo2?.tls?.recordOctets).toBe(5 + 'EHLO c.test\r\n'.length + 1 + 16)
    expect(t.steps[3]?.tls).toBeUndefined()
  })

  it('implicit TLS on 465: the handshake comes before the greeting (RFC 8314 §3.3)', () => {
    const t = buildTimeline({ seed: 'y', servers: [{ id: 'server', protocol: 'smtp', options: { port: 465 } }], actions: [{ type: 'send', line: 'QUIT' }] })
    expect(t.steps.slice(0, 7).map((s) => s.layer)).toEqual(['tcp', 'tcp', 'tcp', 'tls', 'tls', 'tls', 'smtp'])
  })

  it("a client close without QUIT sends the client's FIN first", () => {
    const t = buildTimeline({ seed: 'z', servers: [{ id: 'server', protocol: 'smtp' }], actions: [{ type: 'close' }] })
    expect(t.steps.slice(-4).map((s) => `${s.from}:${segmentOf(s).flags.join(',')}`)).toEqual(['client:FIN,ACK', 'server:ACK', 'server:FIN,ACK', 'client:ACK'])
  })

  it('reports a line sent after the server closed, instead of drawing it', () => {
    const t = buildTimeline({
      seed: 'z',
      servers: [{ id: 'server', protocol: 'smtp' }],
      actions: [
        { type: 'send', line: 'QUIT' },
        { type: 'send', line: 'NOOP' },
      ],
    })
    expect(t.problems).toHaveLength(1)
  })
})
