// An imported connection saved as a small JSON file (`{ v: 1, ... }`) and read back with every field checked;
// in the address only when it fits the share-link limit of the sandbox (src/sandbox/link.ts).
import { LINK_PARAM_MAX, packParam, unpackParam } from '../sandbox/link'
import { ImportError, type Chunk, type ImportResult, type ImportedConnection } from './types'

export const SAVED_KIND = 'mail-sequence-import'
/** A saved session larger than this is refused before it is parsed. */
export const SAVED_MAX_CHARS = 64 * 1024 * 1024
const LINK_PREFIX = 'i1.'

const BAD = new ImportError(
  'This JSON file is not a session saved by this page (or it was changed): save it again from the import page.',
  'この JSON ファイルはこのページで保存したセッションではありません (または書き換えられています)。取り込みページで保存し直してください。',
)

/** The file for one connection of a result. */
export function savedFile(result: ImportResult, connection: ImportedConnection): string {
  const { connections: _all, ...rest } = result
  return JSON.stringify({ v: 1, kind: SAVED_KIND, ...rest, connections: [connection] })
}

export function looksSaved(text: string): boolean {
  return /^\s*\{/.test(text) && text.includes(SAVED_KIND)
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0
const isPort = (x: unknown) => isNum(x) && Number.isInteger(x) && x <= 65535
const FLAGS = new Set(['SYN', 'ACK', 'PSH', 'FIN', 'RST'])

function chunkOf(x: unknown): Chunk | null {
  if (!isObj(x) || (x.from !== 'client' && x.from !== 'server') || !isNum(x.time) || typeof x.data !== 'string') return null
  if (/[\u0100-\uffff]/.test(x.data)) return null
  if (x.partial !== undefined && x.partial !== true) return null
  if (x.decrypted !== undefined && x.decrypted !== true) return null
  if (x.tlsRecords !== undefined && !(Array.isArray(x.tlsRecords) && x.tlsRecords.every(isNum))) return null
  if (x.flags !== undefined && !(Array.isArray(x.flags) && x.flags.every((f) => typeof f === 'string' && FLAGS.has(f)))) return null
  for (const k of ['seq', 'ack', 'len'] as const) if (x[k] !== undefined && !isNum(x[k])) return null
  return x as unknown as Chunk
}

function connectionOf(x: unknown): ImportedConnection | null {
  if (!isObj(x) || !isObj(x.client) || !isObj(x.server)) return null
  for (const e of [x.client, x.server]) if (typeof e.ip !== 'string' || e.ip.length > 100 || !isPort(e.port)) return null
  if (!['smtp', 'pop3', 'imap', 'unknown'].includes(x.protocol as string) || !isNum(x.octets) || !Array.isArray(x.chunks)) return null
  if (!x.chunks.every((c) => chunkOf(c) !== null)) return null
  if (x.note !== undefined && typeof x.note !== 'string') return null
  if (x.midstream !== undefined && x.midstream !== true) return null
  return x as unknown as ImportedConnection
}

/** Reads a saved file back: anything not written by savedFile gives one sentence, never a throw of another kind. */
export function readSaved(text: string): ImportResult {
  if (text.length > SAVED_MAX_CHARS) throw BAD
  let x: unknown
  try {
    x = JSON.parse(text)
  } catch {
    throw BAD
  }
  if (!isObj(x) || x.kind !== SAVED_KIND) throw BAD
  if (typeof x.v === 'number' && x.v > 1) {
    throw new ImportError(
      'This session was saved by a newer version of the page, which this one cannot read.',
      'このセッションは新しい版のページで保存されたため、この版では読めません。',
    )
  }
  if (x.v !== 1 || !['pcap', 'pcapng', 'transcript'].includes(x.source as string) || !Array.isArray(x.connections) || x.connections.length === 0) throw BAD
  const connections = x.connections.map(connectionOf)
  if (connections.some((c) => c === null) || !isNum(x.packets) || !isNum(x.skipped)) throw BAD
  const format = typeof x.format === 'string' ? x.format : undefined
  if (format !== undefined && !['sc', 'telnet', 'swaks', 'follow-ascii', 'follow-yaml'].includes(format)) throw BAD
  return {
    source: x.source as ImportResult['source'],
    ...(format ? { format: format as NonNullable<ImportResult['format']> } : {}),
    connections: connections as ImportedConnection[],
    packets: x.packets,
    skipped: x.skipped,
  }
}

/** The `i=` value for a saved file, or null when it would not fit the link limit (then it stays out of the address). */
export async function encodeImportLink(saved: string): Promise<string | null> {
  // Deflate cannot shrink a file more than about 1000 times; a longer one never fits.
  if (saved.length > LINK_PARAM_MAX * 1000) return null
  const packed = await packParam(saved, LINK_PARAM_MAX)
  if (packed === null) return null
  const value = LINK_PREFIX + packed
  return value.length <= LINK_PARAM_MAX ? value : null
}

/** Reads an `i=` value back (the same checks as a file). */
export async function decodeImportLink(value: string): Promise<ImportResult> {
  if (!value.startsWith(LINK_PREFIX) || value.length > LINK_PARAM_MAX) throw BAD
  const json = await unpackParam(value.slice(LINK_PREFIX.length), LINK_PARAM_MAX * 1000)
  if (!json) throw BAD
  return readSaved(new TextDecoder().decode(json))
}
