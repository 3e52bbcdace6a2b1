// Replays the Dovecot 2.3 recordings (fixtures/real-sessions/pop3_*.txt) through the engine, configured like
// the recorded server, and compares each reply's status with the recording. Sizes and message lines come from
// the delivered Maildir files, so they are compared exactly; texts only where Dovecot's text was adopted.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createPop3Server, type Pop3Server } from './index'

const REAL = new URL('../../../fixtures/real-sessions/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, REAL), 'utf8')

interface Exchange {
  /** null for the greeting */
  readonly client: string | null
  readonly server: string[]
}

/** `S: ` / `C: ` lines with their CRLF; `# ` lines are notes (fixtures/real-sessions/README.md). */
function parseTranscript(text: string): Exchange[] {
  const exchanges: Exchange[] = [{ client: null, server: [] }]
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.startsWith('C: ')) exchanges.push({ client: line.slice(3), server: [] })
    else if (line.startsWith('S: ')) exchanges[exchanges.length - 1]?.server.push(line.slice(3))
  }
  return exchanges
}

/** Each user's messages in delivered/INDEX.txt order (the order Dovecot listed them), LF turned into CRLF. */
function deliveredMailbox(): Record<string, string[]> {
  const mailbox: Record<string, string[]> = {}
  for (const row of read('delivered/INDEX.txt').split('\n')) {
    if (row.startsWith('#') || row.trim() === '') continue
    const [user = '', file = ''] = row.split(' | ')
    const lf = read(`delivered/${user}/${file}`)
    ;(mailbox[user] ??= []).push(lf.replace(/\n/g, '\r\n'))
  }
  return mailbox
}

const statusOf = (line: string | undefined): string => (line ?? '').split(' ')[0] ?? ''
const timestampOf = (greeting: string | undefined): string => /<[^>]+>/.exec(greeting ?? '')?.[0] ?? ''
const LAB = { hostname: 'mail.example.test', users: { user1: 'password1', user2: 'password2' } }

/** Opens, feeds every client line, and returns the engine's lines per exchange (greeting first). */
function replay(server: Pop3Server, exchanges: Exchange[]): string[][] {
  return [server.open(), ...exchanges.slice(1).map(({ client }) => server.receive(client ?? ''))]
}

/** "+OK" / "-ERR" of each exchange, recorded and engine's side by side. */
function statuses(exchanges: Exchange[], answers: string[][]) {
  return {
    recorded: exchanges.map((e) => `${e.client ?? '(greeting)'} → ${statusOf(e.server[0])}`),
    engine: exchanges.map((e, i) => `${e.client ?? '(greeting)'} → ${statusOf(answers[i]?.[0])}`),
  }
}

const session = parseTranscript(read('pop3_session.txt'))
const apop = parseTranscript(read('pop3_apop.txt'))

describe('pop3_session.txt (Dovecot 2.3.19.1, USER/PASS … QUIT)', () => {
  const server = createPop3Server({ ...LAB, mailbox: deliveredMailbox(), apopTimestamp: timestampOf(session[0]?.server[0]) })
  const answers = replay(server, session)
  const pairs = session.map((e, i) => ({ ...e, got: answers[i] ?? [] }))
  const at = (client: string) => pairs.find((p) => p.client === client) ?? { client, server: [], got: [] }

  it('answers every client line with the recorded status (+OK / -ERR)', () => {
    expect(session.length).toBeGreaterThan(15)
    const { recorded, engine } = statuses(session, answers)
    expect(engine).toEqual(recorded)
  })

  it('greets with +OK and the APOP timestamp at the end, as Dovecot does', () => {
    expect(answers[0]).toEqual([expect.stringMatching(/^\+OK .* <[^>]+@[^>]+>$/)])
    expect(answers[0]?.[0]?.endsWith(timestampOf(session[0]?.server[0]))).toBe(true)
  })

  it('CAPA: the same tags as Dovecot, except CAPA itself and the LOGIN mechanism (RFC 2449 §5, §6)', () => {
    // RFC 2449 §6 and the IANA registry define no "CAPA" tag, so the engine does not list one;
    // SASL LOGIN is no RFC mechanism (only a draft), so the engine offers PLAIN alone (RFC 4616).
    const { server: rec, got } = at('CAPA')
    const tags = (lines: string[]) => lines.slice(1, -1).map((l) => l.split(' ')[0])
    expect(got.at(-1)).toBe('.')
    expect(new Set(tags(got))).toEqual(new Set(tags(rec).filter((t) => t !== 'CAPA')))
    const mechs = (lines: string[]) => (lines.find((l) => l.startsWith('SASL ')) ?? '').split(' ').slice(1)
    expect(mechs(got).length).toBeGreaterThan(0)
    for (const m of mechs(got)) expect(mechs(rec)).toContain(m)
  })

  it('STAT and LIST give the recorded counts and octet sizes (RFC 1939 §5, §11)', () => {
    for (const c of ['STAT', 'LIST', 'LIST 1']) expect(at(c).got, c).toEqual(at(c).server)
    const afterDele = pairs.filter((p) => p.client === 'STAT')[1]
    expect(afterDele?.got).toEqual(afterDele?.server)
  })

  it('RETR and TOP send the recorded lines (RFC 1939 §5, §7)', () => {
    expect(at('RETR 1').got).toEqual(at('RETR 1').server)
    expect(at('TOP 1 0').got).toEqual(at('TOP 1 0').server)
  })

  it('UIDL: as many listings as Dovecot, unique-ids of 1–70 chars 0x21–0x7E (RFC 1939 §7)', () => {
    // The ids themselves are the server's own choice (Dovecot: UID + UIDVALIDITY; engine: MD5 of the message).
    const { server: rec, got } = at('UIDL')
    expect(got).toHaveLength(rec.length)
    const ids = got.slice(1, -1).map((l, i) => {
      const [n, id] = l.split(' ')
      expect(n).toBe(String(i + 1))
      expect(id).toMatch(/^[\x21-\x7E]{1,70}$/)
      return id
    })
    expect(new Set(ids).size).toBe(ids.length)
    expect(at('UIDL 1').got[0]).toBe(`+OK ${got[1]}`)
  })

  it('refuses every access to the deleted message, like Dovecot (RFC 1939 §5)', () => {
    const errors = pairs.filter((p) => statusOf(p.server[0]) === '-ERR')
    expect(errors.map((p) => p.client)).toEqual(['LIST 1', 'RETR 1', 'DELE 1'])
    for (const p of errors) expect(p.got).toEqual(p.server)
  })

  it('QUIT enters UPDATE, removes message 1 and closes (RFC 1939 §6)', () => {
    expect(at('QUIT').got).toEqual(at('QUIT').server)
    expect(server.closed).toBe(true)
    expect(server.mailbox.user1).toEqual(deliveredMailbox().user1?.slice(1))
  })

  it('pop3_apop.txt: a later APOP connection sees the maildrop after that UPDATE (RFC 1939 §7)', () => {
    const later = createPop3Server({ ...LAB, mailbox: server.mailbox, apopTimestamp: timestampOf(apop[0]?.server[0]) })
    const got = replay(later, apop)
    const { recorded, engine } = statuses(apop, got)
    expect(engine).toEqual(recorded)
    // The recorded digest was computed by the recorder from the greeting's timestamp and password1.
    expect(later.closed).toBe(true)
    expect(got[2]).toEqual(apop[2]?.server) // STAT: +OK 8 5035
    expect(got[3]).toEqual(apop[3]?.server) // QUIT without DELE: +OK Logging out.
  })
})
