// Reads a pcap or pcapng capture into the TCP connections it holds (CONTRACT.md §6, src/import/README.md).
// Pure: no DOM, no React; runs in the import Web Worker (../worker.ts) and under Node.

import { ImportError, type ImportResult } from '../types'
import { isPcapng, pcapMagic, readPcap, readPcapng, type PacketSink } from './container'
import { decodePacket, newSegment } from './decode'
import { ERR } from './messages'
import { Tracker } from './tcp'

/** True when the bytes start like a pcap or pcapng file (the page sends anything else to the transcript reader). */
export function looksLikeCapture(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return pcapMagic(view) !== null || isPcapng(view)
}

/**
 * Reads the capture in one pass. `onProgress` gets the fraction read about every MB (and 1 at the end);
 * `signal.cancelled`, checked as often, stops it with an ImportError. Anything unreadable throws an ImportError
 * with one sentence in English and Japanese; packets that are not TCP over IP are counted in `skipped`.
 */
export function readCapture(bytes: Uint8Array, onProgress?: (fraction: number) => void, signal?: { cancelled: boolean }): ImportResult {
  if (bytes.length === 0) throw new ImportError(...ERR.empty)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tracker = new Tracker(view, bytes)
  const seg = newSegment()
  let skipped = 0
  const sink: PacketSink = (link, off, capLen, origLen, time) => {
    if (decodePacket(view, bytes, link, off, capLen, origLen, seg)) tracker.segment(seg, time)
    else skipped++
  }
  const pace = { onProgress, signal }
  const magic = pcapMagic(view)
  let source: ImportResult['source']
  let packets: number
  if (magic) {
    source = 'pcap'
    packets = readPcap(view, magic, sink, pace)
  } else if (isPcapng(view)) {
    source = 'pcapng'
    packets = readPcapng(view, sink, pace)
  } else throw new ImportError(...whatItIs(bytes))
  const connections = tracker.finish()
  onProgress?.(1)
  return { source, connections, packets, skipped }
}

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b)

/** Names what a file that is not a capture seems to be, by its first octets. */
function whatItIs(bytes: Uint8Array): readonly [string, string] {
  // A file shorter than a magic number that starts like one: a capture cut inside its header.
  const magics = [
    [0xd4, 0xc3, 0xb2, 0xa1],
    [0xa1, 0xb2, 0xc3, 0xd4],
    [0x4d, 0x3c, 0xb2, 0xa1],
    [0xa1, 0xb2, 0x3c, 0x4d],
    [0x0a, 0x0d, 0x0d, 0x0a],
  ]
  if (bytes.length < 4 && magics.some((m) => startsWith(bytes, m.slice(0, bytes.length)))) return ERR.pcapHeader
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return ERR.png
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ERR.jpeg
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return ERR.pdf
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return ERR.zip
  if (startsWith(bytes, [0x1f, 0x8b])) return ERR.gzip
  if (looksLikeText(bytes)) return ERR.text
  return ERR.notCapture
}

/** No NUL and no control octets but tab, LF, FF, CR and ESC in the first 4 KB (UTF-8 octets ≥ 0x80 allowed). */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096)
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) return false
    if (b === 0x7f) return false
  }
  return true
}
