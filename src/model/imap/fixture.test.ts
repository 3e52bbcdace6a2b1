// Replays the real Dovecot 2.3.19.1 session (fixtures/real-sessions/imap_session.txt) through the engine,
// configured like the recorded lab: users user1/password1, user2/password2, INBOX from delivered/.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createImapServer, createImapStore, readImapMailbox } from './index'
import type { ImapStore } from './index'

const FIXTURES = new URL('../../../fixtures/real-sessions/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, FIXTURES), 'utf8')

/** The Maildir files of each user in INDEX.txt order (= Dovecot's UID order), LF → CRLF. */
function deliveredMailboxes(): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const line of read('delivered/INDEX.txt').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue
    const [user, file] = line.split('|').map((x) => x.trim())
    if (!user || !file) continue
    ;(out[user] ??= []).push(read(`delivered/${user}/${file}`).replace(/\r?\n/g, '\r\n'))
  }
  return out
}

interface Exchange {
  /** null for the greeting. */
  readonly client: string | null
  readonly server: string[]
}

function transcript(name: string): Exchange[] {
  const exchanges: Exchange[] = [{ client: null, server: [] }]
  for (const raw of read(name).split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('C: ')) exchanges.push({ client: line.slice(3), server: [] })
    else if (line.startsWith('S: ')) exchanges[exchanges.length - 1]?.server.push(line.slice(3))
  }
  return exchanges
}

/**
 * What must match Dovecot: tags, statuses, response codes, numbers and data. What may differ, per the
 * fixture README: human-readable texts, timing suffixes, capability lists, UIDVALIDITY values.
 */
function normalize(line: string): string {
  const masked = line.replace(/\[(UIDVALIDITY|APPENDUID|COPYUID) \d+/, '[$1 <uidvalidity>')
  if (/^\* CAPABILITY /.test(masked)) return '* CAPABILITY'
  if (/^\* OK \[CAPABILITY /.test(masked)) return '* OK [CAPABILITY]'
  if (/^\* BYE /.test(masked)) return '* BYE'
  const status = /^(\S+) (OK|NO|BAD)( \[[^\]]*\])?(?: .*)?$/.exec(masked)
  if (status) return `${status[1]} ${status[2]}${status[3] ?? ''}`
  return masked
}

const LAB = {
  hostname: 'mail.example.test',
  users: { user1: 'password1', user2: 'password2' },
  mailbox: deliveredMailboxes(),
}

/**
 * The recorded POP3 session (pop3_session.txt, 18:04:54) deleted message 1 of the same Maildir just
 * before the IMAP session (18:04:57): Dovecot shows 8 messages with UIDs 2–9. The same happens here
 * through IMAP on the shared store (\Deleted + EXPUNGE).
 */
function labStoreAfterPop3(): ImapStore {
  const store = createImapStore(LAB)
  const device = createImapServer(LAB, store)
  device.open()
  for (const line of ['p1 LOGIN user1 password1', 'p2 SELECT INBOX', 'p3 STORE 1 +FLAGS.SILENT (\\Deleted)', 'p4 EXPUNGE', 'p5 LOGOUT']) {
    device.receive(line)
  }
  return store
}

describe('IMAP fixture replay: Dovecot 2.3 imap_session.txt', () => {
  const exchanges = transcript('imap_session.txt')

  it('reads the transcript and the Maildir as recorded', () => {
    expect(exchanges.filter((e) => e.client !== null && /^a\d{3} /.test(e.client))).toHaveLength(16)
    expect(LAB.mailbox.user1).toHaveLength(9)
    // POP3 LIST in pop3_session.txt: message 1 is 526 octets with CRLF line ends.
    expect(new TextEncoder().encode(LAB.mailbox.user1?.[0]).length).toBe(526)
    const store = labStoreAfterPop3()
    expect(readImapMailbox(store, 'user1').map((m) => m.uid)).toEqual([2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('answers every client line as Dovecot did (tags, statuses, codes, data, literal sizes)', () => {
    const server = createImapServer(LAB, labStoreAfterPop3())
    for (const ex of exchanges) {
      const got = ex.client === null ? server.open() : server.receive(ex.client)
      expect(got.map(normalize), `after ${ex.client ?? 'connect'}`).toEqual(ex.server.map(normalize))
    }
    expect(server.closed).toBe(true)
  })

  it('matches the recorded data byte for byte where the mailbox is the same', () => {
    const server = createImapServer(LAB, labStoreAfterPop3())
    const byTag = new Map<string, string[]>()
    server.open()
    let tag = ''
    for (const ex of exchanges.slice(1)) {
      const t = /^(a\d{3}) /.exec(ex.client ?? '')?.[1]
      if (t) tag = t
      byTag.set(tag, [...(byTag.get(tag) ?? []), ...server.receive(ex.client ?? '')])
    }
    // a003 SELECT: 8 EXISTS, 0 RECENT (POP3 saw them first), first unseen 1, next UID 10.
    expect(byTag.get('a003')).toEqual(
      expect.arrayContaining(['* 8 EXISTS', '* 0 RECENT', '* OK [UNSEEN 1] First unseen.', '* OK [UIDNEXT 10] Predicted next UID']),
    )
    // a005 BODY[HEADER.FIELDS ...] is a 73-octet literal and sets \Seen, reported in the same FETCH.
    expect(byTag.get('a005')?.[0]).toBe('* 1 FETCH (FLAGS (\\Seen) BODY[HEADER.FIELDS (FROM SUBJECT)] {73}')
    expect(byTag.get('a006')?.[0]).toBe('* SEARCH 8')
    expect(byTag.get('a007')?.[0]).toBe(
      '* 8 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 38 1 NIL NIL NIL NIL)("text" "plain" ("charset" "us-ascii" "name" "report.txt") NIL NIL "base64" 66 1 NIL ("attachment" ("filename" "report.txt")) NIL NIL) "mixed" ("boundary" "=_boundary_42") NIL NIL NIL))',
    )
    expect(byTag.get('a009')).toEqual(expect.arrayContaining(['* 8 FETCH (FLAGS (\\Seen) BODY[2.MIME] {156}', ' BODY[2] {66}']))
    expect(byTag.get('a010')?.[0]).toBe('* SEARCH 2 3 4 5 6 7')
    expect(byTag.get('a012')?.[0]).toBe(
      '* 2 FETCH (UID 3 FLAGS (\\Seen) RFC822.SIZE 552 INTERNALDATE "27-Nov-2026 18:03:53 +0000" ENVELOPE ("Mon, 01 Jan 2024 10:00:00 +0000" "Multiple recipients" (("Alice" NIL "alice" "client.example.test")) (("Alice" NIL "alice" "client.example.test")) (("Alice" NIL "alice" "client.example.test")) ((NIL NIL "user1" "example.test")(NIL NIL "user2" "example.test")(NIL NIL "admin" "example.test")(NIL NIL "info" "example.test")) NIL NIL NIL "<multi-rcpt-001@client.example.test>"))',
    )
    // a013 APPEND {254}: "+ OK", silence for the literal, then the new message is UID 10.
    expect(byTag.get('a013')).toEqual(['+ OK', '* 9 EXISTS', '* 1 RECENT', expect.stringMatching(/^a013 OK \[APPENDUID \d+ 10\] /)])
    expect(byTag.get('a015')?.[0]).toBe('* SEARCH 2 3 4 5 6 7 8 9 10')
  })
})
