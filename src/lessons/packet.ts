// The packet under a step: the IP header (RFC 791, or RFC 8200 for IPv6), the TCP header (RFC 9293 §3.1) or the
// UDP header (RFC 768), and the payload, as octets with every field's place in them. Pure: the packet view
// (ui/panels/PacketView.tsx) draws it, the tests check it against the RFCs' arithmetic.
// What a capture would show that the timeline does not hold is made up once and kept stable: the initial
// sequence numbers, the IP identification, the window after the handshake. Ciphertext is not computed: its
// octets are placeholders (zero here, marked `opaque`), and the checksums are those of the octets shown.
import type { Actor, Step } from '../model'

export interface HeaderField {
  /** Wireshark's display-filter name (`ip.src`, `tcp.flags`, ...; CONTRACT.md §7). */
  readonly name: string
  /** The value, language-neutral: `192.0.2.10`, `0x1c46`, `SYN, ACK`, `1460`. */
  readonly value: string
  /** The first octet of the field in the packet, and how many octets it touches. */
  readonly offset: number
  readonly length: number
  /** For fields that do not fill their octets: the first bit (0 = most significant of `offset`) and the width. */
  readonly bits?: readonly [start: number, width: number]
}

export interface PacketHeader {
  readonly kind: 'ip' | 'tcp' | 'udp'
  readonly offset: number
  readonly length: number
  readonly fields: readonly HeaderField[]
}

/** Part of the payload: `clear` octets are the real ones, `record` a TLS record header, `opaque` stands for ciphertext. */
export interface PayloadPart {
  readonly kind: 'clear' | 'record' | 'opaque'
  readonly offset: number
  readonly length: number
}

export interface Packet {
  readonly ipVersion: 4 | 6
  readonly octets: Uint8Array
  /** The IP header, then the TCP or UDP header. */
  readonly headers: readonly [PacketHeader, PacketHeader]
  readonly payload: { readonly offset: number; readonly length: number; readonly parts: readonly PayloadPart[] }
  /** Octets of the payload left out because an IP packet holds at most 65,535 octets. */
  readonly cut: number
}

/** Linux's defaults: the TTL of a fresh packet (`net.ipv4.ip_default_ttl`), the MSS of a 1500-octet Ethernet path. */
export const TTL = 64
export const MSS = 1460
/** The window in a SYN is never scaled (RFC 7323 §2.2); 64240 is 44 × 1460, as Linux sends it. */
export const SYN_WINDOW = 64240
/** Window scale shift offered in the SYNs (RFC 7323 §2.3) and the scaled window used after them (502 × 2^7 = 64256). */
export const WSCALE = 7
export const WINDOW = 502

const PROTO_TCP = 6
const PROTO_UDP = 17
const hex = (n: number, digits: number) => `0x${n.toString(16).padStart(digits, '0')}`

/** FNV-1a, 32 bits: the stable "random" numbers (ISN, first IP identification) come from the connection's names. */
function hash32(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0
  return h >>> 0
}

/** Dotted-quad IPv4 (RFC 791 §3.1 addresses, written as RFC 1123 §2.1 does), or null. */
function parseIPv4(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null
  return parts.map(Number)
}

/** An IPv6 address in RFC 4291 §2.2 text form (with `::`, and a dotted-quad tail), as 16 octets, or null. */
function parseIPv6(text: string): number[] | null {
  const halves = text.split('::')
  if (halves.length > 2) return null
  const groups = (s: string): number[] | null => {
    if (s === '') return []
    const out: number[] = []
    const items = s.split(':')
    for (let i = 0; i < items.length; i++) {
      const item = items[i] ?? ''
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseIPv4(item)
        if (!v4) return null
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0))
      } else if (/^[0-9a-f]{1,4}$/i.test(item)) out.push(parseInt(item, 16))
      else return null
    }
    return out
  }
  const head = groups(halves[0] ?? '')
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : []
  if (!head || !tail) return null
  const fill = 8 - head.length - tail.length
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null
  const words = [...head, ...new Array<number>(fill).fill(0), ...tail]
  return words.flatMap((w) => [w >> 8, w & 0xff])
}

/** RFC 5952 §4 text form: lowercase, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIPv6(octets: ArrayLike<number>): string {
  const words: number[] = []
  for (let i = 0; i < 16; i += 2) words.push(((octets[i] ?? 0) << 8) | (octets[i + 1] ?? 0))
  let best = -1
  let bestLen = 1
  for (let i = 0; i < 8;) {
    let j = i
    while (j < 8 && words[j] === 0) j++
    if (j - i > bestLen) [best, bestLen] = [i, j - i]
    i = j === i ? i + 1 : j
  }
  const text = words.map((w) => w.toString(16))
  if (best < 0) return text.join(':')
  return `${text.slice(0, best).join(':')}::${text.slice(best + bestLen).join(':')}`
}

/** The Internet checksum (RFC 1071 §4.1): the one's complement of the one's complement sum of 16-bit words. */
export function internetChecksum(...chunks: readonly ArrayLike<number>[]): number {
  let sum = 0
  let odd: number | null = null
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] ?? 0
      if (odd === null) odd = b
      else {
        sum += (odd << 8) | b
        odd = null
      }
    }
  }
  if (odd !== null) sum += odd << 8 // an odd octet is padded with a zero octet (RFC 1071 §4.1)
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16)
  return ~sum & 0xffff
}

const put16 = (a: Uint8Array, at: number, v: number) => {
  a[at] = (v >>> 8) & 0xff
  a[at + 1] = v & 0xff
}
const put32 = (a: Uint8Array, at: number, v: number) => {
  put16(a, at, (v >>> 16) & 0xffff)
  put16(a, at + 2, v & 0xffff)
}

/** Where the packet of a dropped step was going: `to` is the router that dropped it, so the server on that port. */
function destination(step: Step, actors: readonly Actor[]): Actor | undefined {
  const to = actors.find((a) => a.id === step.to)
  if (to?.role !== 'router') return to
  const port = step.tcp?.dstPort ?? step.udp?.dstPort
  return actors.find((a) => a.role === 'server' && a.port === port) ?? to
}

/** The payload octets and what each part is. */
function payloadOf(step: Step): { octets: Uint8Array; parts: PayloadPart[] } {
  const len = step.tcp?.len ?? step.udp?.len ?? 0
  if (step.tls || (step.layer === 'tls' && step.tcp)) {
    // TLS records (RFC 8446 §5.1): type, legacy version, length, then the fragment, here opaque.
    const records: [type: number, version: number, total: number][] = []
    if (step.tls || step.kind.key === 'client-finished') records.push([23, 0x0303, len])
    else if (step.kind.key === 'client-hello')
      records.push([22, 0x0301, len]) // RFC 8446 §5.1: 0x0301 in the first ClientHello
    else {
      // The ServerHello travels in the clear; the rest of the flight is already encrypted (RFC 8446 §2).
      const hello = Math.min(len, 127)
      records.push([22, 0x0303, hello])
      if (len - hello >= 5) records.push([23, 0x0303, len - hello])
      else if (len > hello) records.push([23, 0x0303, 0]) // never reached with the model's sizes
    }
    const octets = new Uint8Array(len)
    const parts: PayloadPart[] = []
    let at = 0
    for (const [type, version, total] of records) {
      if (total < 5 || at + total > len) {
        parts.push({ kind: 'opaque', offset: at, length: len - at })
        at = len
        break
      }
      octets[at] = type
      put16(octets, at + 1, version)
      put16(octets, at + 3, total - 5)
      parts.push({ kind: 'record', offset: at, length: 5 })
      if (total > 5) parts.push({ kind: 'opaque', offset: at + 5, length: total - 5 })
      at += total
    }
    if (at < len) parts.push({ kind: 'opaque', offset: at, length: len - at })
    return { octets, parts }
  }
  let octets: Uint8Array
  if (step.udp) {
    // A DNS step's bytes are the message's octets, one character each (latin1).
    octets = Uint8Array.from(step.bytes, (c) => c.charCodeAt(0) & 0xff)
    if (octets.length === 0 && len > 0) return { octets: new Uint8Array(len), parts: [{ kind: 'opaque', offset: 0, length: len }] }
  } else octets = new TextEncoder().encode(step.bytes)
  return { octets, parts: octets.length > 0 ? [{ kind: 'clear', offset: 0, length: octets.length }] : [] }
}

const FLAG_BITS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const
const FLAG_ORDER = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'] as const

/** The ISN of one side of a connection: stable for its addresses and ports (RFC 9293 §3.4.1 wants it unpredictable). */
export function initialSequence(srcIp: string, srcPort: number, dstIp: string, dstPort: number): number {
  return hash32(`isn ${srcIp}:${srcPort} > ${dstIp}:${dstPort}`)
}

/**
 * The packet of `steps[index]`, as its sender put it on the wire. The IP identification counts the sender's
 * packets before it on the timeline. Null for a step without a TCP segment or UDP datagram, or whose
 * actors have no address the parsers read.
 */
export function packetOf(steps: readonly Step[], index: number, actors: readonly Actor[]): Packet | null {
  const step = steps[index]
  if (!step || (!step.tcp && !step.udp)) return null
  const src = actors.find((a) => a.id === step.from)
  const dst = destination(step, actors)
  if (!src || !dst) return null
  const v6 = src.ip.includes(':') || dst.ip.includes(':')
  const srcAddr = v6 ? parseIPv6(src.ip) : parseIPv4(src.ip)
  const dstAddr = v6 ? parseIPv6(dst.ip) : parseIPv4(dst.ip)
  if (!srcAddr || !dstAddr) return null

  const body = payloadOf(step)
  const tcp = step.tcp
  const syn = tcp?.flags.includes('SYN') ?? false
  // SYN options, in the order Windows and many stacks send them without timestamps: MSS, NOP, WS, NOP, NOP, SACK-permitted.
  const options = syn ? [2, 4, MSS >> 8, MSS & 0xff, 1, 3, 3, WSCALE, 1, 1, 4, 2] : []
  const l4Len = tcp ? 20 + options.length : 8
  const ipLen = v6 ? 40 : 20
  const room = 65535 - (v6 ? 0 : ipLen) - l4Len // IPv4 total length and IPv6 payload length are 16-bit fields
  const payloadLen = Math.min(body.octets.length, room)
  const cut = body.octets.length - payloadLen
  const octets = new Uint8Array(ipLen + l4Len + payloadLen)
  octets.set(body.octets.subarray(0, payloadLen), ipLen + l4Len)
  const proto = tcp ? PROTO_TCP : PROTO_UDP
  const srcText = v6 ? formatIPv6(srcAddr) : srcAddr.join('.')
  const dstText = v6 ? formatIPv6(dstAddr) : dstAddr.join('.')

  // ── IP ──
  let ipFields: HeaderField[]
  if (v6) {
    // RFC 8200 §3: version 6, traffic class 0, flow label, payload length, next header, hop limit, addresses.
    const flow = hash32(`flow ${srcText} ${dstText} ${tcp?.srcPort ?? step.udp?.srcPort}`) & 0xfffff
    put32(octets, 0, (6 << 28) | flow)
    put16(octets, 4, l4Len + payloadLen)
    octets[6] = proto
    octets[7] = TTL
    octets.set(srcAddr, 8)
    octets.set(dstAddr, 24)
    ipFields = [
      { name: 'ip.version', value: '6', offset: 0, length: 1, bits: [0, 4] },
      { name: 'ip.dsfield', value: '0x00', offset: 0, length: 2, bits: [4, 8] },
      { name: 'ip.flow', value: hex(flow, 5), offset: 1, length: 3, bits: [4, 20] },
      { name: 'ip.len', value: String(l4Len + payloadLen), offset: 4, length: 2 },
      { name: 'ip.proto', value: String(proto), offset: 6, length: 1 },
      { name: 'ip.ttl', value: String(TTL), offset: 7, length: 1 },
      { name: 'ip.src', value: srcText, offset: 8, length: 16 },
      { name: 'ip.dst', value: dstText, offset: 24, length: 16 },
    ]
  } else {
    // RFC 791 §3.1. The identification counts this sender's datagrams (RFC 6864 §4.1 lets it be anything with DF set).
    const sent = steps.slice(0, index).filter((s) => s.from === step.from && (s.tcp || s.udp)).length
    const id = (hash32(`ipid ${srcText}`) + sent) & 0xffff
    octets[0] = 0x45 // version 4, IHL 5 (no options)
    octets[1] = 0 // DSCP 0 (default forwarding, RFC 2474 §4.1), ECN 0 (not ECN-capable, RFC 3168 §5)
    put16(octets, 2, octets.length)
    put16(octets, 4, id)
    put16(octets, 6, 0x4000) // flags: DF (don't fragment, for path MTU discovery, RFC 1191 §3); fragment offset 0
    octets[8] = TTL
    octets[9] = proto
    octets.set(srcAddr, 12)
    octets.set(dstAddr, 16)
    const sum = internetChecksum(octets.subarray(0, 20)) // computed with the checksum field zero (RFC 791 §3.1)
    put16(octets, 10, sum)
    ipFields = [
      { name: 'ip.version', value: '4', offset: 0, length: 1, bits: [0, 4] },
      { name: 'ip.hdr_len', value: '20', offset: 0, length: 1, bits: [4, 4] },
      { name: 'ip.dsfield', value: '0x00', offset: 1, length: 1 },
      { name: 'ip.len', value: String(octets.length), offset: 2, length: 2 },
      { name: 'ip.id', value: hex(id, 4), offset: 4, length: 2 },
      { name: 'ip.flags', value: 'DF', offset: 6, length: 1, bits: [0, 3] },
      { name: 'ip.frag_offset', value: '0', offset: 6, length: 2, bits: [3, 13] },
      { name: 'ip.ttl', value: String(TTL), offset: 8, length: 1 },
      { name: 'ip.proto', value: String(proto), offset: 9, length: 1 },
      { name: 'ip.checksum', value: hex(sum, 4), offset: 10, length: 2 },
      { name: 'ip.src', value: srcText, offset: 12, length: 4 },
      { name: 'ip.dst', value: dstText, offset: 16, length: 4 },
    ]
  }

  // ── TCP or UDP ──
  const at = ipLen
  const l4Total = l4Len + payloadLen
  // The pseudo-header: RFC 9293 §3.1 (IPv4), RFC 8200 §8.1 (IPv6); RFC 768 uses the same for UDP.
  const pseudo = v6 ? new Uint8Array(40) : new Uint8Array(12)
  pseudo.set(srcAddr, 0)
  pseudo.set(dstAddr, srcAddr.length)
  if (v6) {
    put32(pseudo, 32, l4Total)
    pseudo[39] = proto
  } else {
    pseudo[9] = proto
    put16(pseudo, 10, l4Total)
  }
  let l4Fields: HeaderField[]
  if (tcp) {
    const isn = initialSequence(srcText, tcp.srcPort, dstText, tcp.dstPort)
    const peerIsn = initialSequence(dstText, tcp.dstPort, srcText, tcp.srcPort)
    const seq = (isn + tcp.seq) >>> 0
    const ack = tcp.flags.includes('ACK') ? (peerIsn + tcp.ack) >>> 0 : 0 // zero unless ACK is set (RFC 9293 §3.1)
    const bits = tcp.flags.reduce((n, f) => n | FLAG_BITS[f], 0)
    const window = syn ? SYN_WINDOW : WINDOW
    put16(octets, at, tcp.srcPort)
    put16(octets, at + 2, tcp.dstPort)
    put32(octets, at + 4, seq)
    put32(octets, at + 8, ack)
    octets[at + 12] = (l4Len / 4) << 4
    octets[at + 13] = bits
    put16(octets, at + 14, window)
    octets.set(options, at + 20) // urgent pointer (at + 18) stays 0: URG is never set
    const sum = internetChecksum(pseudo, octets.subarray(at))
    put16(octets, at + 16, sum)
    const flags = FLAG_ORDER.filter((f) => tcp.flags.includes(f)).join(', ')
    l4Fields = [
      { name: 'tcp.srcport', value: String(tcp.srcPort), offset: at, length: 2 },
      { name: 'tcp.dstport', value: String(tcp.dstPort), offset: at + 2, length: 2 },
      { name: 'tcp.seq', value: String(seq), offset: at + 4, length: 4 },
      { name: 'tcp.ack', value: String(ack), offset: at + 8, length: 4 },
      { name: 'tcp.hdr_len', value: String(l4Len), offset: at + 12, length: 1, bits: [0, 4] },
      { name: 'tcp.flags', value: flags, offset: at + 12, length: 2, bits: [4, 12] },
      { name: 'tcp.window', value: String(window), offset: at + 14, length: 2 },
      { name: 'tcp.checksum', value: hex(sum, 4), offset: at + 16, length: 2 },
      { name: 'tcp.urgent_pointer', value: '0', offset: at + 18, length: 2 },
    ]
    if (syn) {
      const o = at + 20
      l4Fields.push(
        { name: 'tcp.options.mss', value: String(MSS), offset: o, length: 4 }, // RFC 9293 §3.7.1
        { name: 'tcp.options.nop', value: '', offset: o + 4, length: 1 },
        { name: 'tcp.options.wscale', value: String(WSCALE), offset: o + 5, length: 3 }, // RFC 7323 §2.2
        { name: 'tcp.options.nop', value: '', offset: o + 8, length: 1 },
        { name: 'tcp.options.nop', value: '', offset: o + 9, length: 1 },
        { name: 'tcp.options.sack_perm', value: '', offset: o + 10, length: 2 }, // RFC 2018 §2
      )
    }
  } else {
    const udp = step.udp as NonNullable<Step['udp']>
    put16(octets, at, udp.srcPort)
    put16(octets, at + 2, udp.dstPort)
    put16(octets, at + 4, l4Total)
    // RFC 768: a computed zero is sent as all ones (zero means "no checksum").
    const sum = internetChecksum(pseudo, octets.subarray(at)) || 0xffff
    put16(octets, at + 6, sum)
    l4Fields = [
      { name: 'udp.srcport', value: String(udp.srcPort), offset: at, length: 2 },
      { name: 'udp.dstport', value: String(udp.dstPort), offset: at + 2, length: 2 },
      { name: 'udp.length', value: String(l4Total), offset: at + 4, length: 2 },
      { name: 'udp.checksum', value: hex(sum, 4), offset: at + 6, length: 2 },
    ]
  }
  const start = ipLen + l4Len
  const parts = body.parts
    .filter((p) => p.offset < payloadLen)
    .map((p) => ({ ...p, offset: start + p.offset, length: Math.min(p.length, payloadLen - p.offset) }))
  return {
    ipVersion: v6 ? 6 : 4,
    octets,
    headers: [
      { kind: 'ip', offset: 0, length: ipLen, fields: ipFields },
      { kind: tcp ? 'tcp' : 'udp', offset: ipLen, length: l4Len, fields: l4Fields },
    ],
    payload: { offset: start, length: payloadLen, parts },
    cut,
  }
}
