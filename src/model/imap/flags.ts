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


/** System flags in their canonical spelling; \Recent and unknown system flags are a syntax error (RFC 9051 §2.3.2). */
export function normalizeFlags(flags: readonly string[]): string[] {
  const out: string[] = []
  for (const f of flags) {
    let flag = f
    if (f.startsWith('\\')) {
      const known = SYSTEM_FLAGS.find((s) => s.toLowerCase() === f.toLowerCase())
      if (!known) throw new ParseError(`Invalid system flag ${echo(f)}`)
      flag = known
    }
    if (!out.some((o) => o.toLowerCase() === flag.toLowerCase())) out.push(flag)
  }
  return out
}
