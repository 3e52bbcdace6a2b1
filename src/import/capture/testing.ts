// Test-only: builds captures from bytes, for the cases no fixture covers. What these captures leave out compared
// with real ones: checksums are zero (nothing here checks them, and offloaded captures carry bad ones anyway);
// IP identification, TTL and TCP window are fixed; TCP options are absent; timestamps are whatever the test says.

export type Bytes = Uint8Array

export const ascii = (s: string): Bytes => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff)

export function concat(...parts: readonly Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** Numbers as octets: [value, width] pairs, big-endian unless `le`. */
export function num(le: boolean, ...fields: readonly (readonly [value: number, width: 1 | 2 | 4])[]): Bytes {
  const out = new Uint8Array(fields.reduce((n, [, w]) => n + w, 0))
  const v = new DataView(out.buffer)
  let at = 0
  for (const [value, w] of fields) {
    if (w === 1) v.setUint8(at, value)
    else if (w === 2) v.setUint16(at, value, le)
    else v.setUint32(at, value >>> 0, le)
    at += w
  }
  return out
}

// ---- TCP, IP, link layers ----------------------------------------------------------------------------------

export const FIN = 0x01
export const SYN = 0x02
export const RST = 0x04
export const PSH = 0x08
export const ACK = 0x10

export interface TcpSeg {
  sport: number
  dport: number
  seq: number
  ack: number
  flags: number
  payload?: Bytes
}

/** A 20-octet TCP header (no options) and the payload. */
export function tcp(s: TcpSeg): Bytes {
  return concat(
    num(false, [s.sport, 2], [s.dport, 2], [s.seq, 4], [s.ack, 4], [0x50, 1], [s.flags, 1], [65535, 2], [0, 2], [0, 2]),
    s.payload ?? new Uint8Array(0),
  )
}

const ipv4Octets = (ip: string) => ip.split('.').map((x) => [Number(x), 1] as const)

/** IPv4 (RFC 791) around a TCP segment; `totalLength` overrides the real one (0 as TSO writes it), `fragment` sets MF. */
export function ipv4(src: string, dst: string, payload: Bytes, o: { totalLength?: number; fragment?: boolean; protocol?: number } = {}): Bytes {
  const total = o.totalLength ?? 20 + payload.length
  return concat(
    num(
      false,
      [0x45, 1],
      [0, 1],
      [total, 2],
      [1, 2],
      [o.fragment ? 0x2000 : 0x4000, 2],
      [64, 1],
      [o.protocol ?? 6, 1],
      [0, 2],
      ...ipv4Octets(src),
      ...ipv4Octets(dst),
    ),
    payload,
  )
}

/** Expands an IPv6 address written with `::` into 8 words. */
function ipv6Words(ip: string): number[] {
  const [head = '', tail] = ip.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const words = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
  return words.map((w) => parseInt(w, 16))
}

/** IPv6 (RFC 8200) around a TCP segment, with the given extension headers (0, 43, 60: 8 octets each) before it. */
export function ipv6(src: string, dst: string, payload: Bytes, ext: readonly number[] = []): Bytes {
  const chain = [...ext, 6]
  const exts = ext.map((_, i) => concat(num(false, [chain[i + 1]!, 1], [0, 1]), new Uint8Array(6)))
  const body = concat(...exts, payload)
  return concat(
    num(false, [0x60000000, 4], [body.length, 2], [chain[0]!, 1], [64, 1]),
    num(false, ...ipv6Words(src).map((w) => [w, 2] as const)),
    num(false, ...ipv6Words(dst).map((w) => [w, 2] as const)),
    body,
  )
}

const typeOf = (ip: Bytes) => (ip[0]! >> 4 === 6 ? 0x86dd : 0x0800)

/** Ethernet II: dst, src, then per VLAN tag [TPID (0x8100 802.1Q, 0x88a8 802.1ad outer), TCI], then the type. */
export function ethernet(ip: Bytes, tpids: readonly number[] = []): Bytes {
  const mac = new Uint8Array([2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2])
  const parts: Bytes[] = [mac]
  for (const [i, tpid] of tpids.entries()) parts.push(num(false, [tpid, 2], [100 + i, 2]))
  parts.push(num(false, [typeOf(ip), 2]), ip)
  return concat(...parts)
}

/** BSD loopback (link type 0): the address family in the writer's byte order. */
export const nullLink = (ip: Bytes, af: number, le = true): Bytes => concat(num(le, [af, 4]), ip)
/** Linux cooked capture v1 (link type 113): 16 octets, protocol last. */
export const sll = (ip: Bytes): Bytes => concat(num(false, [0, 2], [772, 2], [6, 2], [0, 4], [0, 4], [typeOf(ip), 2]), ip)
/** Linux cooked capture v2 (link type 276): 20 octets, protocol first. */
export const sll2 = (ip: Bytes): Bytes => concat(num(false, [typeOf(ip), 2], [0, 2], [1, 4], [772, 2], [0, 1], [6, 1], [0, 4], [0, 4]), ip)

// ---- Containers ----------------------------------------------------------------------------------------------

export interface Packet {
  frame: Bytes
  /** Seconds. */
  time?: number
  /** Or exact: whole seconds and the fraction in the file's units (µs or ns). */
  ts?: readonly [sec: number, frac: number]
  /** Octets on the wire, when more than the frame (the snaplen cut it). */
  origLen?: number
}

/** A pcap file: `nanos` for the 0xa1b23c4d magic, `bigEndian` for a file written on a big-endian machine. */
export function pcap(packets: readonly Packet[], o: { link?: number; nanos?: boolean; bigEndian?: boolean; snaplen?: number } = {}): Bytes {
  const le = !o.bigEndian
  const div = o.nanos ? 1e9 : 1e6
  const head = num(le, [o.nanos ? 0xa1b23c4d : 0xa1b2c3d4, 4], [2, 2], [4, 2], [0, 4], [0, 4], [o.snaplen ?? 262144, 4], [o.link ?? 1, 4])
  const recs = packets.map((p) => {
    const t = p.time ?? 0
    const [sec, frac] = p.ts ?? [Math.floor(t), Math.round((t - Math.floor(t)) * div)]
    return concat(num(le, [sec, 4], [frac, 4], [p.frame.length, 4], [p.origLen ?? p.frame.length, 4]), p.frame)
  })
  return concat(head, ...recs)
}

const pad4 = (b: Bytes) => concat(b, new Uint8Array((4 - (b.length % 4)) % 4))

/** One pcapng block: type, total length, body (padded), total length. */
export function block(le: boolean, type: number, body: Bytes): Bytes {
  const b = pad4(body)
  return concat(num(le, [type, 4], [b.length + 12, 4]), b, num(le, [b.length + 12, 4]))
}

export const shb = (le: boolean): Bytes => block(le, 0x0a0d0d0a, concat(num(le, [0x1a2b3c4d, 4], [1, 2], [0, 2], [0xffffffff, 4], [0xffffffff, 4])))

/** An interface: link type, snaplen, and if_tsresol (option 9) when given. */
export function idb(le: boolean, link: number, o: { tsresol?: number; snaplen?: number } = {}): Bytes {
  const opts = o.tsresol === undefined ? new Uint8Array(0) : concat(num(le, [9, 2], [1, 2], [o.tsresol, 1], [0, 1], [0, 2]), num(le, [0, 2], [0, 2]))
  return block(le, 1, concat(num(le, [link, 2], [0, 2], [o.snaplen ?? 0, 4]), opts))
}

/** An enhanced packet block; `ticks` is the timestamp in the interface's units. */
export function epb(le: boolean, iface: number, ticks: number, frame: Bytes, origLen = frame.length): Bytes {
  const high = Math.floor(ticks / 4294967296)
  const low = ticks - high * 4294967296
  return block(le, 6, concat(num(le, [iface, 4], [high, 4], [low, 4], [frame.length, 4], [origLen, 4]), frame))
}

/** A simple packet block: original length and data, no timestamp, no interface (it is interface 0). */
export const spb = (le: boolean, frame: Bytes, origLen = frame.length): Bytes => block(le, 3, concat(num(le, [origLen, 4]), frame))

/** The obsolete packet block (type 2): a 16-bit interface and a drops count, then as EPB. */
export function pb(le: boolean, iface: number, ticks: number, frame: Bytes): Bytes {
  return block(le, 2, concat(num(le, [iface, 2], [0, 2], [0, 4], [ticks >>> 0, 4], [frame.length, 4], [frame.length, 4]), frame))
}

// ---- Conversations -------------------------------------------------------------------------------------------

export interface Seg extends TcpSeg {
  from: 'client' | 'server'
}

export interface Dialogue {
  client?: readonly [string, number]
  server?: readonly [string, number]
  /** Initial sequence numbers of client and server. */
  isn?: readonly [number, number]
  /** What each side writes, in order; each write is one segment unless `mss` splits it. */
  writes: readonly { from: 'client' | 'server'; data: string }[]
  handshake?: boolean
  /** The server closes first (as Postfix does after 221). */
  close?: boolean
  mss?: number
}

/** The TCP segments of a well-behaved conversation: handshake, writes (each acknowledging the peer), close. */
export function dialogue(d: Dialogue): Seg[] {
  const [cport, sport] = [d.client?.[1] ?? 50000, d.server?.[1] ?? 25]
  const [ci, si] = d.isn ?? [1000, 5000]
  const next = { client: ci, server: si }
  const segs: Seg[] = []
  const add = (from: 'client' | 'server', flags: number, payload?: Bytes) => {
    const other = from === 'client' ? 'server' : 'client'
    const s: Seg = {
      from,
      sport: from === 'client' ? cport : sport,
      dport: from === 'client' ? sport : cport,
      seq: next[from] >>> 0,
      ack: flags & ACK ? next[other] >>> 0 : 0,
      flags,
    }
    if (payload) s.payload = payload
    segs.push(s)
    next[from] += (payload?.length ?? 0) + (flags & (SYN | FIN) ? 1 : 0)
  }
  if (d.handshake !== false) {
    add('client', SYN)
    add('server', SYN | ACK)
    add('client', ACK)
  } else {
    next.client++
    next.server++
  }
  for (const w of d.writes) {
    const bytes = ascii(w.data)
    const mss = d.mss ?? 1 << 30
    for (let i = 0; i < bytes.length; i += mss) add(w.from, ACK | PSH, bytes.subarray(i, i + mss))
  }
  if (d.close) {
    add('server', FIN | ACK)
    add('client', FIN | ACK)
    add('server', ACK)
  }
  return segs
}

/** Segments as IPv4 (or IPv6) packets over Ethernet (or the given framing), one per 10 ms. */
export function frames(segs: readonly Seg[], o: { v6?: boolean; client?: string; server?: string; link?: (ip: Bytes) => Bytes } = {}): Packet[] {
  const client = o.client ?? (o.v6 ? '2001:db8::10' : '192.0.2.10')
  const server = o.server ?? (o.v6 ? '2001:db8::25' : '192.0.2.25')
  const link = o.link ?? ((ip: Bytes) => ethernet(ip))
  return segs.map((s, i) => {
    const [src, dst] = s.from === 'client' ? [client, server] : [server, client]
    const t = tcp(s)
    return { frame: link(o.v6 ? ipv6(src, dst, t) : ipv4(src, dst, t)), time: 1_700_000_000 + i / 100 }
  })
}
