// Containers: pcap (µs, ns, both byte orders, the modified variant) and pcapng (SHB byte order per section,
// IDB if_tsresol per interface, EPB, SPB, PB, unknown blocks), and every way a file can be unreadable.
// The captures are built from bytes (./testing.ts says how they differ from real ones).

import { describe, expect, test } from 'vitest'
import { ImportError, type ImportResult } from '../types'
import { looksLikeCapture, readCapture } from './index'
import { ascii, block, concat, dialogue, epb, frames, idb, num, pb, pcap, shb, spb, type Bytes } from './testing'

const HELLO = dialogue({ writes: [{ from: 'server', data: '220 mx.example ESMTP\r\n' }], close: true })
const PACKETS = frames(HELLO)

/** The one connection's greeting and its time, which every container variant must deliver alike. */
function greetingOf(r: ImportResult) {
  expect(r.connections).toHaveLength(1)
  const c = r.connections[0]!
  const g = c.chunks.find((k) => k.data !== '')
  return { protocol: c.protocol, data: g?.data, time: g?.time, packets: r.packets }
}

function errorOf(bytes: Bytes): ImportError {
  try {
    readCapture(bytes)
  } catch (e) {
    if (e instanceof ImportError) return e
    throw e
  }
  throw new Error('no error')
}

describe('pcap', () => {
  // The greeting is the 4th packet, 30 ms after the first.
  const expected = { protocol: 'smtp', data: '220 mx.example ESMTP\r\n', packets: PACKETS.length }

  test.each([
    ['microseconds, little-endian (0xa1b2c3d4 as written on x86)', {}],
    ['microseconds, big-endian', { bigEndian: true }],
    ['nanoseconds, little-endian (0xa1b23c4d)', { nanos: true }],
    ['nanoseconds, big-endian', { nanos: true, bigEndian: true }],
  ])('%s', (_, o) => {
    const g = greetingOf(readCapture(pcap(PACKETS, o)))
    expect(g).toMatchObject(expected)
    expect(g.time).toBeCloseTo(0.03, 6)
  })

  test('nanosecond timestamps keep their nanoseconds (seconds and fraction are subtracted apart)', () => {
    const p = PACKETS.map((x, i) => ({ ...x, ts: [1_700_000_000, 999_999_990 + i * 7] as const }))
    const times = readCapture(pcap(p, { nanos: true })).connections[0]!.chunks.map((k) => k.time)
    expect(times[3]).toBeCloseTo(21e-9, 12)
  })

  test('the modified pcap variant (0xa1b2cd34, 24-octet record headers) is read too', () => {
    const file = pcap(PACKETS)
    const head = concat(num(true, [0xa1b2cd34, 4]), file.subarray(4, 24))
    const recs: Bytes[] = []
    for (let pos = 24; pos < file.length;) {
      const len = new DataView(file.buffer, pos + 8, 4).getUint32(0, true)
      recs.push(file.subarray(pos, pos + 16), new Uint8Array(8), file.subarray(pos + 16, pos + 16 + len))
      pos += 16 + len
    }
    expect(greetingOf(readCapture(concat(head, ...recs)))).toMatchObject(expected)
  })

  test('a header only: a capture with no packets and no connections', () => {
    expect(readCapture(pcap([]))).toEqual({ source: 'pcap', connections: [], packets: 0, skipped: 0 })
  })

  test('the link type field keeps its FCS bits out of the link type', () => {
    const file = pcap(PACKETS, { link: 1 | (0x1 << 28) })
    expect(greetingOf(readCapture(file)).data).toBe(expected.data)
  })
})

describe('pcapng', () => {
  const frame = (i: number) => PACKETS[i]!.frame

  test.each([
    ['little-endian', true],
    ['big-endian', false],
  ])('SHB, IDB, EPB in a %s section', (_, le) => {
    const file = concat(shb(le), idb(le, 1), ...PACKETS.map((p, i) => epb(le, 0, 1_700_000_000_000_000 + i * 10_000, p.frame)))
    const r = readCapture(file)
    expect(r.source).toBe('pcapng')
    expect(greetingOf(r)).toMatchObject({ protocol: 'smtp', data: '220 mx.example ESMTP\r\n', packets: PACKETS.length })
    expect(greetingOf(r).time).toBeCloseTo(0.03, 6)
  })

  test('if_tsresol per interface: a power of 10 (ns) on one, a power of 2 on the other, both on one clock', () => {
    const le = true
    // Packet i at 1.0 + i/100 s: interface 0 counts nanoseconds (tsresol 9), interface 1 counts 2^-20 s (0x80 | 20).
    const blocks = PACKETS.map((p, i) => {
      const t = 1 + i / 100
      return i % 2 === 0 ? epb(le, 0, Math.round(t * 1e9), p.frame) : epb(le, 1, Math.round(t * 2 ** 20), p.frame)
    })
    const r = readCapture(concat(shb(le), idb(le, 1, { tsresol: 9 }), idb(le, 1, { tsresol: 0x80 | 20 }), ...blocks))
    const times = r.connections[0]!.chunks.map((k) => k.time)
    const expectedTimes = [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06]
    for (const [i, t] of times.entries()) expect(t).toBeCloseTo(expectedTimes[i]!, 6)
  })

  test('several interfaces of different link types: each packet is decoded by its own', () => {
    const le = true
    const raw = (i: number) => frame(i).subarray(14) // the IPv4 packet without its Ethernet header
    const blocks = PACKETS.map((_, i) => (i % 2 === 0 ? epb(le, 0, i, frame(i)) : epb(le, 1, i, raw(i))))
    const r = readCapture(concat(shb(le), idb(le, 1), idb(le, 101), ...blocks))
    expect(r.skipped).toBe(0)
    expect(greetingOf(r).data).toBe('220 mx.example ESMTP\r\n')
  })

  test('a second section in the other byte order forgets the first section’s interfaces', () => {
    const first = concat(shb(true), idb(true, 1), ...PACKETS.slice(0, 3).map((p, i) => epb(true, 0, i, p.frame)))
    const second = concat(shb(false), idb(false, 1), ...PACKETS.slice(3).map((p, i) => epb(false, 0, 3 + i, p.frame)))
    const r = readCapture(concat(first, second))
    expect(r.packets).toBe(PACKETS.length)
    expect(greetingOf(r).data).toBe('220 mx.example ESMTP\r\n')
    // An EPB naming interface 1, which the second section never declared: counted as skipped, not fatal.
    const orphan = readCapture(concat(first, shb(false), idb(false, 1), epb(false, 1, 0, frame(3))))
    expect(orphan.skipped).toBe(1)
  })

  test('SPB: no timestamp, and the data is cut to the snaplen of interface 0', () => {
    const le = true
    const greeting = frame(3)
    // snaplen = headers + 5 payload octets: "220 m" and the rest missing.
    const snap = 14 + 20 + 20 + 5
    const blocks = [...PACKETS.slice(0, 3).map((p) => spb(le, p.frame)), spb(le, greeting), ...PACKETS.slice(4).map((p) => spb(le, p.frame))]
    const r = readCapture(concat(shb(le), idb(le, 1, { snaplen: snap }), ...blocks))
    const g = r.connections[0]!.chunks.find((k) => k.len === 22)!
    expect(g.data).toBe('220 m')
    expect(g.partial).toBe(true)
    expect(g.missing).toEqual([[5, 17]])
  })

  test('the obsolete packet block (type 2) is read like an EPB', () => {
    const r = readCapture(concat(shb(true), idb(true, 1), ...PACKETS.map((p, i) => pb(true, 0, i, p.frame))))
    expect(greetingOf(r).data).toBe('220 mx.example ESMTP\r\n')
  })

  test('unknown blocks (name resolution, statistics, a custom one) are skipped by their length', () => {
    const le = true
    const nrb = block(le, 4, concat(num(le, [1, 2], [8, 2]), ascii('\x7f\0\0\x01mx\0\0'), num(le, [0, 2], [0, 2])))
    const isb = block(le, 5, concat(num(le, [0, 4], [0, 4], [0, 4])))
    const custom = block(le, 0x40000bad, ascii('anything at all'))
    const r = readCapture(concat(shb(le), nrb, idb(le, 1), custom, ...PACKETS.map((p, i) => epb(le, 0, i, p.frame)), isb))
    expect(r.packets).toBe(PACKETS.length)
    expect(greetingOf(r).data).toBe('220 mx.example ESMTP\r\n')
  })
})

describe('files that cannot be read give one sentence, in English and Japanese', () => {
  const ok = pcap(PACKETS)
  const ng = concat(shb(true), idb(true, 1), ...PACKETS.map((p, i) => epb(true, 0, i, p.frame)))
  const setU32 = (b: Bytes, at: number, v: number) => {
    const c = b.slice()
    new DataView(c.buffer).setUint32(at, v, true)
    return c
  }
  // The first EPB starts after the SHB (28) and the IDB (20).
  const EPB_AT = 28 + 20

  test.each<[string, Bytes, RegExp]>([
    ['an empty file', new Uint8Array(0), /^The file is empty\.$/],
    ['a PNG renamed .pcap', concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array(40)), /PNG image, not a capture/],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /JPEG image/],
    ['a PDF', ascii('%PDF-1.7\n'), /PDF document/],
    ['a ZIP', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), /ZIP archive/],
    ['a gzip-compressed capture', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), /gzip-compressed/],
    ['a transcript', ascii('S: 220 mx ESMTP\r\nC: QUIT\r\n'), /text file, not a capture: import it as a transcript/],
    ['garbage', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), /not a pcap or pcapng capture/],
    ['a pcap cut inside its header', ok.subarray(0, 20), /ends inside the 24-byte pcap header/],
    ['three octets of a pcap magic', ok.subarray(0, 3), /ends inside the 24-byte pcap header/],
    ['a pcap cut inside a record header', ok.subarray(0, 24 + 10), /cut short inside the header of packet 1/],
    ['a pcap record length past the end', setU32(ok, 24 + 8, 1_000_000), /length of packet 1 points past the end/],
    ['a pcap cut inside the last packet', ok.subarray(0, ok.length - 3), /length of packet 7 points past the end/],
    ['a pcapng block length past the end', setU32(ng, EPB_AT + 4, 1 << 20), /block 3 points past the end/],
    ['a pcapng block length of zero', setU32(ng, EPB_AT + 4, 0), /length of pcapng block 3 is impossible/],
    ['a pcapng block length that is no multiple of 4', setU32(ng, EPB_AT + 4, 37), /length of pcapng block 3 is impossible/],
    [
      'a pcapng block whose two lengths differ',
      setU32(ng, EPB_AT + new DataView(ng.buffer).getUint32(EPB_AT + 4, true) - 4, 0xdead),
      /two lengths of pcapng block 3 disagree/,
    ],
    ['a pcapng section header with no byte-order magic', setU32(ng, 8, 0x12345678), /no valid byte-order magic/],
    ['a pcapng packet longer than its block', setU32(ng, EPB_AT + 20, 5000), /packet in pcapng block 3 is longer than its block/],
    ['a pcapng cut inside a block', ng.subarray(0, ng.length - 2), /pcapng block \d+/],
  ])('%s', (_, bytes, en) => {
    const e = errorOf(bytes)
    expect(e.en).toMatch(en)
    // One sentence each.
    expect(e.en).toMatch(/\.$/)
    expect(e.en.slice(0, -1)).not.toMatch(/[.:] [A-Z]/)
    expect(e.ja).toMatch(/。$/)
    expect(e.ja).not.toBe(e.en)
  })

  test('a loop of zero-length blocks ends at once with an error, not a hang', () => {
    const zeros = concat(shb(true), ...Array.from({ length: 1000 }, () => num(true, [1, 4], [0, 4], [0, 4])))
    expect(errorOf(zeros).en).toMatch(/impossible/)
  })

  test('cancelling stops the reader with its own sentence; progress runs to 1', () => {
    const big = pcap(Array.from({ length: 3000 }, (_, i) => ({ frame: new Uint8Array(1000), time: i })))
    const seen: number[] = []
    const r = readCapture(big, (f) => seen.push(f))
    expect(r.skipped).toBe(3000)
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(seen.at(-1)).toBe(1)
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!)
    const signal = { cancelled: false }
    const e = (() => {
      try {
        readCapture(big, () => (signal.cancelled = true), signal)
      } catch (x) {
        return x
      }
      return null
    })()
    expect(e).toBeInstanceOf(ImportError)
    expect((e as ImportError).en).toMatch(/cancelled/)
  })
})

test('looksLikeCapture: the four pcap magics, the modified one and pcapng, and nothing else', () => {
  expect(looksLikeCapture(pcap([]))).toBe(true)
  expect(looksLikeCapture(pcap([], { bigEndian: true, nanos: true }))).toBe(true)
  expect(looksLikeCapture(concat(shb(false), idb(false, 1)))).toBe(true)
  expect(looksLikeCapture(num(true, [0xa1b2cd34, 4]))).toBe(true)
  expect(looksLikeCapture(ascii('S: 220 mx\r\n'))).toBe(false)
  expect(looksLikeCapture(ascii('Node 0: 127.0.0.1:25'))).toBe(false)
  expect(looksLikeCapture(new Uint8Array([0xd4, 0xc3, 0xb2]))).toBe(false)
})
