// Link layer → IPv4/IPv6 → TCP header, read in place over the capture's bytes. One scratch `Segment` is
// overwritten per packet: nothing per packet is kept. Anything that is not an unfragmented TCP segment
// returns false (the caller counts it as skipped).

/** Link types (https://www.tcpdump.org/linktypes.html) this reader decodes. */
export const LINKTYPE = {
  NULL: 0, // BSD loopback: 4-byte address family in the capturing host's byte order
  ETHERNET: 1,
  RAW_OPENBSD: 12, // DLT_RAW on some BSDs, written as 12 or 14 by old libpcap
  RAW_BSDOS: 14,
  RAW: 101,
  LOOP: 108, // OpenBSD loopback: the address family in network byte order
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const

/** One TCP segment as decoded from a packet: offsets point into the capture's bytes. */
export interface Segment {
  v6: boolean
  /** Start of the IP header (addresses are read from it when a connection is first seen). */
  ipOff: number
  srcPort: number
  dstPort: number
  seq: number
  ack: number
  /** The TCP flags octet (RFC 9293 §3.1): FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10. */
  flags: number
  payloadOff: number
  /** Payload octets present in the capture. */
  payloadCap: number
  /** Payload octets on the wire (more than payloadCap when the snaplen cut the packet). */
  payloadLen: number
}

export const newSegment = (): Segment => ({
  v6: false,
  ipOff: 0,
  srcPort: 0,
  dstPort: 0,
  seq: 0,
  ack: 0,
  flags: 0,
  payloadOff: 0,
  payloadCap: 0,
  payloadLen: 0,
})

const ETHERTYPE_IPV4 = 0x0800
const ETHERTYPE_IPV6 = 0x86dd
/** 802.1Q customer tag, 802.1ad service tag (QinQ), and the pre-standard QinQ tag. */
const isVlanTag = (t: number) => t === 0x8100 || t === 0x88a8 || t === 0x9100
/** IPv6 address families as BSD, FreeBSD and macOS number them (the NULL link type). */
const isAfInet6 = (af: number) => af === 24 || af === 28 || af === 30
const PROTO_TCP = 6

/**
 * Decodes one packet: `off` is where the link-layer header starts in `bytes`, `capLen` the octets captured,
 * `origLen` the octets on the wire. Returns true and fills `seg` for a TCP segment.
 */
export function decodePacket(view: DataView, bytes: Uint8Array, link: number, off: number, capLen: number, origLen: number, seg: Segment): boolean {
  const end = off + capLen
  let p = off
  let version: number // 4, 6, or 0 for "read the version nibble"
  switch (link) {
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP: {
      if (capLen < 4) return false
      let af = link === LINKTYPE.LOOP ? view.getUint32(p, false) : view.getUint32(p, true)
      // NULL is in the writer's host order; a value above 16 bits means the other order (as Wireshark guesses).
      if (af > 0xffff) af = view.getUint32(p, false)
      if (af === 2) version = 4
      else if (isAfInet6(af)) version = 6
      else return false
      p += 4
      break
    }
    case LINKTYPE.ETHERNET: {
      if (capLen < 14) return false
      let type = view.getUint16(p + 12, false)
      p += 14
      while (isVlanTag(type)) {
        if (p + 4 > end) return false
        type = view.getUint16(p + 2, false)
        p += 4
      }
      if (type === ETHERTYPE_IPV4) version = 4
      else if (type === ETHERTYPE_IPV6) version = 6
      else return false
      break
    }
    case LINKTYPE.RAW:
    case LINKTYPE.RAW_OPENBSD:
    case LINKTYPE.RAW_BSDOS:
      version = 0
      break
    case LINKTYPE.IPV4:
      version = 4
      break
    case LINKTYPE.IPV6:
      version = 6
      break
    case LINKTYPE.LINUX_SLL: {
      // 16 octets: packet type, ARPHRD, address length, 8 address octets, protocol (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html)
      if (capLen < 16) return false
      const type = view.getUint16(p + 14, false)
      p += 16
      if (type === ETHERTYPE_IPV4) version = 4
      else if (type === ETHERTYPE_IPV6) version = 6
      else return false
      break
    }
    case LINKTYPE.LINUX_SLL2: {
      // 20 octets, protocol first (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html)
      if (capLen < 20) return false
      const type = view.getUint16(p, false)
      p += 20
      if (type === ETHERTYPE_IPV4) version = 4
      else if (type === ETHERTYPE_IPV6) version = 6
      else return false
      break
    }
    default:
      return false
  }
  if (p >= end) return false
  const nibble = bytes[p]! >> 4
  if (version === 0) version = nibble
  if (nibble !== version) return false
  /** Octets of the IP packet on the wire (the frame's original length minus the link header). */
  const wireLeft = origLen - (p - off)
  let tcpOff: number
  let ipEnd: number
  if (version === 4) {
    // RFC 791 §3.1
    if (end - p < 20) return false
    const ihl = (bytes[p]! & 15) * 4
    if (ihl < 20 || p + ihl > end) return false
    let total = view.getUint16(p + 2, false)
    // 0 is what Linux writes for a segment handed to TCP segmentation offload: the frame says how long it is.
    if (total === 0) total = wireLeft
    if (total > wireLeft && wireLeft >= ihl) total = wireLeft
    if (total < ihl) return false
    // Fragments (MF set or an offset): counted as skipped, not reassembled.
    if ((view.getUint16(p + 6, false) & 0x3fff) !== 0) return false
    if (bytes[p + 9] !== PROTO_TCP) return false
    seg.v6 = false
    seg.ipOff = p
    tcpOff = p + ihl
    ipEnd = p + total
  } else if (version === 6) {
    // RFC 8200 §3
    if (end - p < 40) return false
    const plen = view.getUint16(p + 4, false)
    // 0: a jumbogram or an offloaded segment; the frame says how long it is.
    let total = plen === 0 ? wireLeft : 40 + plen
    if (total > wireLeft && wireLeft >= 40) total = wireLeft
    ipEnd = p + total
    const limit = Math.min(end, ipEnd)
    let next = bytes[p + 6]!
    let q = p + 40
    // Extension headers (RFC 8200 §4): hop-by-hop 0, routing 43, destination options 60 ((len+1)*8 octets),
    // authentication 51 (RFC 4302 §2.2: (len+2)*4). A fragment header (44) or anything else: not read.
    while (next !== PROTO_TCP) {
      if (q + 2 > limit) return false
      if (next === 0 || next === 43 || next === 60) {
        const n = bytes[q]!
        q += (bytes[q + 1]! + 1) * 8
        next = n
      } else if (next === 51) {
        const n = bytes[q]!
        q += (bytes[q + 1]! + 2) * 4
        next = n
      } else return false
    }
    seg.v6 = true
    seg.ipOff = p
    tcpOff = q
  } else return false
  // RFC 9293 §3.1
  const hdrEnd = Math.min(end, ipEnd)
  if (tcpOff + 20 > hdrEnd) return false
  const doff = (bytes[tcpOff + 12]! >> 4) * 4
  if (doff < 20 || tcpOff + doff > hdrEnd) return false
  const payloadOff = tcpOff + doff
  seg.srcPort = view.getUint16(tcpOff, false)
  seg.dstPort = view.getUint16(tcpOff + 2, false)
  seg.seq = view.getUint32(tcpOff + 4, false)
  seg.ack = view.getUint32(tcpOff + 8, false)
  seg.flags = bytes[tcpOff + 13]!
  seg.payloadOff = payloadOff
  seg.payloadLen = Math.max(0, ipEnd - payloadOff)
  seg.payloadCap = Math.max(0, hdrEnd - payloadOff)
  return true
}

/** The source or destination address of the decoded segment, as text (dotted IPv4, RFC 5952 IPv6). */
export function addressText(view: DataView, seg: Segment, which: 'src' | 'dst'): string {
  if (!seg.v6) {
    const a = seg.ipOff + (which === 'src' ? 12 : 16)
    return `${view.getUint8(a)}.${view.getUint8(a + 1)}.${view.getUint8(a + 2)}.${view.getUint8(a + 3)}`
  }
  const a = seg.ipOff + (which === 'src' ? 8 : 24)
  const words: number[] = []
  for (let i = 0; i < 8; i++) words.push(view.getUint16(a + 2 * i, false))
  return ipv6Text(words)
}

/** RFC 5952 §4: lower-case hex, no leading zeros, the longest run (≥ 2) of zero words as `::`, the first on a tie. */
export function ipv6Text(words: readonly number[]): string {
  let best = -1
  let bestLen = 1
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && words[j] === 0) j++
    if (j - i > bestLen) {
      best = i
      bestLen = j - i
    }
    i = j
  }
  const hex = (ws: readonly number[]) => ws.map((w) => w.toString(16)).join(':')
  if (best < 0) return hex(words)
  return `${hex(words.slice(0, best))}::${hex(words.slice(best + bestLen))}`
}

/** A key for the address and port of one end, to pair both directions of a connection. */
export function endpointKey(view: DataView, seg: Segment, which: 'src' | 'dst'): string {
  const port = which === 'src' ? seg.srcPort : seg.dstPort
  if (!seg.v6) return `${view.getUint32(seg.ipOff + (which === 'src' ? 12 : 16), false)}:${port}`
  const a = seg.ipOff + (which === 'src' ? 8 : 24)
  return `${view.getUint32(a, false)}.${view.getUint32(a + 4, false)}.${view.getUint32(a + 8, false)}.${view.getUint32(a + 12, false)}:${port}`
}
