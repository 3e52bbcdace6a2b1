// Share links and session files. A link carries the entries compressed (deflate-raw, base64url) in `s=`;
// a session too long for a link goes into a JSON file instead. Both are read back with the limits of
// entries.ts, and a link longer than any this app writes is refused before it is decompressed.
import type { Protocol } from '../model'
import { readEntries, LIMITS, type Entry, type ReadReason } from './entries'
import { parseSetup, setupParams, type SandboxSetup } from './setup'

/** The longest `s=` value written or read: with the rest of the address, every link stays under 8 KB. */
export const LINK_PARAM_MAX = 7_000
/** Compressed links start with this; older links are plain base64url JSON. */
const VERSION = 'z1.'
/** JSON characters a decompressed link may hold: the session limits, with room for JSON's own syntax. */
const JSON_MAX = LIMITS.totalChars + LIMITS.entries * 64
/** A session file can hold up to six characters per line character (JSON escapes such as \u0000). */
export const FILE_MAX_BYTES = 6 * LIMITS.totalChars + LIMITS.entries * 64

export type ReadResult = { readonly ok: true; readonly entries: Entry[] } | { readonly ok: false; readonly reason: ReadReason }

function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null
  const std = s.replace(/-/g, '+').replace(/_/g, '/')
  try {
    const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4))
    const out = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
    return out
  } catch {
    return null
  }
}

async function pump(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | null> {
  const reader = stream.getReader()
  const parts: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.length
      // A small link that inflates past anything this app writes is refused, not parsed.
      if (size > max) {
        await reader.cancel()
        return null
      }
      parts.push(value)
    }
  } catch {
    return null
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const streamOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart]).stream()

/** Text compressed for an address (deflate-raw, then base64url); null past `maxPacked` compressed bytes. The import's `i=` uses it too. */
export async function packParam(text: string, maxPacked = Infinity): Promise<string | null> {
  const packed = await pump(streamOf(new TextEncoder().encode(text)).pipeThrough(new CompressionStream('deflate-raw')), maxPacked)
  return packed ? toBase64Url(packed) : null
}

/** The bytes of a packParam value, or null for one that is not base64url or inflates past `maxBytes`. */
export async function unpackParam(value: string, maxBytes: number): Promise<Uint8Array | null> {
  const packed = fromBase64Url(value)
  return packed ? pump(streamOf(packed).pipeThrough(new DecompressionStream('deflate-raw')), maxBytes) : null
}

/** The `s=` value for these entries, or null when the session is too long for a link (offer a file). */
export async function encodeLink(entries: readonly Entry[]): Promise<string | null> {
  if (entries.length === 0) return ''
  const packed = await packParam(JSON.stringify(entries))
  if (packed === null) return null
  const value = VERSION + packed
  return value.length <= LINK_PARAM_MAX ? value : null
}

/** The entries in a link's `s=` for a session of `protocol` (the link's own `protocol=`): the same limits as when it was written. */
export async function decodeLink(value: string | null, protocol: Protocol): Promise<ReadResult> {
  if (value === null || value === '') return { ok: true, entries: [] }
  if (value.length > LINK_PARAM_MAX) return { ok: false, reason: 'too-long' }
  let text: string | null
  if (value.startsWith(VERSION)) {
    const json = await unpackParam(value.slice(VERSION.length), JSON_MAX)
    text = json ? decodeUtf8(json) : null
  } else {
    // The first version's links: base64url of the JSON, uncompressed.
    const raw = fromBase64Url(value)
    text = raw ? decodeUtf8(raw) : null
  }
  return text === null ? { ok: false, reason: 'format' } : parseEntries(text, protocol)
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

function parseEntries(text: string, protocol: Protocol): ReadResult {
  try {
    return readEntries(JSON.parse(text), protocol)
  } catch {
    return { ok: false, reason: 'format' }
  }
}

/** What a session file holds. */
interface SessionFile {
  readonly format: 'mail-sequence-session'
  readonly version: 1
  readonly setup: Record<string, string>
  readonly entries: readonly Entry[]
}

/** A session as a JSON file, for sessions too long for a link. */
export function sessionFile(setup: SandboxSetup, entries: readonly Entry[]): string {
  const params = Object.fromEntries(Object.entries(setupParams(setup)).filter((kv): kv is [string, string] => kv[1] !== null))
  return JSON.stringify({ format: 'mail-sequence-session', version: 1, setup: params, entries } satisfies SessionFile)
}

/** Reads a session file back; bad or foreign files give a reason, never a throw. */
export function readSessionFile(text: string): { ok: true; setup: SandboxSetup; entries: Entry[] } | { ok: false; reason: ReadReason } {
  if (text.length > FILE_MAX_BYTES) return { ok: false, reason: 'too-long' }
  let x: unknown
  try {
    x = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'format' }
  }
  if (typeof x !== 'object' || x === null) return { ok: false, reason: 'format' }
  const f = x as Partial<Record<keyof SessionFile, unknown>>
  if (f.format !== 'mail-sequence-session' || f.version !== 1 || typeof f.setup !== 'object' || f.setup === null) return { ok: false, reason: 'format' }
  const setupEntries = Object.entries(f.setup).filter((kv): kv is [string, string] => typeof kv[1] === 'string')
  const setup = parseSetup(new URLSearchParams(setupEntries))
  const r = readEntries(f.entries, setup.protocol)
  return r.ok ? { ok: true, setup, entries: r.entries } : r
}
