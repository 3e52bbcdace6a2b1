// TCP reassembly and the mail layer over it, on conversations built from bytes (./testing.ts): each test
// changes a well-behaved conversation the way a real capture can differ (order, copies, holes, snaplen, no SYN)
// and states what the learner must see.

import { describe, expect, test } from 'vitest'
import type { Chunk, ImportedConnection } from '../types'
import { readCapture } from './index'
import { ACK, ascii, dialogue, ethernet, FIN, frames, ipv4, pcap, PSH, RST, SYN, tcp, type Dialogue, type Packet, type Seg } from './testing'

const connections = (segs: readonly Seg[], o: Parameters<typeof frames>[1] = {}) => readCapture(pcap(frames(segs, o))).connections
const only = (segs: readonly Seg[]) => {
  const cs = connections(segs)
  expect(cs).toHaveLength(1)
  return cs[0]!
}
const data = (c: ImportedConnection) => c.chunks.filter((k) => k.len !== 0)
const said = (c: ImportedConnection) => data(c).map((k) => `${k.from === 'client' ? 'C' : 'S'}: ${k.data}`)

const SMTP: Dialogue = {
  writes: [
    { from: 'server', data: '220 mx.example ESMTP\r\n' },
    { from: 'client', data: 'EHLO c.example\r\n' },
    { from: 'server', data: '250 mx.example\r\n' },
    { from: 'client', data: 'MAIL FROM:<a@c.example>\r\nRCPT TO:<b@mx.example>\r\n' },
    { from: 'server', data: '250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n' },
  ],
  close: true,
}
const SMTP_SAID = SMTP.writes.map((w) => `${w.from === 'client' ? 'C' : 'S'}: ${w.data}`)

describe('in order', () => {
  test('one chunk per write, control chunks for the handshake and close, Wireshark’s relative numbers', () => {
    const c = only(dialogue(SMTP))
    expect(said(c)).toEqual(SMTP_SAID)
    const brief = (k: Chunk) => [k.from, k.flags?.join('+'), k.seq, k.ack ?? null, k.len]
    expect(c.chunks.map(brief)).toEqual([
      ['client', 'SYN', 0, null, 0],
      ['server', 'SYN+ACK', 0, 1, 0],
      ['client', 'ACK', 1, 1, 0],
      ['server', 'ACK+PSH', 1, 1, 22],
      ['client', 'ACK+PSH', 1, 23, 16],
      ['server', 'ACK+PSH', 23, 17, 16],
      ['client', 'ACK+PSH', 17, 39, 49],
      ['server', 'ACK+PSH', 39, 66, 28],
      ['server', 'ACK+FIN', 67, 66, 0],
      ['client', 'ACK+FIN', 66, 68, 0],
      ['server', 'ACK', 68, 67, 0],
    ])
    expect(c).toMatchObject({ protocol: 'smtp', client: { port: 50000 }, server: { port: 25 }, octets: 22 + 16 + 16 + 49 + 28 })
    expect(c.midstream).toBeUndefined()
    expect(c.chunks[3]!.time).toBeCloseTo(0.03, 6)
  })

  test('consecutive segments from one side are one write until the other side sends data', () => {
    const c = only(dialogue({ ...SMTP, mss: 7 }))
    expect(said(c)).toEqual(SMTP_SAID)
  })

  test('sequence numbers that wrap past 2^32 are followed', () => {
    const c = only(dialogue({ ...SMTP, isn: [0xfffffff0, 0xffffffff] }))
    expect(said(c)).toEqual(SMTP_SAID)
    expect(data(c)[1]!.seq).toBe(1)
  })
})

describe('reassembly', () => {
  const split = () => dialogue({ ...SMTP, mss: 10 })

  test('out-of-order segments are put back in sequence order', () => {
    const segs = split()
    // The client's MAIL/RCPT write is 5 segments (49 octets, mss 10): send them last-first.
    const first = segs.findIndex((s) => s.payload && String.fromCharCode(...s.payload).startsWith('MAIL'))
    expect(segs.slice(first, first + 6).map((s) => s.from)).toEqual(['client', 'client', 'client', 'client', 'client', 'server'])
    const reordered = [...segs.slice(0, first), ...segs.slice(first, first + 5).reverse(), ...segs.slice(first + 5)]
    const c = only(reordered)
    expect(said(c)).toEqual(SMTP_SAID)
    expect(c.overlapOctets).toBeUndefined()
    expect(c.chunks.some((k) => k.partial)).toBe(false)
  })

  test('a retransmission is dropped and counted', () => {
    const segs = dialogue(SMTP)
    const c = only([...segs.slice(0, 5), segs[4]!, ...segs.slice(5)])
    expect(said(c)).toEqual(SMTP_SAID)
    expect(c.overlapOctets).toBe(16)
  })

  test('overlapping copies with different octets: the first copy wins', () => {
    const segs = dialogue(SMTP)
    const ehlo = segs[4]!
    // A later copy of the same range with other octets, and one that overlaps it and runs past it.
    const liar = { ...ehlo, payload: ascii('EHLO x.invalid\r\n') }
    const longer = { ...ehlo, seq: ehlo.seq + 5, payload: ascii('Z'.repeat(11)) }
    const c = only([...segs.slice(0, 5), liar, longer, ...segs.slice(5)])
    expect(said(c)).toEqual(SMTP_SAID)
    expect(c.overlapOctets).toBe(16 + 11)
  })

  test('overlapping out-of-order copies: the first copy of each octet wins there too', () => {
    const segs = dialogue({ ...SMTP, mss: 4 })
    const i = segs.findIndex((s) => s.payload && String.fromCharCode(...s.payload) === 'EHLO')
    const [e1, e2, e3] = [segs[i]!, segs[i + 1]!, segs[i + 2]!]
    // e3 arrives first, then a bogus copy covering e2 and e3, then e1, then e2.
    const bogus = { ...e2, payload: ascii('!!!!????') }
    const c = only([...segs.slice(0, i), e3, bogus, e1, e2, ...segs.slice(i + 3)])
    // The bogus copy was first for e2's octets, e3's own copy first for its octets.
    expect(data(c)[1]!.data).toBe(`EHLO!!!!${'EHLO c.example\r\n'.slice(8, 12)}${'EHLO c.example\r\n'.slice(12)}`)
    expect(c.overlapOctets).toBe(4 + 4)
  })

  test('a segment far larger than the MTU (TSO: the capture saw it before the NIC cut it) is one write', () => {
    const body = `${'A'.repeat(998)}\r\n`.repeat(60)
    const c = only(
      dialogue({
        writes: [
          { from: 'server', data: '220 mx\r\n' },
          { from: 'client', data: body },
        ],
      }),
    )
    expect(data(c)[1]).toMatchObject({ data: body, len: 60_000 })
  })
})

describe('a capture that starts mid-connection', () => {
  test('no SYN: the side on the mail port is the server, the first octet seen is relative 1, midstream is set', () => {
    const segs = dialogue(SMTP).slice(5) // from the server's 250 to EHLO
    const c = only(segs)
    expect(c).toMatchObject({ midstream: true, protocol: 'smtp', client: { port: 50000 }, server: { port: 25 } })
    expect(said(c)).toEqual(SMTP_SAID.slice(2))
    expect(data(c).map((k) => k.seq)).toEqual([1, 1, 17])
    expect(c.chunks[0]!.flags).not.toContain('SYN')
  })

  test('no SYN, no mail port: the side that greets with +OK is the server (the other spoke second)', () => {
    const segs = dialogue({
      client: ['', 1100],
      server: ['', 40000],
      handshake: false,
      writes: [
        { from: 'server', data: '+OK hi\r\n' },
        { from: 'client', data: 'QUIT\r\n' },
      ],
    })
    const c = only(segs)
    expect(c).toMatchObject({ midstream: true, protocol: 'pop3', server: { port: 40000 }, client: { port: 1100 } })
  })

  test('no SYN, no mail port, no greeting: not mail, and the lower port is taken as the server', () => {
    const segs = dialogue({ client: ['', 51000], server: ['', 8080], handshake: false, writes: [{ from: 'client', data: 'GET / HTTP/1.1\r\n\r\n' }] })
    const c = only(segs)
    expect(c).toMatchObject({ midstream: true, protocol: 'unknown', server: { port: 8080 } })
    expect(c.note).toMatch(/^Not mail/)
  })
})

describe('missing octets are marked, never guessed', () => {
  test('a segment the capture lost, acknowledged by the peer: the write is partial, with where and how much', () => {
    const segs = dialogue({ ...SMTP, mss: 10 })
    const lost = segs.findIndex((s) => s.payload && String.fromCharCode(...s.payload) === 'TO:<b@mx.e')
    expect(lost).toBeGreaterThan(0)
    const c = only(segs.filter((_, i) => i !== lost))
    const w = data(c)[3]!
    expect(w).toMatchObject({ from: 'client', partial: true, missing: [[30, 10]], len: 49 })
    expect(w.data).toBe('MAIL FROM:<a@c.example>\r\nRCPT xample>\r\n')
    // The rest of the session is whole.
    expect(said(c).slice(4)).toEqual(SMTP_SAID.slice(4))
  })

  test('a hole nobody acknowledges before the capture ends: the data after it is still shown, marked', () => {
    const segs = dialogue({
      writes: [
        { from: 'server', data: '220 mx\r\n' },
        { from: 'client', data: 'HELO a\r\nNOOP\r\n' },
      ],
      mss: 8,
    })
    const c = only(segs.filter((s) => !(s.payload && String.fromCharCode(...s.payload) === 'HELO a\r\n')))
    expect(data(c)[1]).toMatchObject({ data: 'NOOP\r\n', partial: true, missing: [[0, 8]] })
  })

  test('a packet cut by the snaplen: the captured part is shown, the rest marked missing', () => {
    const segs = dialogue(SMTP)
    const pkts: Packet[] = frames(segs).map((p, i) => (i === 4 ? { ...p, frame: p.frame.subarray(0, p.frame.length - 6), origLen: p.frame.length } : p))
    const c = readCapture(pcap(pkts)).connections[0]!
    expect(data(c)[1]).toMatchObject({ data: 'EHLO c.exa', partial: true, missing: [[10, 6]], len: 16 })
    expect(said(c).slice(2)).toEqual(SMTP_SAID.slice(2))
  })
})

describe('which connections are mail', () => {
  test.each([
    ['SMTP on 2525, by its 220 greeting', 2525, '220 mx ESMTP\r\n', 'smtp'],
    ['POP3 on 1110, by +OK', 1110, '+OK ready\r\n', 'pop3'],
    ['IMAP on 1143, by * OK', 1143, '* OK ready\r\n', 'imap'],
    ['IMAP greeting PREAUTH', 1143, '* PREAUTH logged in\r\n', 'imap'],
  ])('%s', (_, port, greeting, protocol) => {
    const c = only(dialogue({ server: ['', port], writes: [{ from: 'server', data: greeting }] }))
    expect(c.protocol).toBe(protocol)
    expect(c.note).toBeUndefined()
  })

  test('HTTP is listed as not mail, with its size but without its data', () => {
    const segs = dialogue({
      server: ['', 80],
      writes: [
        { from: 'client', data: 'GET / HTTP/1.1\r\nHost: x\r\n\r\n' },
        { from: 'server', data: 'HTTP/1.1 200 OK\r\n\r\n' },
      ],
      close: true,
    })
    const c = only(segs)
    expect(c).toMatchObject({ protocol: 'unknown', octets: 27 + 19, server: { port: 80 } })
    expect(c.note).toMatch(/^Not mail: .*spoke first/)
    expect(c.noteJa).toMatch(/^メールではありません/)
    expect(data(c)).toEqual([])
    expect(c.chunks.map((k) => k.flags?.join('+'))).toEqual(['SYN', 'SYN+ACK', 'ACK', 'ACK+FIN', 'ACK+FIN', 'ACK'])
  })

  test('FTP also greets with 220: port 21 is not mail', () => {
    const c = only(dialogue({ server: ['', 21], writes: [{ from: 'server', data: '220 ProFTPD ready\r\n' }] }))
    expect(c).toMatchObject({ protocol: 'unknown', note: expect.stringMatching(/FTP/) })
  })

  test('port 25 whose server does not greet like SMTP is not mail (and says why)', () => {
    const c = only(dialogue({ writes: [{ from: 'server', data: 'SSH-2.0-OpenSSH_9.2\r\n' }] }))
    expect(c).toMatchObject({ protocol: 'unknown', note: expect.stringMatching(/port 25, .*SMTP greeting/) })
  })

  test('several connections, mail and not, in capture order; the next connection on the same ports after a close is a new one', () => {
    const a = dialogue({ ...SMTP, isn: [100, 200] })
    const b = dialogue({ server: ['', 443], client: ['', 50001], writes: [{ from: 'client', data: '\x16\x03\x01\x00\x00' }], close: true })
    const again = dialogue({ ...SMTP, isn: [9000, 9500] })
    const cs = connections([...a.slice(0, 4), ...b, ...a.slice(4), ...again])
    expect(cs.map((c) => [c.protocol, c.client.port, c.server.port])).toEqual([
      ['smtp', 50000, 25],
      ['unknown', 50001, 443],
      ['smtp', 50000, 25],
    ])
    expect(said(cs[2]!)).toEqual(SMTP_SAID)
  })

  test('a reset is a control chunk of its own', () => {
    const segs = dialogue({ writes: [{ from: 'server', data: '220 mx\r\n' }] })
    const rst: Seg = { from: 'client', sport: 50000, dport: 25, seq: segs.at(-1)!.ack, ack: 0, flags: RST }
    const c = only([...segs, rst])
    expect(c.chunks.at(-1)).toMatchObject({ from: 'client', flags: ['RST'], data: '', len: 0 })
  })
})

/** TLS records of the given body lengths, as octets in a latin1 string (type 23, version 3.3). */
const records = (...lens: number[]) => lens.map((n) => `\x17\x03\x03${String.fromCharCode(n >> 8, n & 255)}${'\x00'.repeat(n)}`).join('')

describe('TLS', () => {
  test('SMTP: after STARTTLS and its 220 (RFC 3207 §4), both sides are TLS records with their lengths', () => {
    const c = only(
      dialogue({
        writes: [
          { from: 'server', data: '220 mx\r\n' },
          { from: 'client', data: 'STARTTLS\r\n' },
          { from: 'server', data: '220 2.0.0 Ready to start TLS\r\n' },
          { from: 'client', data: records(512) },
          { from: 'server', data: records(90, 1000, 30) },
          { from: 'client', data: records(20) },
        ],
        mss: 100,
      }),
    )
    expect(said(c).slice(0, 3)).toEqual(['S: 220 mx\r\n', 'C: STARTTLS\r\n', 'S: 220 2.0.0 Ready to start TLS\r\n'])
    // Headers split across segments (mss 100) are read across them.
    expect(
      data(c)
        .slice(3)
        .map((k) => [k.from, k.data, k.tlsRecords]),
    ).toEqual([
      ['client', '', [517]],
      ['server', '', [95, 1005, 35]],
      ['client', '', [25]],
    ])
  })

  test('a refused STARTTLS (454) leaves the session in plaintext', () => {
    const c = only(
      dialogue({
        writes: [
          { from: 'server', data: '220 mx\r\n' },
          { from: 'client', data: 'STARTTLS\r\n' },
          { from: 'server', data: '454 4.7.0 TLS not available\r\n' },
          { from: 'client', data: 'QUIT\r\n' },
        ],
      }),
    )
    expect(said(c)).toEqual(['S: 220 mx\r\n', 'C: STARTTLS\r\n', 'S: 454 4.7.0 TLS not available\r\n', 'C: QUIT\r\n'])
  })

  test('POP3: +OK after STLS (RFC 2595 §4)', () => {
    const c = only(
      dialogue({
        server: ['', 110],
        writes: [
          { from: 'server', data: '+OK ready\r\n' },
          { from: 'client', data: 'STLS\r\n' },
          { from: 'server', data: '+OK begin TLS\r\n' },
          { from: 'client', data: records(300) },
        ],
      }),
    )
    expect(data(c).at(-1)).toMatchObject({ from: 'client', data: '', tlsRecords: [305] })
  })

  test('IMAP: the tagged OK after STARTTLS (RFC 9051 §6.2.1), untagged lines before it notwithstanding', () => {
    const c = only(
      dialogue({
        server: ['', 143],
        writes: [
          { from: 'server', data: '* OK ready\r\n' },
          { from: 'client', data: 'a1 STARTTLS\r\n' },
          { from: 'server', data: '* OK still plaintext\r\na1 OK Begin TLS negotiation now\r\n' },
          { from: 'client', data: records(200) },
          { from: 'server', data: records(100) },
        ],
      }),
    )
    expect(said(c).slice(0, 3)).toEqual(['S: * OK ready\r\n', 'C: a1 STARTTLS\r\n', 'S: * OK still plaintext\r\na1 OK Begin TLS negotiation now\r\n'])
    expect(
      data(c)
        .slice(3)
        .map((k) => k.tlsRecords),
    ).toEqual([[205], [105]])
  })

  test.each([
    [465, 'smtp'],
    [995, 'pop3'],
    [993, 'imap'],
  ])('port %i is TLS from the first octet (RFC 8314 §3.3)', (port, protocol) => {
    const c = only(
      dialogue({
        server: ['', port],
        writes: [
          { from: 'client', data: records(250) },
          { from: 'server', data: records(120, 40) },
        ],
      }),
    )
    expect(c.protocol).toBe(protocol)
    expect(data(c).map((k) => [k.from, k.data, k.tlsRecords])).toEqual([
      ['client', '', [255]],
      ['server', '', [125, 45]],
    ])
  })

  // Records of 35 octets in segments of 20: segment 3 (octets 40–59) lies inside the second record's body;
  // segment 4 (60–79) covers the third record's header (70–74).
  const tlsSegs = dialogue({
    server: ['', 993],
    writes: [
      { from: 'client', data: records(30, 30, 30) },
      { from: 'server', data: records(10) },
    ],
    mss: 20,
  })
  const clientSeg = (n: number) => tlsSegs.indexOf(tlsSegs.filter((s) => s.from === 'client' && s.payload)[n]!)

  test('a hole inside a TLS record: the lengths are still known, the chunk says partial', () => {
    const c = only(tlsSegs.filter((_, i) => i !== clientSeg(2)))
    expect(data(c)[0]).toMatchObject({ partial: true, tlsRecords: [35, 35, 35], len: 105 })
  })

  test('a hole over a TLS record header: the boundaries after it are lost, the chunk says partial', () => {
    const c = only(tlsSegs.filter((_, i) => i !== clientSeg(3)))
    expect(data(c)[0]).toMatchObject({ partial: true, tlsRecords: [35, 35] })
    // The other direction is not affected.
    expect(data(c)[1]).toMatchObject({ tlsRecords: [15] })
    expect(data(c)[1]!.partial).toBeUndefined()
  })
})

test('unfragmented TCP over IPv4 with a bad data offset is skipped, not misread', () => {
  const t = tcp({ sport: 25, dport: 50000, seq: 1, ack: 1, flags: ACK | PSH, payload: ascii('220 x\r\n') })
  t[12] = 0x20 // 8 octets: less than the 20-octet header
  const r = readCapture(pcap([{ frame: ethernet(ipv4('192.0.2.25', '192.0.2.10', t)) }]))
  expect(r).toMatchObject({ skipped: 1, connections: [] })
  expect(SYN | FIN).toBe(3)
})
