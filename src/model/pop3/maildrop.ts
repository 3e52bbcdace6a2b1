// The maildrop as POP3 sees it: CRLF text, sizes in octets, unique-ids, deletion marks.
import { md5 } from 'js-md5'
import { byteLength } from '../encoding'

export interface Pop3Message {
  /** Raw RFC 5322 text with CRLF line ends. */
  readonly raw: string
  /** Octets on the wire, each line end counted as CRLF, byte-stuffing not counted (RFC 1939 §11). */
  readonly size: number
  /** The unique-id listed by UIDL (RFC 1939 §7). */
  readonly uid: string
  /** Marked by DELE; removed only in UPDATE (RFC 1939 §5, §6). */
  readonly deleted: boolean
}

/** Every user's maildrop, oldest message first. */
export type Pop3Drop = Readonly<Record<string, readonly string[]>>

/**
 * Lone LF or CR become CRLF, and the text ends with CRLF: POP3 sends lines ending in CRLF and counts
 * sizes that way (RFC 1939 §3, §11), whatever the store on disk uses (Maildir keeps LF).
 */
export function toCrlf(raw: string): string {
  const text = raw.replace(/\r\n|\r|\n/g, '\r\n')
  return text === '' || text.endsWith('\r\n') ? text : `${text}\r\n`
}

export function normalizeDrop(drop: Pop3Drop): Pop3Drop {
  const out: Record<string, readonly string[]> = {}
  for (const [user, messages] of Object.entries(drop)) out[user] = messages.map(toCrlf)
  return out
}

/**
 * The unique-id: the first 16 hex digits of the MD5 of the message, so the same message keeps its id in
 * every session (RFC 1939 §7: 1–70 characters 0x21–0x7E, persistent across sessions). Identical copies in
 * one maildrop get "-2", "-3" ... in order, so ids stay unique within the maildrop.
 */
export function uniqueIds(raws: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return raws.map((raw) => {
    const base = md5(raw).slice(0, 16)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base}-${n}`
  })
}

export function loadMessages(raws: readonly string[]): Pop3Message[] {
  const uids = uniqueIds(raws)
  return raws.map((raw, i) => ({ raw, size: byteLength(raw), uid: uids[i] ?? String(i + 1), deleted: false }))
}

/** The message's lines without their CRLF (the last CRLF ends the last line, it adds no empty line). */
export function messageLines(raw: string): string[] {
  if (raw === '') return []
  const lines = raw.split('\r\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Headers, the blank separator line, and the first `bodyLines` lines of the body (RFC 1939 §7 TOP). */
export function topLines(raw: string, bodyLines: number): string[] {
  const lines = messageLines(raw)
  const blank = lines.indexOf('')
  if (blank < 0) return lines
  return lines.slice(0, blank + 1 + Math.min(bodyLines, lines.length))
}
