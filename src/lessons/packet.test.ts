// The packet under each step, checked by arithmetic the RFCs give, done here on the octets: every checksum is
// verified by summing the header again (a correct header sums to 0xFFFF, RFC 1071 §1), every field is read
// back from its octets, and the fields of each header cover it bit for bit.
import { describe, expect, it } from 'vitest'
import type { Actor, Step } from '../model'
import { SCENARIOS } from '../scenarios'
import { compileById, compileScenario } from './compile'
import { internetChecksum, packetOf, type Packet, type PacketHeader } from './packet'

/** The one's complement sum of 16-bit words (RFC 1071 §1), folded, written again here for the test. */
function onesSum(octets: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < octets.length; i += 2) sum += ((octets[i] ?? 0) << 8) + (i + 1 < octets.length ? (octets[i + 1] ?? 0) : 0)
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000)
  return sum
}
const u16 = (a: Uint8Array, at: number) => (a[at] ?? 0) * 256 + (a[at + 1] ?? 0)
const u32 = (a: Uint8Array, at: number) => u16(a, at) * 65536 + u16(a, at + 2)
const ip4 = (text: string) => text.split('.').map(Number)

function lesson(id: string) {
  const l = compileById(id)
  if (!l) throw new Error(`no lesson ${id}`)
  return l
}
function packet(steps: readonly Step[], i: number, actors: readonly Actor[]): Packet {
  const p = packetOf(steps, i, actors)
  if (!p) throw new Error(`no packet for step ${i}`)
  return p
}
const field = (h: PacketHeader, name: string) => h.fields.find((f) => f.name === name)

/** The pseudo-header (RFC 9293 §3.1 for IPv4, RFC 8200 §8.1 for IPv6), built from the IP header's own octets. */
function pseudoHeader(p: Packet): number[] {
  const o = p.octets
  const l4 = o.length - p.headers[1].offset
  if (p.ipVersion === 4) return [...o.slice(12, 20), 0, o[9] ?? 0, l4 >> 8, l4 & 0xff]
  return [...o.slice(8, 40), 0, 0, l4 >> 8, l4 & 0xff, 0, 0, 0, o[6] ?? 0]
}

describe('internetChecksum', () => {
  it('gives the RFC 1071 §3 example: the sum of 0001 f203 f4f5 f6f7 is ddf2, so the checksum is 220d', () => {
    expect(internetChecksum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7])).toBe(0xffff - 0xddf2)
  })
  it('gives the checksum of a textbook IPv4 header (192.168.0.1 → 192.168.0.199, UDP, total length 115): b861', () => {
    const header = [0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7]
    expect(internetChecksum(header)).toBe(0xb861)
  })
  it('pads an odd octet with zero and spans chunks as one stream', () => {
    expect(internetChecksum([0x12, 0x34, 0x56])).toBe(0xffff - 0x6834)
    expect(internetChecksum([0x12], [0x34, 0x56])).toBe(0xffff - 0x1234 - 0x5600)
  })
})

describe('packetOf on every step of every lesson', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: checksums verify, fields read back from their octets and cover each header`, () => {
      const { timeline } = compileScenario(scenario)
      const { steps, actors } = timeline
      steps.forEach((step, i) => {
        const p = packetOf(steps, i, actors)
        if (!step.tcp && !step.udp) return expect(p).toBeNull()
        if (!p) throw new Error(`no packet for ${scenario.id} step ${i}`)
        const [ip, l4] = p.headers
        const o = p.octets
        // IP header: its own checksum (IPv4 only; IPv6 has none, RFC 8200 §3) and its length fields.
        if (p.ipVersion === 4) {
          expect(onesSum(o.slice(0, 20))).toBe(0xffff)
          expect(u16(o, 2)).toBe(o.length)
          expect(o[0]).toBe(0x45)
          expect(o[8]).toBe(64)
        } else expect(u16(o, 4)).toBe(o.length - 40)
        // TCP or UDP checksum over the pseudo-header and the whole segment.
        expect(onesSum([...pseudoHeader(p), ...o.slice(ip.length)])).toBe(0xffff)
        expect(ip.length + l4.length + p.payload.length).toBe(o.length)
        // Fields: bit ranges tile each header exactly, no gap and no overlap.
        for (const h of p.headers) {
          const bits = h.fields
            .map((f) => {
              const start = f.offset * 8 + (f.bits?.[0] ?? 0)
              return [start, start + (f.bits?.[1] ?? f.length * 8)] as const
            })
            .sort((a, b) => a[0] - b[0])
          let at = h.offset * 8
          for (const [s, e] of bits) {
            expect(s).toBe(at)
            at = e
          }
          expect(at).toBe((h.offset + h.length) * 8)
        }
        // Addresses and ports as the timeline has them.
        const from = actors.find((a) => a.id === step.from)
        expect(field(ip, 'ip.src')?.value).toBe(from?.ip)
        if (step.tcp) {
          expect(o[9]).toBe(6)
          expect(u16(o, ip.length)).toBe(step.tcp.srcPort)
          expect(u16(o, ip.length + 2)).toBe(step.tcp.dstPort)
          expect(((o[ip.length + 12] ?? 0) >> 4) * 4).toBe(l4.length)
          expect(field(l4, 'tcp.dstport')?.value).toBe(String(step.tcp.dstPort))
        }
        // Payload: the application's own octets in the clear, or TLS record headers and opaque ciphertext.
        if (step.tls) {
          expect([...o.slice(p.payload.offset, p.payload.offset + 3)]).toEqual([0x17, 0x03, 0x03])
          expect(u16(o, p.payload.offset + 3)).toBe(step.tls.recordOctets - 5)
          expect(p.payload.parts.map((x) => x.kind)).toEqual(['record', 'opaque'])
        } else if (step.layer !== 'tls' && step.tcp && step.bytes !== '') {
          expect(new TextDecoder().decode(o.slice(p.payload.offset))).toBe(step.bytes)
          expect(p.payload.length).toBe(step.tcp.len)
        }
        if (step.tcp) expect(p.payload.length).toBe(step.tcp.len)
      })
    })
  }
})

describe('the smtp-basic packets', () => {
  const { steps, actors } = lesson('smtp-basic').timeline
  const client = actors.find((a) => a.role === 'client') as Actor
  const server = actors.find((a) => a.role === 'server') as Actor

  it('SYN: client → server port 25, SYN alone, window 64240, options MSS 1460 and window scale 7 (RFC 9293 §3.7.1, RFC 7323 §2.2)', () => {
    const p = packet(steps, 0, actors)
    const o = p.octets
    expect([...o.slice(12, 16)]).toEqual(ip4(client.ip))
    expect([...o.slice(16, 20)]).toEqual(ip4(server.ip))
    expect(u16(o, 22)).toBe(25)
    expect(o[33]).toBe(0x02) // flags octet: SYN only
    expect(u32(o, 28)).toBe(0) // no ACK, so the acknowledgement number is zero
    expect(u16(o, 34)).toBe(64240)
    // Options read as kind-length-value (RFC 9293 §3.2) from octet 40 to the data offset.
    const end = 20 + ((o[32] ?? 0) >> 4) * 4
    const opts = new Map<number, number[]>()
    for (let i = 40; i < end;) {
      const kind = o[i] ?? 0
      if (kind === 1) {
        i++
        continue
      }
      const len = o[i + 1] ?? 0
      opts.set(kind, [...o.slice(i + 2, i + len)])
      i += len
    }
    expect(opts.get(2)).toEqual([0x05, 0xb4]) // MSS 1460
    expect(opts.get(3)).toEqual([7]) // window scale shift 7
    expect(opts.get(4)).toEqual([]) // SACK permitted
    const [, tcp] = p.headers
    expect(field(tcp, 'tcp.options.mss')?.value).toBe('1460')
    expect(field(tcp, 'tcp.flags')?.value).toBe('SYN')
  })

  it('absolute numbers are ISN + relative: SYN-ACK acknowledges SYN + 1, data advances by its length', () => {
    const seqOf = (i: number) => u32(packet(steps, i, actors).octets, 24)
    const ackOf = (i: number) => u32(packet(steps, i, actors).octets, 28)
    const synAck = steps.findIndex((s) => s.tcp?.flags.includes('SYN') && s.tcp.flags.includes('ACK'))
    expect(ackOf(synAck)).toBe((seqOf(0) + 1) % 2 ** 32)
    expect(ackOf(synAck + 1)).toBe((seqOf(synAck) + 1) % 2 ** 32)
    steps.forEach((s, i) => {
      if (!s.tcp || i === 0) return
      const firstOfSide = steps.findIndex((x) => x.tcp?.from === s.tcp?.from)
      expect((seqOf(i) - seqOf(firstOfSide) + 2 ** 32) % 2 ** 32).toBe(s.tcp.seq - (steps[firstOfSide]?.tcp?.seq ?? 0))
    })
    // The two sides choose different ISNs.
    expect(seqOf(synAck)).not.toBe(seqOf(0))
  })

  it('after the SYNs the window is the scaled value and there are no options; the IP identification counts up per sender', () => {
    const third = packet(steps, 2, actors)
    expect(third.headers[1].length).toBe(20)
    expect(u16(third.octets, 34)).toBe(502)
    const ids = steps.map((s, i) => (s.from === 'client' ? u16(packet(steps, i, actors).octets, 4) : null)).filter((x) => x !== null)
    ids.slice(1).forEach((id, k) => expect((id - (ids[k] ?? 0) + 65536) % 65536).toBe(1))
    expect(u16(third.octets, 6)).toBe(0x4000) // DF
  })
})

describe('packets the lessons do not have yet', () => {
  const base: Step = {
    index: 0,
    from: 'client',
    to: 'dns',
    layer: 'dns',
    lines: ['MX example.test?'],
    bytes: '\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x04test\x00\x00\x0f\x00\x01',
    udp: { srcPort: 53000, dstPort: 53, len: 30 },
    kind: { layer: 'dns', key: 'query', rrtype: 'MX', purpose: 'mx' },
    rfc: 'RFC 1035 §4.1',
    stateBefore: '',
    stateAfter: '',
    time: 0,
  }
  const actors: Actor[] = [
    { id: 'client', role: 'client', host: 'c', ip: '192.0.2.10' },
    { id: 'dns', role: 'dns', host: 'ns', ip: '192.0.2.53', port: 53 },
    { id: 'router', role: 'router', host: 'r', ip: '192.0.2.1' },
    { id: 'mx', role: 'server', host: 'mx', ip: '203.0.113.25', port: 25 },
  ]

  it('a DNS query in UDP: protocol 17, length 8 + payload, the message octets as they are, checksum verifies (RFC 768)', () => {
    const p = packet([base], 0, actors)
    const o = p.octets
    expect(o[9]).toBe(17)
    expect(u16(o, 24)).toBe(8 + 30)
    expect(u16(o, 22)).toBe(53)
    expect([...o.slice(28)]).toEqual([...base.bytes].map((c) => c.charCodeAt(0)))
    expect(onesSum([...pseudoHeader(p), ...o.slice(20)])).toBe(0xffff)
    expect(p.headers[1].fields.map((f) => f.name)).toEqual(['udp.srcport', 'udp.dstport', 'udp.length', 'udp.checksum'])
  })

  it('over IPv6 (RFC 8200 §3): version 6, next header 17, hop limit 64, the addresses, the checksum over the IPv6 pseudo-header', () => {
    const v6: Actor[] = [
      { id: 'client', role: 'client', host: 'c', ip: '2001:db8::10' },
      { id: 'dns', role: 'dns', host: 'ns', ip: '2001:db8:0:1::53' },
    ]
    const p = packet([base], 0, v6)
    const o = p.octets
    expect((o[0] ?? 0) >> 4).toBe(6)
    expect(o[6]).toBe(17)
    expect(o[7]).toBe(64)
    expect([...o.slice(8, 24)]).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10])
    expect([...o.slice(24, 40)]).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x53])
    expect(p.headers[0].fields.find((f) => f.name === 'ip.dst')?.value).toBe('2001:db8:0:1::53')
    expect(onesSum([...pseudoHeader(p), ...o.slice(40)])).toBe(0xffff)
  })

  it('a segment a router dropped is addressed to the server it was meant for, not to the router', () => {
    const syn: Step = {
      ...base,
      to: 'router',
      layer: 'tcp',
      lines: [],
      bytes: '',
      udp: undefined,
      tcp: { from: 'client', flags: ['SYN'], srcPort: 50000, dstPort: 25, seq: 0, ack: 0, len: 0 },
      dropped: true,
      kind: { layer: 'tcp', key: 'syn' },
    }
    const p = packet([syn], 0, actors)
    expect([...p.octets.slice(16, 20)]).toEqual([203, 0, 113, 25])
  })

  it('an address no parser reads gives no packet, never a throw', () => {
    for (const ip of ['999.1.1.1', 'mail', '1::2::3', '']) {
      expect(packetOf([base], 0, [{ ...(actors[0] as Actor), ip }, actors[1] as Actor])).toBeNull()
    }
    expect(packetOf([base], 5, actors)).toBeNull()
  })

  it('a payload too large for one IP packet is cut at 65,535 octets and says how much was left out', () => {
    const big = 'x'.repeat(70_000)
    const step: Step = {
      ...base,
      layer: 'smtp',
      to: 'mx',
      udp: undefined,
      bytes: big,
      tcp: { from: 'client', flags: ['PSH', 'ACK'], srcPort: 50000, dstPort: 25, seq: 1, ack: 1, len: 70_000 },
    }
    const p = packet([step], 0, actors)
    expect(p.octets.length).toBe(65535)
    expect(u16(p.octets, 2)).toBe(65535)
    expect(p.cut).toBe(70_000 - (65535 - 40))
    expect(onesSum(p.octets.slice(0, 20))).toBe(0xffff)
  })
})
