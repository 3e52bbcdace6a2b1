// Commands stay linear in what they touch. The sizes make a quadratic engine take seconds (it took 0.6–0.8 s
// for one STORE of 8,000 flags) while the linear one answers in tens of milliseconds even on a busy 2-core
// machine; the time bounds sit far between the two.
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { createImapServer } from './server'
import type { ImapServer } from './server'

// Flags compare without case (RFC 9051 §2.3.2), so the alphabet has one case.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
/** n keywords of three characters, distinct without case (RFC 9051 §9 flag-keyword = atom). */
function keywords(n: number): string[] {
  const out: string[] = []
  for (let i = 0; out.length < n; i++) {
    const a = ALPHABET[i % 36] ?? 'a'
    const b = ALPHABET[Math.floor(i / 36) % 36] ?? 'a'
    const c = ALPHABET[Math.floor(i / 1296) % 36] ?? 'a'
    out.push(`${c}${b}${a}`)
  }
  return out
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now()
  const value = f()
  return { value, ms: performance.now() - t }
}

function loggedIn(mailbox?: Record<string, string[]>): ImapServer {
  const s = createImapServer(mailbox ? { mailbox } : {})
  s.open()
  expect(s.receive('a LOGIN user1 password1').at(-1)).toMatch(/^a OK /)
  return s
}

describe('IMAP commands stay linear', () => {
  it('one STORE with 16,000 keywords, then one removing them all (RFC 9051 §6.4.6)', { timeout: 30_000 }, () => {
    const s = loggedIn()
    s.receive('b SELECT INBOX')
    const flags = keywords(16_000)
    const add = `c STORE 1 +FLAGS.SILENT (${flags.join(' ')})`
    expect(add.length).toBeLessThanOrEqual(65_536)
    const stored = timed(() => s.receive(add))
    expect(stored.value).toEqual(['c OK Store completed.'])
    const fetched = s.receive('d FETCH 1 FLAGS')
    const shown = /FLAGS \(([^)]*)\)/.exec(fetched[0] ?? '')?.[1]?.split(' ') ?? []
    expect(shown.filter((f) => !f.startsWith('\\')).length).toBe(16_000)
    // The same keywords in another case are the same flags (RFC 9051 §2.3.2): nothing is added twice.
    const again = timed(() =>
      s.receive(
        `e STORE 1 +FLAGS.SILENT (${flags
          .map((f) => f.toUpperCase())
          .slice(0, 8000)
          .join(' ')})`,
      ),
    )
    expect(again.value).toEqual(['e OK Store completed.'])
    const removed = timed(() => s.receive(`f STORE 1 -FLAGS (${flags.join(' ')})`))
    expect(removed.value.at(-1)).toBe('f OK Store completed.')
    expect(removed.value[0]).toMatch(/^\* 1 FETCH \(FLAGS \([^)]*\)\)$/)
    expect(removed.value[0]?.length).toBeLessThan(80)
    expect(stored.ms + again.ms + removed.ms).toBeLessThan(1500)
  })

  it('20,000 CREATEs: 1,000 mailboxes at most, then NO [LIMIT] (RFC 9051 §7.1), and LIST of them all', { timeout: 60_000 }, () => {
    const s = loggedIn()
    const created = timed(() => Array.from({ length: 20_000 }, (_, i) => s.receive(`c${i} CREATE box${i}`)[0] ?? ''))
    const ok = created.value.filter((l) => / OK /.test(l)).length
    // INBOX, Sent and Trash are there from the start.
    expect(ok).toBe(997)
    expect(created.value.at(-1)).toBe('c19999 NO [LIMIT] Too many mailboxes')
    expect(s.receive('x CREATE box0').at(-1)).toBe('x NO [ALREADYEXISTS] Mailbox already exists')
    const listed = timed(() => s.receive('l LIST "" *'))
    expect(listed.value.length).toBe(1001)
    expect(created.ms + listed.ms).toBeLessThan(4000)
  })

  it('STORE, FETCH and UID FETCH over 6,000 messages', { timeout: 60_000 }, () => {
    const n = 6000
    const s = loggedIn({ user1: Array.from({ length: n }, (_, i) => `Subject: m${i}\r\n\r\nbody ${i}\r\n`) })
    expect(s.receive('b SELECT INBOX')).toContain(`* ${n} EXISTS`)
    const uids = Array.from({ length: n }, (_, i) => i + 1).join(',')
    const t = timed(() => [
      s.receive('c STORE 1:* +FLAGS (\\Seen)'),
      s.receive('d FETCH 1:* (FLAGS)'),
      s.receive(`e UID FETCH ${uids} (UID)`),
      s.receive('f SEARCH UID 1:3000 UNSEEN'),
      s.receive('g UID STORE 1:* -FLAGS.SILENT (\\Seen)'),
    ])
    const [store, fetch, uidFetch, search, unseen] = t.value
    expect(store?.length).toBe(n + 1)
    expect(fetch?.[n - 1]).toBe(`* ${n} FETCH (FLAGS (\\Seen \\Recent))`)
    expect(uidFetch?.[n - 1]).toBe(`* ${n} FETCH (UID ${n})`)
    expect(search?.[0]).toBe('* SEARCH')
    expect(unseen).toEqual(['g OK Store completed.'])
    expect(t.ms).toBeLessThan(3000)
  })
})
