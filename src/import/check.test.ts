// The engine check on the real Postfix 3.7 / Dovecot 2.3 transcripts: nothing flagged that the RFC allows; the
// known differences listed with their RFC reasoning; a reply code changed by hand is the one reply flagged.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkConnection } from './check'
import { importedLesson } from './lesson'
import { readTranscript } from './transcript'
import { fromBinary } from './transcript/build'
import type { ImportedConnection } from './types'

const DIR = join(process.cwd(), 'fixtures/real-sessions')
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt'))
const connectionOf = (text: string) => readTranscript(text).connections[0] as ImportedConnection

/**
 * Every write the check flags on the recordings, by file and first line, with why the RFC does not allow it
 * (or, for the relay refusal, why Postfix and the RFC part ways). Everything else must be `ok`.
 */
const KNOWN: Record<string, Record<string, string>> = {
  'smtp_rcpt_before_mail.txt': {
    'RCPT TO:<user1@example.test>': 'RFC 5321 §4.1.4: RCPT may only follow MAIL; the recording sends it first on purpose (Postfix answers 503 too)',
  },
  'smtp_rset_mid_transaction.txt': {
    DATA: 'RFC 5321 §4.1.1.5: RSET clears the transaction, so DATA has no recipients (§4.1.1.4: 503); the recording shows it on purpose',
    'RCPT TO:<user1@example.test>': 'RFC 5321 §4.1.1.5, §4.1.4: after RSET, RCPT needs a new MAIL first',
  },
  'smtp_relay_denied.txt': {
    '454 4.7.1 <bob@outside.example>: Relay access denied':
      "RFC 5321 §3.6.2, §4.1.1.3: a relay refusal is a permanent 550; Postfix's defer_unauth_destination answers a temporary 454 4.7.1 on purpose, and §4.3.2 does not list 454 for RCPT",
  },
}

function flagged(c: ImportedConnection): Record<string, string> {
  const r = checkConnection(c)
  const out: Record<string, string> = {}
  r.verdicts.forEach((v, i) => {
    if (v?.check === 'differs') out[fromBinary(c.chunks[i]?.data ?? '').split('\r\n')[0] ?? ''] = v.why?.en ?? ''
  })
  return out
}

describe('the engine check on the recorded sessions', () => {
  for (const f of FILES) {
    it(`${f}: only the listed differences are flagged`, () => {
      const c = connectionOf(readFileSync(join(DIR, f), 'utf8'))
      const got = flagged(c)
      expect(Object.keys(got).sort()).toEqual(Object.keys(KNOWN[f] ?? {}).sort())
      for (const why of Object.values(got)) expect(why).toMatch(/RFC \d+ §/)
      // Every application write got a verdict.
      const r = checkConnection(c)
      c.chunks.forEach((k, i) => expect(r.verdicts[i], `${f} #${i}`).toBeDefined())
      for (const reason of Object.values(KNOWN[f] ?? {})) expect(reason).toMatch(/RFC 5321 §/)
    })
  }

  it('the relay refusal caption says both what the RFC wants and why Postfix differs', () => {
    const got = flagged(connectionOf(readFileSync(join(DIR, 'smtp_relay_denied.txt'), 'utf8')))
    const why = Object.values(got)[0] ?? ''
    expect(why).toContain('550 5.7.1')
    expect(why).toContain('§3.6.2')
    expect(why).toContain('defer_unauth_destination')
  })
})

describe('an altered transcript', () => {
  const cases: [string, string, string][] = [
    ['smtp_basic_helo.txt', 'S: 250 2.1.0 Ok', 'S: 452 4.3.1 Insufficient system storage'],
    ['smtp_two_messages_one_connection.txt', 'S: 221 2.0.0 Bye', 'S: 421 4.3.0 Bye'],
    ['pop3_session.txt', 'S: +OK 9 5561', 'S: -ERR [SYS/TEMP] busy'],
    ['imap_session.txt', 'S: a014 OK NOOP completed (0.001 + 0.000 secs).', 'S: a014 NO NOOP failed'],
  ]
  for (const [file, from, to] of cases) {
    it(`${file}: "${to.slice(3)}" is the one reply flagged; the original is all ok`, () => {
      const text = readFileSync(join(DIR, file), 'utf8')
      expect(text).toContain(from)
      const altered = text.replace(from, to)
      const got = flagged(connectionOf(altered))
      expect(Object.keys(got)).toEqual([...Object.keys(KNOWN[file] ?? {}), to.slice(3)])
      expect(got[to.slice(3)]).toMatch(/RFC \d+/)
      expect(Object.keys(flagged(connectionOf(text)))).toEqual(Object.keys(KNOWN[file] ?? {}))
    })
  }

  it('the flagged reply becomes an arrow with check "differs" and a caption naming the section', () => {
    const text = readFileSync(join(DIR, 'smtp_basic_helo.txt'), 'utf8').replace('S: 250 2.1.0 Ok', 'S: 452 4.3.1 Insufficient system storage')
    const { lesson, differs } = importedLesson(connectionOf(text))
    expect(differs).toBe(1)
    const i = lesson.timeline.steps.findIndex((s) => s.check === 'differs')
    expect(lesson.timeline.steps[i]?.lines).toEqual(['452 4.3.1 Insufficient system storage'])
    expect(lesson.captions[i]?.en).toContain('RFC 5321 §4.1.1.2')
    expect(lesson.captions[i]?.ja).toContain('RFC 5321 §4.1.1.2')
  })
})
