// DNS messages as they cross UDP 53 (RFC 1035 §4.1), and short text for an arrow label.
import { parseIPv4, parseIPv6 } from './ip'
import type { DnsAnswer, DnsQuestion, Rcode, ResourceRecord, RRType } from './zone'
import { normalizeName } from './zone'

/** TYPE values (RFC 1035 §3.2.2; AAAA RFC 3596 §2.1). */
export const RR_TYPE_CODES = { A: 1, PTR: 12, MX: 15, TXT: 16, AAAA: 28 } as const satisfies Record<RRType, number>
/** RCODE values (RFC 1035 §4.1.1). */
export const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const satisfies Record<Rcode, number>
const CLASS_IN = 1
const DEFAULT_TTL = 3600

class Writer {
  private bytes: number[] = []
  /** Suffix (lower case) → offset, for name compression (RFC 1035 §4.1.4). */
  private names = new Map<string, number>()
  get length(): number {
    return this.bytes.length
  }
  u8(n: number): void {
    this.bytes.push(n & 0xff)
  }
  u16(n: number): void {
    this.bytes.push((n >> 8) & 0xff, n & 0xff)
  }
  u32(n: number): void {
    this.u16(Math.floor(n / 0x10000) & 0xffff)
    this.u16(n & 0xffff)
  }
  raw(b: ArrayLike<number>): void {
    for (let i = 0; i < b.length; i++) this.bytes.push((b[i] ?? 0) & 0xff)
  }
  setU16(at: number, n: number): void {
    this.bytes[at] = (n >> 8) & 0xff
    this.bytes[at + 1] = n & 0xff
  }
  /** A domain name: labels of at most 63 octets, then a pointer to a suffix already written, or the root (RFC 1035 §3.1, §4.1.4). */
  name(name: string): void {
    const enc = new TextEncoder()
    const labels = normalizeName(name)
      .split('.')
      .filter((l) => l !== '')
      .map((l) => enc.encode(l).slice(0, 63))
    for (let i = 0; i < labels.length; i++) {
      const key = labels
        .slice(i)
        .map((l) => [...l].join(','))
        .join('.')
      const at = this.names.get(key)
      if (at !== undefined) {
        this.u16(0xc000 | at)
        return
      }
      if (this.length < 0x3fff) this.names.set(key, this.length)
      const label = labels[i] ?? new Uint8Array()
      this.u8(label.length)
      this.raw(label)
    }
    this.u8(0)
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

function header(w: Writer, id: number, flags: number, qd: number, an: number): void {
  w.u16(id & 0xffff)
  w.u16(flags)
  w.u16(qd)
  w.u16(an)
  w.u16(0) // NSCOUNT
  w.u16(0) // ARCOUNT
}

function question(w: Writer, q: DnsQuestion): void {
  w.name(q.name)
  w.u16(RR_TYPE_CODES[q.type] ?? 0)
  w.u16(CLASS_IN)
}

/** TXT RDATA: one or more <character-string>s of at most 255 octets (RFC 1035 §3.3.14). */
function txtStrings(text: string): Uint8Array[] {
  const all = new TextEncoder().encode(text)
  const out: Uint8Array[] = []
  for (let i = 0; i < all.length; i += 255) out.push(all.slice(i, i + 255))
  return out.length > 0 ? out : [new Uint8Array()]
}

function record(w: Writer, rr: ResourceRecord): void {
  w.name(rr.name)
  w.u16(RR_TYPE_CODES[rr.type] ?? 0)
  w.u16(CLASS_IN)
  const ttl = Number.isFinite(rr.ttl) && (rr.ttl ?? 0) >= 0 ? Math.min(Math.floor(rr.ttl ?? 0), 0x7fffffff) : DEFAULT_TTL
  w.u32(ttl)
  const lengthAt = w.length
  w.u16(0) // RDLENGTH, filled in below
  const start = w.length
  switch (rr.type) {
    case 'A':
      w.raw(parseIPv4(rr.address) ?? new Uint8Array(4))
      break
    case 'AAAA':
      w.raw(parseIPv6(rr.address) ?? new Uint8Array(16))
      break
    case 'MX':
      w.u16(Math.max(0, Math.min(0xffff, Math.floor(Number(rr.preference) || 0))))
      w.name(rr.exchange)
      break
    case 'TXT':
      for (const s of txtStrings(String(rr.text ?? ''))) {
        w.u8(s.length)
        w.raw(s)
      }
      break
    case 'PTR':
      w.name(rr.target)
      break
  }
  w.setU16(lengthAt, w.length - start)
}

/** A recursive query: QR=0, opcode QUERY, RD=1, one question (RFC 1035 §4.1.1, §4.1.2). */
export function queryMessage(id: number, q: DnsQuestion): Uint8Array {
  const w = new Writer()
  header(w, id, 0x0100, 1, 0)
  question(w, q)
  return w.done()
}

/**
 * The response: QR=1, AA (the lab's server is authoritative for its zone unless told otherwise), RD copied from the
 * query, RA=1, the RCODE, the question again and the answers, names compressed with pointers (RFC 1035 §4.1.1, §4.1.4).
 */
export function responseMessage(id: number, a: DnsAnswer, options: { authoritative?: boolean } = {}): Uint8Array {
  const aa = options.authoritative ?? true
  const flags = 0x8000 | (aa ? 0x0400 : 0) | 0x0100 | 0x0080 | (RCODES[a.rcode] ?? 2)
  const w = new Writer()
  header(w, id, flags, 1, a.answers.length)
  question(w, a.question)
  for (const rr of a.answers) record(w, rr)
  return w.done()
}

/** `MX? example.net` */
export function questionText(q: DnsQuestion): string {
  return `${q.type}? ${normalizeName(q.name)}`
}

/** One short line per answer (`MX 10 mx.example.net`, `A 192.0.2.1`, `TXT "v=spf1 -all"`), or the negative answer. */
export function answerLines(a: DnsAnswer): string[] {
  if (a.rcode !== 'NOERROR') return [a.rcode]
  if (a.answers.length === 0) return ['NOERROR (NODATA)']
  return a.answers.map((rr) => {
    switch (rr.type) {
      case 'MX':
        return `MX ${rr.preference} ${normalizeName(rr.exchange) || '.'}`
      case 'A':
      case 'AAAA':
        return `${rr.type} ${rr.address}`
      case 'TXT':
        return `TXT "${rr.text}"`
      case 'PTR':
        return `PTR ${normalizeName(rr.target)}`
    }
    return String((rr as { type: unknown }).type)
  })
}
