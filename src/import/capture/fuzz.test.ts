// Hostile files: random bytes and mutated real captures (flipped octets, truncations, lengths pointing past the
// end, spliced garbage) must end in a result or an ImportError, never another throw and never a hang.
// 10,400 cases in all, split so that each test stays well under the timeout on a busy 2-core machine.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ImportError } from '../types'
import { readCapture } from './index'
import { concat, dialogue, epb, frames, idb, pcap, shb, type Bytes } from './testing'

const DIR = join(__dirname, '../../../fixtures/real-sessions/pcap')
const REAL: Bytes[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.pcap'))
  .map((f) => new Uint8Array(readFileSync(join(DIR, f))))
// A pcapng built from a real capture's packets, so that pcapng's block lengths get mutated too.
const NG: Bytes = (() => {
  const segs = dialogue({
    writes: [
      { from: 'server', data: '220 mx\r\n' },
      { from: 'client', data: 'STARTTLS\r\n' },
      { from: 'server', data: '220 go\r\n' },
    ],
    close: true,
  })
  return concat(shb(true), idb(true, 1, { tsresol: 9 }), idb(true, 101), ...frames(segs).map((p, i) => epb(true, 0, i * 1000, p.frame)))
})()
const SEEDS = [...REAL, NG]

/** Reads; returns 'ok' or 'error'; anything else thrown fails the property. Also checks it is quick. */
function survives(bytes: Bytes): boolean {
  const t = performance.now()
  try {
    readCapture(bytes)
  } catch (e) {
    if (!(e instanceof ImportError)) throw e
    expect(e.en.length).toBeGreaterThan(0)
    expect(e.ja.length).toBeGreaterThan(0)
  }
  // Small inputs: a hang or a quadratic blow-up shows as more than a second.
  expect(performance.now() - t).toBeLessThan(1000)
  return true
}

type Mutation = { kind: 'flip'; at: number; value: number } | { kind: 'cut'; at: number } | { kind: 'len'; at: number; value: number }
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  // A 32-bit length field somewhere: past the end, zero, odd, huge.
  fc.record({
    kind: fc.constant('len' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constant(0), fc.constant(0xffffffff), fc.integer({ min: 0, max: 1 << 20 })),
  }),
)

function mutate(seed: Bytes, ms: readonly Mutation[]): Bytes {
  let b = seed.slice()
  for (const m of ms) {
    if (b.length === 0) break
    const at = m.at % b.length
    if (m.kind === 'flip') b[at] = m.value
    else if (m.kind === 'cut') b = b.slice(0, at)
    else if (at + 4 <= b.length) new DataView(b.buffer, b.byteOffset).setUint32(at & ~3, m.value, true)
  }
  return b
}

describe('fuzz: the capture reader throws nothing but ImportError', () => {
  test('random bytes (2,000 cases)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), survives), { numRuns: 2000 })
  })

  test('random bytes behind a valid pcap or pcapng header (2,000 cases)', () => {
    const heads = [
      pcap([]),
      pcap([], { bigEndian: true, nanos: true }),
      pcap([], { link: 0 }),
      pcap([], { link: 113 }),
      pcap([], { link: 276 }),
      concat(shb(true), idb(true, 1)),
    ]
    fc.assert(
      fc.property(fc.nat(heads.length - 1), fc.uint8Array({ maxLength: 3000 }), (h, tail) => survives(concat(heads[h]!, tail))),
      { numRuns: 2000 },
    )
  })

  test('mutated real captures, by octet flips, cuts and length fields (3,200 cases)', () => {
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), (s, ms) => survives(mutate(SEEDS[s]!, ms))),
      { numRuns: 3200 },
    )
  })

  test('real packets framed by random link types, reordered and duplicated (1,600 cases)', () => {
    const packets = (() => {
      const out: Bytes[] = []
      const b = REAL[0]!
      for (let pos = 24; pos + 16 <= b.length;) {
        const len = new DataView(b.buffer, b.byteOffset + pos + 8, 4).getUint32(0, true)
        out.push(b.subarray(pos + 16, pos + 16 + len))
        pos += 16 + len
      }
      return out
    })()
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 12, 14, 101, 108, 113, 228, 229, 276),
        fc.array(fc.nat(packets.length - 1), { maxLength: 60 }),
        fc.nat(80),
        (link, order, strip) =>
          survives(
            pcap(
              order.map((i) => ({ frame: packets[i]!.subarray(Math.min(strip, packets[i]!.length)) })),
              { link },
            ),
          ),
      ),
      { numRuns: 1600 },
    )
  })

  test('segments with random sequence numbers, flags and snaplen cuts (1,600 cases)', () => {
    const base = dialogue({
      writes: [
        { from: 'server', data: '220 mx\r\n' },
        { from: 'client', data: 'STARTTLS\r\n' },
        { from: 'server', data: '220 go\r\n' },
        { from: 'client', data: '\x16\x03\x01\x00\x05hello' },
      ],
      mss: 4,
    })
    fc.assert(
      fc.property(
        fc.array(fc.record({ i: fc.nat(base.length - 1), seq: fc.integer(), ack: fc.integer(), flags: fc.integer({ min: 0, max: 63 }), cut: fc.nat(70) }), {
          maxLength: 40,
        }),
        (edits) => {
          const segs = edits.map((e) => ({ ...base[e.i]!, seq: e.seq >>> 0, ack: e.ack >>> 0, flags: e.flags }))
          const pkts = frames(segs).map((p, k) => ({ ...p, frame: p.frame.subarray(0, Math.max(14, p.frame.length - edits[k]!.cut)), origLen: p.frame.length }))
          return survives(pcap(pkts))
        },
      ),
      { numRuns: 1600 },
    )
  })
})
