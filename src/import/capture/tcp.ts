// TCP reassembly per connection (RFC 9293 §3.4 sequence numbers, §3.10.7.4 segment arrival) and the mail layer
// on top: which protocol, where TLS starts, and the chunks the lesson is built from. One pass, in capture order;
// the only per-packet state kept is an out-of-order segment waiting for the bytes before it (a view into the
// file's bytes, no copy), and only until they arrive or are known to be missing.

import type { Chunk, Endpoint, ImportedConnection, ImportProtocol } from '../types'
import { addressText, endpointKey, type Segment } from './decode'
import { NOT_MAIL } from './messages'

type Side = 0 | 1
type Flag = NonNullable<Chunk['flags']>[number]
type MailProtocol = Exclude<ImportProtocol, 'unknown'>

const FIN = 0x01
const SYN = 0x02
const RST = 0x04
const PSH = 0x08
const ACK = 0x10

/** One frozen flag list per combination, shared by every chunk (no array per packet). */
const FLAG_LISTS: readonly (readonly Flag[])[] = Array.from({ length: 32 }, (_, f) =>
  Object.freeze(
    (
      [
        [SYN, 'SYN'],
        [ACK, 'ACK'],
        [PSH, 'PSH'],
        [FIN, 'FIN'],
        [RST, 'RST'],
      ] as const
    )
      .filter(([bit]) => (f & bit) !== 0)
      .map(([, name]) => name),
  ),
)
const flagList = (f: number) => FLAG_LISTS[f & 0x1f]!

/**
 * Well-known mail ports: SMTP 25 (RFC 5321 §4.5.4.2 names it), submission 587 (RFC 6409 §3.1), POP3 110
 * (RFC 1939 §3), IMAP 143 (RFC 9051 §2.1), and the implicit-TLS ports 465, 995, 993 (RFC 8314 §3.3, §7).
 */
const MAIL_PORTS: ReadonlyMap<number, { protocol: MailProtocol; tls: boolean }> = new Map([
  [25, { protocol: 'smtp', tls: false }],
  [587, { protocol: 'smtp', tls: false }],
  [465, { protocol: 'smtp', tls: true }],
  [110, { protocol: 'pop3', tls: false }],
  [995, { protocol: 'pop3', tls: true }],
  [143, { protocol: 'imap', tls: false }],
  [993, { protocol: 'imap', tls: true }],
])
const FTP_PORT = 21
const EMPTY = new Uint8Array(0)
const PROTOCOL_NAME: Record<MailProtocol, string> = { smtp: 'SMTP', pop3: 'POP3', imap: 'IMAP' }

/** Out-of-order data is held up to these limits; beyond them the bytes before it are declared missing. */
const PENDING_BYTES = 8 << 20
const PENDING_SEGMENTS = 4096
/** A client line longer than this cannot be STARTTLS / STLS / `tag STARTTLS`, so it is not decoded. */
const COMMAND_PREFIX = 64

/**
 * The server's greeting names the protocol: SMTP `220` (RFC 5321 §4.2, also a `220-` multi-line one), POP3 `+OK`
 * (RFC 1939 §4), IMAP `* OK`, `* PREAUTH` or `* BYE` (RFC 9051 §7.1).
 */
function greeting(b: Uint8Array): MailProtocol | null {
  const s = latin1([b.subarray(0, 10)], Math.min(10, b.length))
  if (/^220(?:[ -]|\r?\n|$)/.test(s)) return 'smtp'
  if (s.startsWith('+OK')) return 'pop3'
  if (/^\* (?:OK|PREAUTH|BYE)\b/i.test(s)) return 'imap'
  return null
}

/** Octets as a latin1 string, one char per octet (TextDecoder's 'latin1' is windows-1252, which is not that). */
function latin1(parts: readonly Uint8Array[], size: number): string {
  if (parts.length === 1 && size <= 8192) return String.fromCharCode(...parts[0]!)
  let s = ''
  for (const p of parts) for (let i = 0; i < p.length; i += 8192) s += String.fromCharCode(...p.subarray(i, i + 8192))
  return s
}

/** A data segment that arrived before the bytes in front of it. Pieces never overlap (first copy wins). */
interface Piece {
  rel: number
  end: number
  bytes: Uint8Array
  time: number
  ack: number | undefined
  flags: number
}

/** One direction's sequence space, relative to its SYN (or to the first byte seen, as 1, when no SYN was captured). */
class Direction {
  syn = false
  synSeq = 0
  baseSet = false
  base = 0
  /** The next relative sequence number expected: everything before it has been delivered or declared missing. */
  next = 1
  pending: Piece[] = []
  pendingBytes = 0
  finRel = -1
  finDone = false
  finTime = 0
  finAck: number | undefined = undefined
  finFlags = 0
  /** This side owes the ACK of the three-way handshake. */
  handshakeAck = false
  /** This side owes the ACK of the peer's FIN, which acknowledges this relative number. */
  closeAck = -1
  /** Plaintext line being read: its first octets (null once it is too long or has a hole), its length. */
  line: string | null = ''
  lineLen = 0
  /** TLS records: octets of the header read so far, the length being read, octets of the body still to come. */
  tls = false
  tlsHdr = 0
  tlsLen = 0
  tlsBody = 0
  tlsLost = false
}

/** A chunk before the sides are named client and server. */
type Draft = { -readonly [K in keyof Chunk]: Chunk[K] } & { side: Side }

interface Open {
  side: Side
  time: number
  seq: number
  ack: number | undefined
  flags: number
  parts: Uint8Array[]
  size: number
  len: number
  missing: [number, number][] | null
  tls: number[] | null
  partial: boolean
}

class Connection {
  readonly dirs: [Direction, Direction] = [new Direction(), new Direction()]
  readonly ends: [Endpoint, Endpoint]
  readonly keys: [string, string]
  /** Which side is the server: -1 until a SYN, a mail port or a greeting tells. */
  serverSide: -1 | Side = -1
  protocol: MailProtocol | null = null
  portTls = false
  /** Whether a port (not yet the content) chose the protocol. */
  byPort = false
  /** The first data has been looked at. */
  classified = false
  /** Keep data (mail, or not yet known); false once the connection is known not to be mail. */
  keep = true
  note: readonly [string, string] | null = null
  octets = 0
  overlap = 0
  closed = false
  /** STARTTLS asked, waiting for the server's answer (RFC 3207 §4, RFC 2595 §4, RFC 9051 §6.2.1); the IMAP tag. */
  awaiting: MailProtocol | null = null
  tag = ''
  readonly chunks: Draft[] = []
  open: Open | null = null

  constructor(view: DataView, seg: Segment) {
    this.ends = [
      { ip: addressText(view, seg, 'src'), port: seg.srcPort },
      { ip: addressText(view, seg, 'dst'), port: seg.dstPort },
    ]
    this.keys = [endpointKey(view, seg, 'src'), endpointKey(view, seg, 'dst')]
    // A mail port on one side makes that side the server until a SYN says otherwise.
    const dst = MAIL_PORTS.get(seg.dstPort)
    const src = MAIL_PORTS.get(seg.srcPort)
    if (dst) this.setServer(1, dst)
    else if (src) this.setServer(0, src)
  }

  private setServer(side: Side, port?: { protocol: MailProtocol; tls: boolean }): void {
    this.serverSide = side
    const p = port ?? MAIL_PORTS.get(this.ends[side].port)
    if (p && !this.classified) {
      this.protocol = p.protocol
      this.portTls = p.tls
      this.byPort = true
      this.dirs[0].tls = this.dirs[1].tls = p.tls
    } else if (!p && this.byPort && !this.classified) {
      this.protocol = null
      this.byPort = false
      this.portTls = false
      this.dirs[0].tls = this.dirs[1].tls = false
    }
  }

  /** A SYN from this side with another initial sequence number, or any SYN after the close: a new connection. */
  isNew(srcKey: string, seq: number): boolean {
    const d = this.dirs[srcKey === this.keys[0] ? 0 : 1]
    return this.closed || (d.syn && d.synSeq !== seq)
  }

  segment(side: Side, seg: Segment, bytes: Uint8Array, time: number): void {
    const d = this.dirs[side]
    const o = this.dirs[side === 0 ? 1 : 0]
    const f = seg.flags
    const syn = (f & SYN) !== 0
    if (syn) {
      if (!d.syn) {
        d.syn = true
        d.synSeq = seg.seq
        if (!d.baseSet) {
          d.baseSet = true
          d.base = seg.seq
        }
        // The SYN's sender is the client; the SYN-ACK's sender the server (RFC 9293 §3.5).
        if (!(f & ACK)) this.setServer(side === 0 ? 1 : 0)
        else if (!this.dirs[side === 0 ? 1 : 0].syn) this.setServer(side)
        if (f & ACK) o.handshakeAck = true
        this.control(side, time, f, (seg.seq - d.base) | 0, this.ackRel(seg, o))
      }
    } else if (!d.baseSet) {
      // No SYN captured: the first byte seen is relative 1, as Wireshark numbers it.
      d.baseSet = true
      d.base = (seg.seq - 1) >>> 0
    }
    const rel = (seg.seq - d.base) | 0
    const ack = this.ackRel(seg, o)
    // The peer acknowledges bytes this capture never saw: they are missing, not late (RFC 9293 §3.4).
    if (ack !== undefined) {
      const target = o.finRel >= 0 ? Math.min(ack, o.finRel) : ack
      if (target > o.next) this.gap(side === 0 ? 1 : 0, target, time)
    }
    const dataRel = syn ? rel + 1 : rel
    if (seg.payloadLen > 0) this.segmentData(side, dataRel, bytes.subarray(seg.payloadOff, seg.payloadOff + seg.payloadCap), seg.payloadLen, time, ack, f)
    if (f & FIN && d.finRel < 0) {
      d.finRel = dataRel + seg.payloadLen
      d.finTime = time
      d.finAck = ack
      d.finFlags = f
    }
    this.checkFin(side)
    if (f & RST) {
      this.control(side, time, f, rel, ack)
      this.closed = true
    }
    // The pure ACKs that complete the handshake and the close, so that both can be drawn.
    if (!syn && !(f & (FIN | RST)) && seg.payloadLen === 0 && f & ACK) {
      if (d.handshakeAck) this.control(side, time, f, rel, ack)
      else if (d.closeAck >= 0 && ack !== undefined && ack >= d.closeAck) this.control(side, time, f, rel, ack)
    }
    if (!syn) d.handshakeAck = false
    if (ack !== undefined && d.closeAck >= 0 && ack >= d.closeAck) d.closeAck = -1
  }

  private ackRel(seg: Segment, o: Direction): number | undefined {
    return seg.flags & ACK && o.baseSet ? (seg.ack - o.base) | 0 : undefined
  }

  private segmentData(side: Side, rel: number, view: Uint8Array, full: number, time: number, ack: number | undefined, flags: number): void {
    const d = this.dirs[side]
    const end = rel + full
    if (end <= d.next) {
      // A retransmission of bytes already delivered: the first copy stays.
      this.overlap += full
      return
    }
    if (rel < d.next) {
      const cut = d.next - rel
      this.overlap += cut
      view = view.subarray(Math.min(cut, view.length))
      full -= cut
      rel = d.next
    }
    if (rel > d.next) {
      this.hold(d, { rel, end, bytes: view, time, ack, flags })
      if (d.pendingBytes > PENDING_BYTES || d.pending.length > PENDING_SEGMENTS) this.gap(side, d.pending[0]!.rel, time)
      return
    }
    this.deliver(side, view, full - view.length, time, rel, ack, flags)
    d.next = end
    this.drain(side)
  }

  /** Files an out-of-order segment, keeping only the octets no earlier copy holds. */
  private hold(d: Direction, p: Piece): void {
    const list = d.pending
    let cursor = p.rel
    let i = 0
    const pieces: Piece[] = []
    const piece = (a: number, b: number) => {
      const from = Math.min(a - p.rel, p.bytes.length)
      pieces.push({ ...p, rel: a, end: b, bytes: p.bytes.subarray(from, Math.max(from, Math.min(b - p.rel, p.bytes.length))) })
    }
    for (; i < list.length && cursor < p.end; i++) {
      const q = list[i]!
      if (q.end <= cursor) continue
      if (q.rel >= p.end) break
      if (q.rel > cursor) piece(cursor, q.rel)
      this.overlap += Math.min(q.end, p.end) - Math.max(q.rel, cursor)
      cursor = Math.max(cursor, q.end)
    }
    if (cursor < p.end) piece(cursor, p.end)
    for (const x of pieces) {
      let at = 0
      while (at < list.length && list[at]!.rel < x.rel) at++
      list.splice(at, 0, x)
      d.pendingBytes += x.end - x.rel
    }
  }

  /** Delivers held segments that are now next in line. */
  private drain(side: Side): void {
    const d = this.dirs[side]
    while (d.pending.length > 0 && d.pending[0]!.rel <= d.next) {
      const p = d.pending.shift()!
      d.pendingBytes -= p.end - p.rel
      if (p.end <= d.next) {
        this.overlap += p.end - p.rel
        continue
      }
      const cut = d.next - p.rel
      this.overlap += cut
      const bytes = p.bytes.subarray(Math.min(cut, p.bytes.length))
      this.deliver(side, bytes, p.end - d.next - bytes.length, p.time, d.next, p.ack, p.flags)
      d.next = p.end
    }
    this.checkFin(side)
  }

  /** The octets up to `to` were never captured: the chunk says so (partial) and the held data after them moves on. */
  private gap(side: Side, to: number, time: number): void {
    const d = this.dirs[side]
    while (d.next < to) {
      const first = d.pending[0]
      const stop = first && first.rel < to ? first.rel : to
      if (stop > d.next) this.deliver(side, EMPTY, stop - d.next, time, d.next, undefined, 0)
      d.next = Math.max(d.next, stop)
      this.drain(side)
    }
  }

  private checkFin(side: Side): void {
    const d = this.dirs[side]
    if (d.finRel < 0 || d.finDone || d.next < d.finRel || d.pending.length > 0) return
    d.finDone = true
    this.control(side, d.finTime, d.finFlags, d.finRel, d.finAck)
    this.dirs[side === 0 ? 1 : 0].closeAck = d.finRel + 1
    if (this.dirs[0].finDone && this.dirs[1].finDone) this.closed = true
  }

  /** In-order application data (and the count of octets missing right after it). */
  private deliver(side: Side, bytes: Uint8Array, missing: number, time: number, rel: number, ack: number | undefined, flags: number): void {
    this.octets += bytes.length + missing
    if (!this.keep) return
    if (!this.classified && bytes.length > 0) this.classify(side, bytes)
    if (!this.keep) return
    const d = this.dirs[side]
    let at = 0
    while (!d.tls) {
      const cut = this.scan(side, bytes, at)
      if (cut < 0) {
        this.append(side, bytes.subarray(at), missing, time, rel + at, ack, flags)
        return
      }
      // The line that switched to TLS ends this chunk; what follows it is TLS records.
      this.append(side, bytes.subarray(at, cut), 0, time, rel + at, ack, flags)
      this.flush()
      this.dirs[0].tls = this.dirs[1].tls = true
      at = cut
    }
    this.appendTls(side, bytes.subarray(at), missing, time, rel + at, ack, flags)
  }

  /** The first data of the connection says whether it is mail (and, without a SYN or a mail port, who the server is). */
  private classify(side: Side, bytes: Uint8Array): void {
    this.classified = true
    if (this.portTls) return
    const midstream = !this.dirs[0].syn && !this.dirs[1].syn
    const seen = greeting(bytes)
    if (this.byPort) {
      const port = this.ends[this.serverSide === -1 ? 1 : this.serverSide].port
      // Midstream, the first data is whatever was in flight; a client speaking first on a mail port: trust the port.
      if (midstream || side !== this.serverSide) return
      if (seen) this.protocol = seen
      else this.notMail(NOT_MAIL.wrongGreeting(port, PROTOCOL_NAME[this.protocol ?? 'smtp']))
      return
    }
    if (seen && (this.serverSide === -1 || this.serverSide === side)) {
      this.serverSide = side
      if (this.ends[side].port === FTP_PORT) return this.notMail(NOT_MAIL.ftp)
      this.protocol = seen
      return
    }
    this.notMail(this.serverSide !== -1 && side !== this.serverSide ? NOT_MAIL.clientFirst : NOT_MAIL.noGreeting)
  }

  private notMail(note: readonly [string, string]): void {
    this.protocol = null
    this.keep = false
    this.note = note
    this.open = null
    // Data kept while undecided goes; the handshake and close stay.
    for (let i = this.chunks.length - 1; i >= 0; i--) if (this.chunks[i]!.len !== 0) this.chunks.splice(i, 1)
  }

  /**
   * Reads plaintext lines for the STARTTLS exchange. Returns the offset just after the server's line that starts
   * TLS (RFC 3207 §4 `220`, RFC 2595 §4 `+OK` to STLS, RFC 9051 §6.2.1 the tagged `OK`), or -1.
   */
  private scan(side: Side, bytes: Uint8Array, from: number): number {
    const d = this.dirs[side]
    const isServer = side === this.serverSide
    if (this.protocol === null) return -1
    if (isServer && this.awaiting === null) {
      // Not read, but where the next line starts is kept, for when a STARTTLS answer is awaited.
      if (bytes.length > from) d.line = bytes[bytes.length - 1] === 10 ? '' : null
      d.lineLen = 0
      return -1
    }
    let pos = from
    while (pos < bytes.length) {
      const lf = bytes.indexOf(10, pos)
      const stop = lf < 0 ? bytes.length : lf + 1
      d.lineLen += stop - pos
      if (d.line !== null) d.line = d.lineLen > COMMAND_PREFIX ? null : d.line + latin1([bytes.subarray(pos, stop)], stop - pos)
      if (lf < 0) return -1
      const line = d.line
      d.line = ''
      d.lineLen = 0
      pos = stop
      if (line === null) continue
      if (!isServer) this.clientLine(line.replace(/\r?\n$/, ''))
      else if (this.serverLine(line.replace(/\r?\n$/, ''))) return stop
    }
    return -1
  }

  private clientLine(line: string): void {
    if (this.protocol === 'smtp' && /^STARTTLS *$/i.test(line)) this.awaiting = 'smtp'
    else if (this.protocol === 'pop3' && /^STLS *$/i.test(line)) this.awaiting = 'pop3'
    else if (this.protocol === 'imap') {
      const m = /^(\S+) STARTTLS *$/i.exec(line)
      if (m) {
        this.awaiting = 'imap'
        this.tag = m[1]!
      }
    }
  }

  /** True when this line makes the rest of the connection TLS. */
  private serverLine(line: string): boolean {
    let yes: boolean
    switch (this.awaiting) {
      case 'smtp': {
        // A multi-line reply ends at the line with a space after the code (RFC 5321 §4.2.1).
        if (/^\d{3}-/.test(line)) return false
        yes = line.startsWith('220')
        break
      }
      case 'pop3':
        yes = line.startsWith('+OK')
        break
      case 'imap': {
        if (!line.startsWith(`${this.tag} `)) return false
        yes = /^OK\b/i.test(line.slice(this.tag.length + 1))
        break
      }
      default:
        return false
    }
    this.awaiting = null
    return yes
  }

  private openChunk(side: Side, time: number, rel: number, ack: number | undefined, flags: number): Open {
    if (this.open && this.open.side === side && (this.open.tls !== null) === this.dirs[side].tls) return this.open
    this.flush()
    this.open = { side, time, seq: rel, ack, flags, parts: [], size: 0, len: 0, missing: null, tls: this.dirs[side].tls ? [] : null, partial: false }
    return this.open
  }

  private append(side: Side, bytes: Uint8Array, missing: number, time: number, rel: number, ack: number | undefined, flags: number): void {
    if (bytes.length === 0 && missing === 0) return
    const o = this.openChunk(side, time, rel, ack, flags)
    if (bytes.length > 0) {
      o.parts.push(bytes)
      o.size += bytes.length
    }
    if (missing > 0) {
      ;(o.missing ??= []).push([o.size, missing])
      o.partial = true
      // A hole in a line: that line cannot be read for STARTTLS.
      this.dirs[side].line = null
    }
    o.len += bytes.length + missing
  }

  /** TLS records (RFC 8446 §5.1): a 5-octet header (type, version, length) then the body; headers may span segments. */
  private appendTls(side: Side, bytes: Uint8Array, missing: number, time: number, rel: number, ack: number | undefined, flags: number): void {
    if (bytes.length === 0 && missing === 0) return
    const d = this.dirs[side]
    const o = this.openChunk(side, time, rel, ack, flags)
    o.len += bytes.length + missing
    const records = o.tls!
    let i = 0
    while (i < bytes.length && !d.tlsLost) {
      if (d.tlsBody > 0) {
        const take = Math.min(d.tlsBody, bytes.length - i)
        d.tlsBody -= take
        i += take
        continue
      }
      const b = bytes[i++]!
      // Content types 20–24 (RFC 8446 §5.1, heartbeat RFC 6520), major version 3: anything else is not a record header.
      if ((d.tlsHdr === 0 && (b < 20 || b > 24)) || (d.tlsHdr === 1 && b !== 3)) d.tlsLost = true
      else if (d.tlsHdr === 3) d.tlsLen = b << 8
      else if (d.tlsHdr === 4) d.tlsLen |= b
      if (++d.tlsHdr === 5) {
        records.push(5 + d.tlsLen)
        d.tlsBody = d.tlsLen
        d.tlsHdr = 0
      }
    }
    if (missing > 0) {
      ;(o.missing ??= []).push([0, missing])
      o.partial = true
      // A hole inside a record's body keeps the count; one over a header loses the boundaries from there on.
      if (d.tlsHdr === 0 && d.tlsBody >= missing) d.tlsBody -= missing
      else d.tlsLost = true
    }
    if (d.tlsLost) o.partial = true
  }

  private flush(): void {
    const o = this.open
    if (!o) return
    this.open = null
    const c: Draft = {
      side: o.side,
      from: 'client',
      time: o.time,
      data: o.tls ? '' : latin1(o.parts, o.size),
      flags: flagList(o.flags),
      seq: o.seq,
      len: o.len,
    }
    if (o.ack !== undefined) c.ack = o.ack
    if (o.partial) c.partial = true
    if (o.tls) c.tlsRecords = o.tls
    if (o.missing) c.missing = o.missing
    this.chunks.push(c)
  }

  private control(side: Side, time: number, flags: number, rel: number, ack: number | undefined): void {
    this.flush()
    const c: Draft = { side, from: 'client', time, data: '', flags: flagList(flags), seq: rel, len: 0 }
    if (ack !== undefined) c.ack = ack
    this.chunks.push(c)
  }

  finish(): ImportedConnection {
    for (const side of [0, 1] as const) {
      const d = this.dirs[side]
      while (d.pending.length > 0) this.gap(side, d.pending[0]!.rel, d.pending[0]!.time)
      if (d.finRel >= 0 && !d.finDone) {
        if (d.next < d.finRel) this.gap(side, d.finRel, d.finTime)
        this.checkFin(side)
      }
    }
    this.flush()
    // No SYN, no mail port, no greeting: the side on the lower port is the server (services listen on low ports).
    const server: Side = this.serverSide !== -1 ? this.serverSide : this.ends[0].port < this.ends[1].port ? 0 : 1
    const chunks: Chunk[] = this.chunks.map(({ side, ...c }) => ({ ...c, from: side === server ? 'server' : 'client' }))
    let protocol: ImportProtocol = this.protocol ?? 'unknown'
    let note = this.note
    if (protocol === 'unknown' && !note) note = this.octets === 0 ? NOT_MAIL.noData : NOT_MAIL.noGreeting
    if (!this.keep) protocol = 'unknown'
    const out: {
      -readonly [K in keyof ImportedConnection]: ImportedConnection[K]
    } = { client: this.ends[server === 0 ? 1 : 0], server: this.ends[server], protocol, octets: this.octets, chunks }
    if (!this.dirs[0].syn && !this.dirs[1].syn) out.midstream = true
    if (note) {
      out.note = note[0]
      out.noteJa = note[1]
    }
    if (this.overlap > 0) out.overlapOctets = this.overlap
    return out
  }
}

/** Every TCP connection of a capture, in the order their first packet appears. */
export class Tracker {
  private readonly live = new Map<string, Connection>()
  private readonly all: Connection[] = []

  constructor(
    private readonly view: DataView,
    private readonly bytes: Uint8Array,
  ) {}

  segment(seg: Segment, time: number): void {
    const a = endpointKey(this.view, seg, 'src')
    const b = endpointKey(this.view, seg, 'dst')
    const key = a < b ? `${a}|${b}` : `${b}|${a}`
    let c = this.live.get(key)
    if (c && seg.flags & SYN && !(seg.flags & ACK) && c.isNew(a, seg.seq)) c = undefined
    if (!c) {
      c = new Connection(this.view, seg)
      this.live.set(key, c)
      this.all.push(c)
    }
    c.segment(a === c.keys[0] ? 0 : 1, seg, this.bytes, time)
  }

  finish(): ImportedConnection[] {
    return this.all.map((c) => c.finish())
  }
}
