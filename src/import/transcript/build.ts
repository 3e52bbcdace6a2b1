// Turns the lines a transcript reader found into an ImportResult: consecutive lines from one side are one
// write (one chunk), as the fixture format says message bodies and pipelined groups were.
import type { Chunk, Endpoint, ImportProtocol, ImportResult, ImportedConnection } from '../types'

export type TranscriptFormat = NonNullable<ImportResult['format']>

/** One wire line (without its line end) from one side. */
export interface TranscriptLine {
  readonly from: 'client' | 'server'
  readonly text: string
  /** The line crossed the wire inside TLS (shown decrypted). */
  readonly tls?: boolean
}

const WELL_KNOWN: Record<Exclude<ImportProtocol, 'unknown'>, number> = { smtp: 25, pop3: 110, imap: 143 }

/** The protocol a server's first line announces: `220` SMTP (RFC 5321 §4.2), `+OK` POP3 (RFC 1939 §4), `* OK` IMAP (RFC 9051 §7.1). */
export function protocolOfGreeting(line: string | undefined): ImportProtocol {
  if (line === undefined) return 'unknown'
  if (/^220[ -]/.test(line) || line === '220' || /^554[ -]/.test(line)) return 'smtp'
  if (line.startsWith('+OK') || line.startsWith('-ERR')) return 'pop3'
  if (/^\* (OK|PREAUTH|BYE)\b/i.test(line)) return 'imap'
  return 'unknown'
}

export function protocolOfPort(port: number): ImportProtocol {
  if (port === 25 || port === 587 || port === 465) return 'smtp'
  if (port === 110 || port === 995) return 'pop3'
  if (port === 143 || port === 993) return 'imap'
  return 'unknown'
}

/** An ImportResult with one connection; `lines` is how many text lines were read. */
export function buildTranscript(
  format: TranscriptFormat,
  lines: readonly TranscriptLine[],
  read: number,
  ends: { client?: Endpoint; server?: Endpoint } = {},
): ImportResult {
  const chunks: Chunk[] = []
  let group: string[] = []
  let from: TranscriptLine['from'] | null = null
  let tls = false
  let octets = 0
  const flush = () => {
    if (from === null || group.length === 0) return
    const data = toBinary(group.join(''))
    octets += data.length
    chunks.push({ from, time: 0, data, ...(tls ? { decrypted: true as const } : {}) })
    group = []
  }
  for (const l of lines) {
    const t = l.tls === true
    if (l.from !== from || t !== tls) {
      flush()
      from = l.from
      tls = t
    }
    group.push(`${l.text}\r\n`)
  }
  flush()
  const firstServer = lines.find((l) => l.from === 'server')?.text
  const byPort = ends.server ? protocolOfPort(ends.server.port) : 'unknown'
  const greeted = protocolOfGreeting(firstServer)
  const protocol = greeted !== 'unknown' ? greeted : byPort
  const server: Endpoint = ends.server ?? { ip: 'server', port: protocol === 'unknown' ? 0 : WELL_KNOWN[protocol] }
  const client: Endpoint = ends.client ?? { ip: 'client', port: 0 }
  const connection: ImportedConnection = {
    client,
    server,
    protocol,
    octets,
    chunks,
    ...(protocol === 'unknown' ? { note: 'The server never greeted as an SMTP, POP3 or IMAP server.' } : {}),
  }
  return { source: 'transcript', format, connections: [connection], packets: read, skipped: 0 }
}

/** Splits text into lines (CRLF, LF or CR), in one pass: linear in the text, whatever the line lengths. */
export function splitLines(text: string): string[] {
  const out = text.split(/\r\n|\n|\r/)
  if (out.length > 0 && out[out.length - 1] === '') out.pop()
  return out
}

/** `a.b.c.d:port` or `[v6]:port` / `v6:port` → an Endpoint. */
export function endpointOf(text: string): Endpoint | undefined {
  const m = /^\[?([0-9A-Za-z.:%-]+?)\]?[:.](\d{1,5})$/.exec(text.trim())
  if (!m) return undefined
  const port = Number(m[2])
  return port <= 65535 ? { ip: m[1] ?? '', port } : undefined
}

/** Text → its UTF-8 octets as a latin1 string, one char per octet (the Chunk.data convention). */
export function toBinary(text: string): string {
  // Plain ASCII (the usual case) is already one char per octet.
  if (!/[\u0080-\uffff]/.test(text)) return text
  const bytes = new TextEncoder().encode(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

/** Octets as a latin1 string → text, decoding UTF-8 where it is valid (Latin-1 otherwise). */
export function fromBinary(data: string): string {
  if (!/[\u0080-\uffff]/.test(data)) return data
  const bytes = new Uint8Array(data.length)
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i) & 0xff
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return data
  }
}
