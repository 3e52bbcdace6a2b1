// Link types (NULL, Ethernet with VLAN tags, raw IP and its aliases, Linux SLL and SLL2), IPv4 and IPv6:
// the same SMTP greeting framed each way must come out the same. Built from bytes (./testing.ts).

import { describe, expect, test } from 'vitest'
import { ipv6Text } from './decode'
import { readCapture } from './index'
import { ascii, concat, dialogue, ethernet, frames, ipv4, ipv6, nullLink, num, pcap, sll, sll2, tcp, type Bytes } from './testing'

const SEGS = dialogue({
  writes: [
    { from: 'server', data: '220 mx.example ESMTP\r\n' },
    { from: 'client', data: 'QUIT\r\n' },
    { from: 'server', data: '221 Bye\r\n' },
  ],
  close: true,
})
const LINES = ['220 mx.example ESMTP\r\n', 'QUIT\r\n', '221 Bye\r\n']

function read(link: number, framing: (ip: Bytes) => Bytes, v6 = false) {
  const r = readCapture(pcap(frames(SEGS, { v6, link: framing }), { link }))
  expect(r.skipped).toBe(0)
  expect(r.connections).toHaveLength(1)
  const c = r.connections[0]!
  return { c, lines: c.chunks.filter((k) => k.data).map((k) => k.data) }
}

describe('link types', () => {
  test.each<[string, number, (ip: Bytes) => Bytes, boolean]>([
    ['0 NULL, AF_INET (2) little-endian as x86 writes it', 0, (ip) => nullLink(ip, 2, true), false],
    ['0 NULL, AF_INET big-endian (a big-endian writer)', 0, (ip) => nullLink(ip, 2, false), false],
    ['0 NULL, AF_INET6 as BSD (24)', 0, (ip) => nullLink(ip, 24), true],
    ['0 NULL, AF_INET6 as FreeBSD (28)', 0, (ip) => nullLink(ip, 28), true],
    ['0 NULL, AF_INET6 as macOS (30)', 0, (ip) => nullLink(ip, 30), true],
    ['108 LOOP (OpenBSD: AF in network order)', 108, (ip) => nullLink(ip, 2, false), false],
    ['1 Ethernet, IPv4', 1, (ip) => ethernet(ip), false],
    ['1 Ethernet, IPv6', 1, (ip) => ethernet(ip), true],
    ['1 Ethernet, one 802.1Q tag', 1, (ip) => ethernet(ip, [0x8100]), false],
    ['1 Ethernet, QinQ (802.1ad outer, 802.1Q inner)', 1, (ip) => ethernet(ip, [0x88a8, 0x8100]), true],
    ['101 raw IPv4', 101, (ip) => ip, false],
    ['101 raw IPv6', 101, (ip) => ip, true],
    ['12 raw (the BSD DLT_RAW alias)', 12, (ip) => ip, false],
    ['14 raw (the other alias)', 14, (ip) => ip, true],
    ['228 IPv4', 228, (ip) => ip, false],
    ['229 IPv6', 229, (ip) => ip, true],
    ['113 Linux SLL', 113, sll, false],
    ['113 Linux SLL, IPv6', 113, sll, true],
    ['276 Linux SLL2', 276, sll2, false],
    ['276 Linux SLL2, IPv6', 276, sll2, true],
  ])('%s', (_, link, framing, v6) => {
    const { c, lines } = read(link, framing, v6)
    expect(lines).toEqual(LINES)
    expect(c.protocol).toBe('smtp')
    expect(c.server).toEqual(v6 ? { ip: '2001:db8::25', port: 25 } : { ip: '192.0.2.25', port: 25 })
  })

  test('an unknown link type: every packet skipped, nothing fatal', () => {
    const r = readCapture(pcap(frames(SEGS), { link: 147 }))
    expect(r).toMatchObject({ packets: SEGS.length, skipped: SEGS.length, connections: [] })
  })

  test('ARP, UDP, and a NULL frame of an unknown family are skipped; TCP beside them is read', () => {
    const arp = concat(new Uint8Array(12), num(false, [0x0806, 2]), new Uint8Array(28))
    const udp = ethernet(ipv4('192.0.2.1', '192.0.2.2', new Uint8Array(8), { protocol: 17 }))
    const f = frames(SEGS)
    const r = readCapture(pcap([{ frame: arp }, { frame: udp }, ...f]))
    expect(r.skipped).toBe(2)
    expect(r.packets).toBe(SEGS.length + 2)
    const n = readCapture(pcap([{ frame: nullLink(new Uint8Array(40), 7) }], { link: 0 }))
    expect(n.skipped).toBe(1)
  })
})

describe('IPv4', () => {
  const seg = (payload: string) => tcp({ sport: 25, dport: 50000, seq: 1, ack: 1, flags: 0x18, payload: ascii(payload) })

  test('Ethernet padding after a short IPv4 packet is not data (the total length ends the packet)', () => {
    const ip = ipv4('192.0.2.25', '192.0.2.10', seg('+OK\r\n'))
    const r = readCapture(pcap([{ frame: concat(ethernet(ip), new Uint8Array(12)) }]))
    expect(r.connections[0]!.chunks[0]!.data).toBe('+OK\r\n')
  })

  test('options (IHL 6) are stepped over', () => {
    const t = seg('+OK\r\n')
    const ip = ipv4('192.0.2.25', '192.0.2.10', concat(new Uint8Array(4), t), { totalLength: 24 + t.length })
    ip[0] = 0x46
    const r = readCapture(pcap([{ frame: ethernet(ip) }]))
    expect(r.connections[0]!.chunks[0]!.data).toBe('+OK\r\n')
  })

  test('fragments are counted as skipped (not reassembled)', () => {
    const r = readCapture(pcap([{ frame: ethernet(ipv4('192.0.2.25', '192.0.2.10', seg('+OK\r\n'), { fragment: true })) }]))
    expect(r).toMatchObject({ skipped: 1, connections: [] })
  })

  test('total length 0 (a TSO segment as Linux captures it): the frame’s length counts', () => {
    const big = `${'x'.repeat(9000)}\r\n`
    const ip = ipv4('192.0.2.25', '192.0.2.10', seg(big), { totalLength: 0 })
    const r = readCapture(pcap([{ frame: ethernet(ip) }]))
    expect(r.connections[0]!.chunks[0]!.data).toBe(big)
  })

  test('a header cut by the snaplen: skipped', () => {
    const frame = ethernet(ipv4('192.0.2.25', '192.0.2.10', seg('+OK\r\n')))
    const r = readCapture(pcap([{ frame: frame.subarray(0, 14 + 20 + 10), origLen: frame.length }]))
    expect(r.skipped).toBe(1)
  })
})

describe('IPv6', () => {
  test.each([
    ['hop-by-hop', [0]],
    ['routing', [43]],
    ['destination options', [60]],
    ['hop-by-hop, routing and destination options', [0, 43, 60]],
  ])('extension headers are stepped over: %s', (_, ext) => {
    const t = tcp({ sport: 110, dport: 50000, seq: 1, ack: 1, flags: 0x18, payload: ascii('+OK ready\r\n') })
    const r = readCapture(pcap([{ frame: ethernet(ipv6('2001:db8::110', '2001:db8::1', t, ext)) }]))
    expect(r.connections[0]).toMatchObject({ protocol: 'pop3', server: { ip: '2001:db8::110', port: 110 } })
    expect(r.connections[0]!.chunks[0]!.data).toBe('+OK ready\r\n')
  })

  test('a fragment header (44): skipped', () => {
    const t = tcp({ sport: 110, dport: 50000, seq: 1, ack: 1, flags: 0x18, payload: ascii('+OK\r\n') })
    const ip = ipv6('2001:db8::110', '2001:db8::1', t, [60])
    ip[6] = 44
    expect(readCapture(pcap([{ frame: ethernet(ip) }])).skipped).toBe(1)
  })

  test('addresses are written as RFC 5952 §4 says', () => {
    expect(ipv6Text([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1])).toBe('2001:db8::1')
    expect(ipv6Text([0x2001, 0xdb8, 0, 1, 0, 0, 0, 1])).toBe('2001:db8:0:1::1') // the longer run
    expect(ipv6Text([0x2001, 0, 0, 1, 0, 0, 1, 1])).toBe('2001::1:0:0:1:1') // a tie: the first
    expect(ipv6Text([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1])).toBe('2001:db8:0:1:1:1:1:1') // one zero word stays
    expect(ipv6Text([0, 0, 0, 0, 0, 0, 0, 1])).toBe('::1')
    expect(ipv6Text([0, 0, 0, 0, 0, 0, 0, 0])).toBe('::')
    expect(ipv6Text([0xfe80, 0, 0, 0, 0, 0, 0, 0])).toBe('fe80::')
  })
})
