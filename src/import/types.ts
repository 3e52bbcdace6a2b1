// What the capture readers hand to the rest of the import (CONTRACT.md §6). Pure data: no DOM, no React.
// Container readers (pcap, pcapng) and link/IP/TCP decoding live in ./capture/; text transcripts in ./transcript/.
// Both produce `ImportedSession`s, which ./check.ts replays through the engines and ./lesson.ts turns into a timeline.

export type ImportProtocol = 'smtp' | 'pop3' | 'imap' | 'unknown'

export interface Endpoint {
  /** Dotted IPv4 or RFC 5952 IPv6 text; for a transcript without addresses, a placeholder such as `client`. */
  readonly ip: string
  readonly port: number
}

/** One application write as it crossed the wire: a TCP segment's payload after reassembly, or a transcript line group. */
export interface Chunk {
  readonly from: 'client' | 'server'
  /** Seconds since the first packet of the capture (0 for transcripts). */
  readonly time: number
  /** The octets, as a latin1 ("binary") string, one char per octet; CRLF kept. */
  readonly data: string
  /** Bytes that were missing (a gap in the sequence space, or cut by the snaplen): the chunk is only partly captured. */
  readonly partial?: true
  /** After STARTTLS (or on 465/995/993) the payload is TLS records: their lengths, in order; `data` is then ''. */
  readonly tlsRecords?: readonly number[]
  /** TCP control of the segment that carried this, when known (SYN/FIN/RST), for drawing the handshake and close. */
  readonly flags?: readonly ('SYN' | 'ACK' | 'PSH' | 'FIN' | 'RST')[]
  /** Relative sequence and acknowledgement numbers and payload length, when read from a capture. */
  readonly seq?: number
  readonly ack?: number
  readonly len?: number
  /** Where octets are missing inside `data`: [offset in data, octets missing there] (a gap, or the snaplen's cut). */
  readonly missing?: readonly (readonly [at: number, octets: number])[]
}

export interface ImportedConnection {
  /** The side that sent the SYN (or, without a SYN, the side talking to the well-known port). */
  readonly client: Endpoint
  readonly server: Endpoint
  readonly protocol: ImportProtocol
  /** Payload octets both ways. */
  readonly octets: number
  /** Control segments (SYN, FIN, RST, pure ACKs of handshake/close) and data chunks, in capture order. */
  readonly chunks: readonly Chunk[]
  /** The capture began after the handshake. */
  readonly midstream?: true
  /** Why this connection cannot be shown as mail, when protocol is 'unknown' ("not mail"). */
  readonly note?: string
  /** The same in Japanese. */
  readonly noteJa?: string
  /** Octets seen more than once (retransmissions, overlaps): the first copy was kept, the later ones dropped. */
  readonly overlapOctets?: number
}

export interface ImportResult {
  readonly source: 'pcap' | 'pcapng' | 'transcript'
  /** For transcripts: which text format was recognised. */
  readonly format?: 'sc' | 'telnet' | 'swaks' | 'follow-ascii' | 'follow-yaml'
  readonly connections: readonly ImportedConnection[]
  /** Packets (or lines) read, and how many were not IP/TCP (listed, never fatal). */
  readonly packets: number
  readonly skipped: number
}

/** A file that cannot be read: one sentence per language, for `import.error`. */
export class ImportError extends Error {
  constructor(
    readonly en: string,
    readonly ja: string,
  ) {
    super(en)
    this.name = 'ImportError'
  }
}
