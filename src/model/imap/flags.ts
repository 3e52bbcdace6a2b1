// Flags (RFC 9051 §2.3.2): their canonical spelling, how FETCH shows them, what a mailbox lists.
import { echo } from './context'
import { ParseError } from './parser'
import { SYSTEM_FLAGS } from './store'
import type { ImapMailbox, ImapMessage } from './store'

export function flagKey(m: ImapMessage): string {
  return m.flags.join(' ')
}

/** Flags as FETCH shows them: system flags in a fixed order, keywords, then \Recent (RFC 3501 §2.3.2). */
export function flagsOut(m: ImapMessage, recent: boolean): string {
  const system = SYSTEM_FLAGS.filter((f) => m.flags.includes(f))
  const keywords = m.flags.filter((f) => !f.startsWith('\\'))
  return [...system, ...keywords, ...(recent ? ['\\Recent'] : [])].join(' ')
}

export function mailboxFlags(mb: ImapMailbox): string[] {
  const keywords = new Set<string>()
  for (const m of mb.messages) for (const f of m.flags) if (!f.startsWith('\\')) keywords.add(f)
  return [...SYSTEM_FLAGS, ...keywords]
}

// Flags compare without case (RFC 9051 §2.3.2); every operation below is one pass with a Set, so a STORE
// with thousands of keywords stays linear.
const fold = (flag: string): string => flag.toLowerCase()
const SYSTEM_BY_FOLD: ReadonlyMap<string, string> = new Map(SYSTEM_FLAGS.map((f) => [fold(f), f]))

/** System flags in their canonical spelling, duplicates dropped; \Recent and unknown system flags are a syntax error (RFC 9051 §2.3.2). */
export function normalizeFlags(flags: readonly string[]): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const f of flags) {
    let flag = f
    if (f.startsWith('\\')) {
      const known = SYSTEM_BY_FOLD.get(fold(f))
      if (!known) throw new ParseError(`Invalid system flag ${echo(f)}`)
      flag = known
    }
    const key = fold(flag)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(flag)
  }
  return out
}

/** +FLAGS: the message's flags, then those of `add` it does not have yet (RFC 9051 §6.4.6). */
export function addFlags(current: readonly string[], add: readonly string[]): string[] {
  const have = new Set(current.map(fold))
  return [...current, ...add.filter((f) => !have.has(fold(f)))]
}

/** -FLAGS: the message's flags without those of `remove` (RFC 9051 §6.4.6). */
export function removeFlags(current: readonly string[], remove: readonly string[]): string[] {
  const drop = new Set(remove.map(fold))
  return current.filter((f) => !drop.has(fold(f)))
}
