// The two capture containers: pcap (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html) and pcapng
// (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html). Each walks the file once and hands every
// packet to `sink` as offsets into the file's bytes; a header or length that does not fit throws an ImportError.

import { ImportError } from '../types'
import { ERR } from './messages'

/** One packet: its link type, where its bytes are, and its time in seconds since the first packet. */
export type PacketSink = (link: number, off: number, capLen: number, origLen: number, time: number) => void

/** Progress and cancelling, checked about every `PROGRESS_STEP` octets. */
export interface Pace {
  onProgress?: ((fraction: number) => void) | undefined
  signal?: { readonly cancelled: boolean } | undefined
}

const PROGRESS_STEP = 1 << 20

/** Calls onProgress each time another MB has been read, and stops when the caller has cancelled. */
function pacer(total: number, pace: Pace): (pos: number) => void {
  let next = PROGRESS_STEP
  return (pos) => {
    if (pos < next) return
    next = pos + PROGRESS_STEP
    if (pace.signal?.cancelled) throw new ImportError(...ERR.cancelled)
    pace.onProgress?.(pos / total)
  }
}

export type PcapMagic = { littleEndian: boolean; fracPerSecond: number; recordHeader: number }

/** The pcap magic numbers, read little-endian: µs and ns resolution, and the "modified" (Kuznetzov) variant. */
export function pcapMagic(view: DataView): PcapMagic | null {
  if (view.byteLength < 4) return null
  switch (view.getUint32(0, true)) {
    case 0xa1b2c3d4:
      return { littleEndian: true, fracPerSecond: 1e6, recordHeader: 16 }
    case 0xd4c3b2a1:
      return { littleEndian: false, fracPerSecond: 1e6, recordHeader: 16 }
    case 0xa1b23c4d:
      return { littleEndian: true, fracPerSecond: 1e9, recordHeader: 16 }
    case 0x4d3cb2a1:
      return { littleEndian: false, fracPerSecond: 1e9, recordHeader: 16 }
    case 0xa1b2cd34:
      return { littleEndian: true, fracPerSecond: 1e6, recordHeader: 24 }
    case 0x34cdb2a1:
      return { littleEndian: false, fracPerSecond: 1e6, recordHeader: 24 }
    default:
      return null
  }
}

/** pcap: a 24-octet file header, then records of (seconds, fraction, captured length, original length, data). */
export function readPcap(view: DataView, magic: PcapMagic, sink: PacketSink, pace: Pace): number {
  const size = view.byteLength
  if (size < 24) throw new ImportError(...ERR.pcapHeader)
  const le = magic.littleEndian
  // The low 16 bits are the link type; the top bits may say how long a frame check sequence is.
  const link = view.getUint32(20, le) & 0xffff
  const progress = pacer(size, pace)
  let pos = 24
  let n = 0
  let sec0 = 0
  let frac0 = 0
  while (pos < size) {
    progress(pos)
    if (pos + magic.recordHeader > size) throw new ImportError(...ERR.cutShort(n + 1))
    const sec = view.getUint32(pos, le)
    const frac = view.getUint32(pos + 4, le)
    const capLen = view.getUint32(pos + 8, le)
    const origLen = Math.max(capLen, view.getUint32(pos + 12, le))
    const data = pos + magic.recordHeader
    if (capLen > size - data) throw new ImportError(...ERR.pastEnd(n + 1))
    if (n === 0) {
      sec0 = sec
      frac0 = frac
    }
    // Seconds and fractions apart, so that nanoseconds survive the subtraction.
    sink(link, data, capLen, origLen, sec - sec0 + (frac - frac0) / magic.fracPerSecond)
    n++
    pos = data + capLen
  }
  return n
}

const SHB = 0x0a0d0d0a
const BYTE_ORDER_MAGIC = 0x1a2b3c4d
const IDB = 1
const PB = 2 // obsolete Packet Block
const SPB = 3
const EPB = 6

interface Interface {
  link: number
  snaplen: number
  /** Timestamp units per second: 10^n or 2^n from if_tsresol (default 10^6). */
  units: number
  /** if_tsoffset: seconds added to every timestamp. */
  offset: number
}

/**
 * pcapng: blocks of (type, total length, body, total length). Every section header sets the byte order of its
 * section and forgets the interfaces before it. Blocks other than SHB, IDB, EPB, SPB and PB are skipped by their length.
 */
export function readPcapng(view: DataView, sink: PacketSink, pace: Pace): number {
  const size = view.byteLength
  const progress = pacer(size, pace)
  let le = true
  let interfaces: Interface[] = []
  let pos = 0
  let n = 0
  let block = 0
  let t0 = Number.NaN
  let lastTime = 0
  const emit = (ifc: Interface | undefined, off: number, capLen: number, origLen: number, absolute: number | null) => {
    let time = lastTime
    if (absolute !== null) {
      if (Number.isNaN(t0)) t0 = absolute
      time = absolute - t0
      lastTime = time
    } else if (Number.isNaN(t0)) t0 = 0
    // A packet whose interface no IDB declared has no link type: 0xffffffff is none, so it is counted as skipped.
    sink(ifc ? ifc.link : 0xffffffff, off, capLen, origLen, time)
    n++
  }
  while (pos < size) {
    progress(pos)
    block++
    if (size - pos < 12) throw new ImportError(...ERR.blockCut(block))
    const type = view.getUint32(pos, le)
    if (type === SHB) {
      if (size - pos < 28) throw new ImportError(...ERR.blockCut(block))
      const bom = view.getUint32(pos + 8, true)
      if (bom === BYTE_ORDER_MAGIC) le = true
      else if (bom === 0x4d3c2b1a) le = false
      else throw new ImportError(...ERR.byteOrder)
      interfaces = []
    } else if (pos === 0) throw new ImportError(...ERR.notCapture)
    const len = view.getUint32(pos + 4, le)
    if (len < 12 || len % 4 !== 0) throw new ImportError(...ERR.blockLength(block))
    if (len > size - pos) throw new ImportError(...ERR.blockPastEnd(block))
    if (view.getUint32(pos + len - 4, le) !== len) throw new ImportError(...ERR.blockTrailer(block))
    const body = pos + 8
    const bodyEnd = pos + len - 4
    switch (type) {
      case IDB: {
        if (len < 20) throw new ImportError(...ERR.blockLength(block))
        const ifc: Interface = { link: view.getUint16(body, le), snaplen: view.getUint32(body + 4, le), units: 1e6, offset: 0 }
        readOptions(view, body + 8, bodyEnd, le, (code, at, optLen) => {
          if (code === 9 && optLen >= 1) {
            // if_tsresol: the top bit says a power of 2, else a power of 10 (pcapng §4.2).
            const r = view.getUint8(at)
            ifc.units = r & 0x80 ? 2 ** (r & 0x7f) : 10 ** r
          } else if (code === 14 && optLen >= 8) {
            ifc.offset = view.getInt32(le ? at + 4 : at, le) * 4294967296 + view.getUint32(le ? at : at + 4, le)
          }
        })
        interfaces.push(ifc)
        break
      }
      case EPB: {
        if (len < 32) throw new ImportError(...ERR.blockLength(block))
        const ifc = interfaces[view.getUint32(body, le)]
        const capLen = view.getUint32(body + 12, le)
        const origLen = Math.max(capLen, view.getUint32(body + 16, le))
        if (capLen > bodyEnd - (body + 20)) throw new ImportError(...ERR.blockPacket(block))
        emit(ifc, body + 20, capLen, origLen, ifc ? timestamp(view, body + 4, le, ifc) : null)
        break
      }
      case SPB: {
        // No timestamp and no captured length: the packet is the original length cut to the snaplen of interface 0.
        if (len < 16) throw new ImportError(...ERR.blockLength(block))
        const ifc = interfaces[0]
        const origLen = view.getUint32(body, le)
        let capLen = Math.min(origLen, bodyEnd - (body + 4))
        if (ifc && ifc.snaplen > 0) capLen = Math.min(capLen, ifc.snaplen)
        emit(ifc, body + 4, capLen, origLen, null)
        break
      }
      case PB: {
        if (len < 32) throw new ImportError(...ERR.blockLength(block))
        const ifc = interfaces[view.getUint16(body, le)]
        const capLen = view.getUint32(body + 12, le)
        const origLen = Math.max(capLen, view.getUint32(body + 16, le))
        if (capLen > bodyEnd - (body + 20)) throw new ImportError(...ERR.blockPacket(block))
        emit(ifc, body + 20, capLen, origLen, ifc ? timestamp(view, body + 4, le, ifc) : null)
        break
      }
      default:
        break
    }
    pos += len
  }
  return n
}

/** A 64-bit timestamp (high word first) in the interface's units, as seconds. */
function timestamp(view: DataView, at: number, le: boolean, ifc: Interface): number {
  const high = view.getUint32(at, le)
  const low = view.getUint32(at + 4, le)
  return (high * 4294967296) / ifc.units + low / ifc.units + ifc.offset
}

/** Options: (code, length, value padded to 4) until opt_endofopt or the end of the block. */
function readOptions(view: DataView, pos: number, end: number, le: boolean, each: (code: number, at: number, len: number) => void): void {
  while (pos + 4 <= end) {
    const code = view.getUint16(pos, le)
    const len = view.getUint16(pos + 2, le)
    if (code === 0 || pos + 4 + len > end) return
    each(code, pos + 4, len)
    pos += 4 + ((len + 3) & ~3)
  }
}

/** The first block of a pcapng file: the section header's type, which reads the same in both byte orders. */
export const isPcapng = (view: DataView) => view.byteLength >= 4 && view.getUint32(0, true) === SHB
