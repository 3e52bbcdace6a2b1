// What a learner did in the sandbox, one entry per client action, and the limits that every writer and
// every reader of a session (the input box, share links, session files) keep alike.
import type { Action, Protocol } from '../model'

/** One client action, named for what it is. */
export type Entry =
  /** One line typed and sent (CRLF added on the wire). */
  | { readonly send: string }
  /** Several pasted commands in one TCP segment, where the server announced PIPELINING (RFC 2920 §3). */
  | { readonly pipeline: readonly string[] }
  /** Reconnect: a new TCP connection and greeting. */
  | { readonly connect: true }
  /** The client closes the connection without QUIT. */
  | { readonly close: true }
  /** The clock moves on, in seconds (greylisting retries). */
  | { readonly wait: number }

/**
 * The limits of a session. The input box refuses more, and links and files are read back with the same
 * numbers, so whatever the app writes it can read, and nothing bigger is ever parsed.
 */
export const LIMITS = {
  /** Entries in one session: a 10,000-line session is normal input. */
  entries: 10_000,
  /** Lines in one pipelined entry. */
  linesPerEntry: 1_000,
  /** Characters in one line: a 1 MB pasted line is accepted (the engine answers it). */
  lineLength: 1_048_576,
  /** Characters of all lines together. */
  totalChars: 4 * 1_048_576,
  /** The longest wait, one day. */
  waitSeconds: 86_400,
} as const

export function toAction(e: Entry): Action {
  if ('send' in e) return { type: 'send', line: e.send }
  if ('pipeline' in e) return { type: 'pipeline', lines: e.pipeline }
  if ('connect' in e) return { type: 'connect' }
  if ('close' in e) return { type: 'close' }
  return { type: 'wait', seconds: e.wait }
}

/** Characters an entry adds to the session's total. */
export function charsOf(e: Entry): number {
  if ('send' in e) return e.send.length
  if ('pipeline' in e) return e.pipeline.reduce((n, l) => n + l.length, 0)
  return 0
}

const isLine = (l: unknown): l is string => typeof l === 'string' && l.length <= LIMITS.lineLength && !/[\r\n]/.test(l)

/**
 * One entry as written by this app, or by its first version (`"line"`, `{c:1}`, `{x:1}`, `{w:n}`, `{p:[…]}`,
 * which older share links still carry); null for anything else.
 */
function entryOf(x: unknown): Entry | null {
  if (isLine(x)) return { send: x }
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null
  const o = x as Record<string, unknown>
  const keys = Object.keys(o)
  if (keys.length !== 1) return null
  const lines = o.pipeline ?? o.p
  if ('send' in o) return isLine(o.send) ? { send: o.send } : null
  if ('pipeline' in o || 'p' in o) {
    return Array.isArray(lines) && lines.length > 0 && lines.length <= LIMITS.linesPerEntry && lines.every(isLine) ? { pipeline: lines as string[] } : null
  }
  if (o.connect === true || o.c === 1) return { connect: true }
  if (o.close === true || o.x === 1) return { close: true }
  const wait = o.wait ?? o.w
  if (typeof wait === 'number' && Number.isInteger(wait) && wait > 0 && wait <= LIMITS.waitSeconds) return { wait }
  return null
}

/** Why a link or a file was not read: damaged, longer than the app writes, or a pipelined entry outside SMTP. */
export type ReadReason = 'format' | 'too-long' | 'pipeline'

export type EntriesResult = { readonly ok: true; readonly entries: Entry[] } | { readonly ok: false; readonly reason: ReadReason }

/**
 * Checks entries read back from a link or a file against the same limits the input box keeps. A pipelined entry
 * belongs to SMTP only: the sandbox writes one where the server announced PIPELINING (RFC 2920 §3), and POP3 and
 * IMAP sessions are typed line by line, so in those it can only be hand-made (and would have no caption).
 */
export function readEntries(x: unknown, protocol: Protocol): EntriesResult {
  if (!Array.isArray(x)) return { ok: false, reason: 'format' }
  if (x.length > LIMITS.entries) return { ok: false, reason: 'too-long' }
  const entries: Entry[] = []
  let chars = 0
  for (const item of x) {
    const e = entryOf(item)
    if (!e) return { ok: false, reason: 'format' }
    if (protocol !== 'smtp' && 'pipeline' in e) return { ok: false, reason: 'pipeline' }
    chars += charsOf(e)
    if (chars > LIMITS.totalChars) return { ok: false, reason: 'too-long' }
    entries.push(e)
  }
  return { ok: true, entries }
}
