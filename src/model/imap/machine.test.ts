// Behaviour of the IMAP engine, rule by rule, with the RFC section each rule comes from.
import { describe, expect, it } from 'vitest'
import { toBase64 } from '../encoding'
import type { ServerOptions } from '../types'
import {
  IMAP_RESPONSES,
  IMAP_RESPONSE_IDS,
  createImapServer,
  createImapStore,
  deliverToImapStore,
  imapCommandOf,
  imapLineKind,
  imapOpen,
  imapStep,
  readImapMailbox,
} from './index'
import type { ImapServer, ImapSession, ImapStore } from './index'
import { wildcardMatch } from './machine'

function connect(options: ServerOptions = {}, store?: ImapStore): ImapServer {
  const s = createImapServer(options, store)
  s.open()
  return s
}

function loggedIn(options: ServerOptions = {}, store?: ImapStore, user = 'user1', password = 'password1'): ImapServer {
  const s = connect(options, store)
  expect(s.receive(`l1 LOGIN ${user} ${password}`).at(-1)).toMatch(/^l1 OK /)
  return s
}

function selected(options: ServerOptions = {}, store?: ImapStore): ImapServer {
  const s = loggedIn(options, store)
  expect(s.receive('s1 SELECT INBOX').at(-1)).toMatch(/^s1 OK \[READ-WRITE\]/)
  return s
}

/** The tagged completion of a command: the last line that starts with its tag. */
function tagged(lines: readonly string[], tag: string): string {
  return [...lines].reverse().find((l) => l.startsWith(`${tag} `)) ?? '(no tagged reply)'
}

const msg = (n: number, subject: string, from = 'Alice <alice@client.example.test>', body = `Body ${n}`): string =>
  [
    `From: ${from}`,
    'To: user1@example.test',
    `Subject: ${subject}`,
    `Date: Mon, 0${n} Jan 2024 10:00:00 +0000`,
    `Message-ID: <m${n}@example.test>`,
    '',
    body,
    '',
  ].join('\r\n')

const FIVE: ServerOptions = {
  mailbox: {
    user1: [
      msg(1, 'Lunch'),
      msg(2, 'Report', 'Bob <bob@example.test>'),
      msg(3, 'lunch again'),
      msg(4, 'Invoice', 'Carol <carol@example.org>'),
      msg(5, 'Misc', 'Bob <bob@example.test>', 'x'.repeat(2000)),
    ],
  },
}

describe('greeting and capabilities (RFC 9051 §7.1.1, §7.2.2)', () => {
  it('greets with an untagged OK carrying CAPABILITY', () => {
    const [greeting] = createImapServer().open()
    expect(greeting).toMatch(/^\* OK \[CAPABILITY IMAP4rev1 .*STARTTLS.*AUTH=PLAIN.*\] .*ready\.$/)
  })
  it('on 993 TLS is on from the start: no STARTTLS offered, and STARTTLS is refused (RFC 8314 §3.2, RFC 9051 §6.2.1)', () => {
    const s = connect({ port: 993 })
    expect(s.secure).toBe(true)
    expect(s.openTurn().replies[0]?.lines[0]).not.toContain('STARTTLS')
    expect(tagged(s.receive('t1 STARTTLS'), 't1')).toMatch(/^t1 BAD /)
  })
  it('receive before open behaves as if opened; open() stays idempotent', () => {
    const s = createImapServer()
    expect(s.receive('a1 NOOP')).toEqual(['a1 OK NOOP completed.'])
    expect(s.open()[0]).toMatch(/^\* OK \[CAPABILITY /)
  })
})

describe('STARTTLS (RFC 9051 §6.2.1)', () => {
  it('answers OK, then reports tls-start; a second STARTTLS is BAD and CAPABILITY no longer offers it', () => {
    const s = connect()
    const turn = s.exchange('t1 STARTTLS')
    expect(turn.replies.map((r) => r.lines[0])).toEqual(['t1 OK Begin TLS negotiation now.'])
    expect(turn.events).toEqual([{ type: 'tls-start' }])
    expect(s.secure).toBe(true)
    expect(s.receive('t2 CAPABILITY')[0]).not.toContain('STARTTLS')
    expect(tagged(s.receive('t3 STARTTLS'), 't3')).toMatch(/^t3 BAD /)
  })
  it('is BAD when the server does not offer it, and BAD after login (wrong state, RFC 9051 §3)', () => {
    expect(tagged(connect({ starttls: false }).receive('t1 STARTTLS'), 't1')).toMatch(/^t1 BAD /)
    expect(tagged(loggedIn().receive('t1 STARTTLS'), 't1')).toMatch(/^t1 BAD /)
  })
})

describe('LOGIN and AUTHENTICATE (RFC 9051 §6.2.2–3, RFC 4616, RFC 4959)', () => {
  it('LOGIN takes atoms and quoted strings, reports the authenticated event', () => {
    const s = connect()
    const turn = s.exchange('a1 login "user1" password1')
    expect(turn.replies.at(-1)?.lines).toEqual(['a1 OK Logged in'])
    expect(turn.events).toEqual([{ type: 'authenticated', user: 'user1', mechanism: 'LOGIN' }])
    expect(turn.stateAfter).toBe('authenticated')
  })
  it('bad credentials: NO [AUTHENTICATIONFAILED], state unchanged', () => {
    const s = connect()
    const turn = s.exchange('a1 LOGIN user1 wrong')
    expect(turn.replies.map((r) => r.lines[0])).toEqual(['a1 NO [AUTHENTICATIONFAILED] Authentication failed.'])
    expect(turn.replies[0]?.cls).toBe('permanent')
    expect(s.state).toBe('not-authenticated')
    expect(tagged(s.receive('a2 LOGIN __proto__ x'), 'a2')).toMatch(/^a2 NO \[AUTHENTICATIONFAILED\]/)
  })
  it('LOGIN with literals: "+ OK" for each synchronising literal', () => {
    const s = connect()
    expect(s.receive('a1 LOGIN {5}')).toEqual(['+ OK'])
    expect(s.receive('user1 {9}')).toEqual(['+ OK'])
    // The 9 octets end where the line does: its CRLF ends the command (RFC 9051 §4.3).
    expect(tagged(s.receive('password1'), 'a1')).toBe('a1 OK Logged in')
  })
  it('AUTHENTICATE PLAIN with an initial response (SASL-IR)', () => {
    const s = connect()
    const turn = s.exchange(`a1 AUTHENTICATE PLAIN ${toBase64('\0user1\0password1')}`)
    expect(turn.replies.at(-1)?.lines[0]).toMatch(/^a1 OK /)
    expect(turn.events).toEqual([{ type: 'authenticated', user: 'user1', mechanism: 'PLAIN' }])
  })
  it('AUTHENTICATE PLAIN with a "+ " continuation', () => {
    const s = connect()
    const first = s.exchange('a1 AUTHENTICATE PLAIN')
    expect(first.replies.map((r) => [r.status, r.cls, r.lines[0]])).toEqual([['+', 'intermediate', '+ ']])
    expect(imapLineKind(s.session, toBase64('user1\0user1\0password1'))).toBe('sasl-response')
    expect(tagged(s.receive(toBase64('user1\0user1\0password1')), 'a1')).toMatch(/^a1 OK /)
  })
  it('"*" cancels and bad base64 is refused, both BAD; wrong password or identity NO', () => {
    const s = connect()
    s.receive('a1 AUTHENTICATE PLAIN')
    expect(s.receive('*')).toEqual(['a1 BAD Authentication aborted by client.'])
    s.receive('a2 AUTHENTICATE PLAIN')
    expect(tagged(s.receive('!!notbase64!!'), 'a2')).toMatch(/^a2 BAD /)
    expect(tagged(s.receive(`a3 AUTHENTICATE PLAIN ${toBase64('\0user1\0nope')}`), 'a3')).toMatch(/^a3 NO \[AUTHENTICATIONFAILED\]/)
    expect(tagged(s.receive(`a4 AUTHENTICATE PLAIN ${toBase64('user2\0user1\0password1')}`), 'a4')).toMatch(/^a4 NO \[AUTHORIZATIONFAILED\]/)
    expect(tagged(s.receive('a5 AUTHENTICATE CRAM-MD5'), 'a5')).toMatch(/^a5 NO /)
    expect(s.state).toBe('not-authenticated')
  })
  it('AUTHENTICATE LOGIN asks for user name and password in base64', () => {
    const s = connect()
    expect(s.receive('a1 AUTHENTICATE LOGIN')).toEqual(['+ VXNlcm5hbWU6'])
    expect(s.receive(toBase64('user1'))).toEqual(['+ UGFzc3dvcmQ6'])
    expect(tagged(s.receive(toBase64('password1')), 'a1')).toMatch(/^a1 OK /)
  })
  it('requireTls: LOGINDISABLED before TLS, LOGIN/AUTHENTICATE get NO [PRIVACYREQUIRED]; after STARTTLS they work', () => {
    const s = connect({ requireTls: true })
    const caps = s.receive('c1 CAPABILITY')[0] ?? ''
    expect(caps).toContain('LOGINDISABLED')
    expect(caps).not.toContain('AUTH=PLAIN')
    const refused = s.receive('a1 LOGIN user1 password1')
    expect(refused[0]).toMatch(/^\* BAD \[ALERT\] .*password was exposed/)
    expect(tagged(refused, 'a1')).toMatch(/^a1 NO \[PRIVACYREQUIRED\]/)
    expect(s.receive('a0 AUTHENTICATE PLAIN')).toEqual(['a0 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.'])
    expect(tagged(s.receive(`a2 AUTHENTICATE PLAIN ${toBase64('\0user1\0password1')}`), 'a2')).toMatch(/^a2 NO \[PRIVACYREQUIRED\]/)
    s.receive('t1 STARTTLS')
    expect(s.receive('c2 CAPABILITY')[0]).not.toContain('LOGINDISABLED')
    expect(tagged(s.receive('a3 LOGIN user1 password1'), 'a3')).toMatch(/^a3 OK /)
  })
})

describe('NO vs BAD (RFC 9051 §7.1.2–3) and the wrong state (RFC 9051 §3: BAD or NO; Dovecot and the engine say BAD)', () => {
  it('SELECT before LOGIN is BAD', () => {
    expect(tagged(connect().receive('a1 SELECT INBOX'), 'a1')).toMatch(/^a1 BAD /)
  })
  it('FETCH in the authenticated state is BAD', () => {
    expect(tagged(loggedIn().receive('a1 FETCH 1 FLAGS'), 'a1')).toMatch(/^a1 BAD /)
  })
  it('LOGIN when already logged in is BAD', () => {
    expect(tagged(loggedIn().receive('a1 LOGIN user1 password1'), 'a1')).toMatch(/^a1 BAD /)
  })
  it('an unknown command is BAD; a line without a tag is an untagged BAD', () => {
    const s = connect()
    expect(s.receive('a1 FROB')).toEqual(['a1 BAD Error in IMAP command FROB: Unknown command.'])
    expect(s.receive('')).toEqual(['* BAD Error in IMAP command received by server.'])
    // A forgotten tag: the command name is read as the tag, and the command is missing.
    expect(s.receive('CAPABILITY')).toEqual(['CAPABILITY BAD Error in IMAP command received by server.'])
    expect(s.receive('a+b NOOP')).toEqual(['* BAD Error in IMAP command received by server.'])
    expect(s.receive('a2')[0]).toMatch(/^a2 BAD /)
  })
  it('SELECT of a missing mailbox is NO [NONEXISTENT]; APPEND to one is NO [TRYCREATE] (RFC 9051 §6.3.12)', () => {
    const s = loggedIn()
    expect(tagged(s.receive('a1 SELECT Nowhere'), 'a1')).toMatch(/^a1 NO \[NONEXISTENT\]/)
    expect(s.state).toBe('authenticated')
    // Refused before the "+", as Dovecot does, so the message is never uploaded (RFC 9051 §7.6).
    expect(s.receive('a2 APPEND Nowhere {3}')).toEqual(["a2 NO [TRYCREATE] Mailbox doesn't exist: Nowhere"])
    expect(s.receive('a3 APPEND INBOX (\\Recent) {3}')[0]).toMatch(/^a3 BAD /)
    expect(s.receive('a4 APPEND INBOX "31-Foo-2024 00:00:00 +0000" {3}')[0]).toMatch(/^a4 BAD /)
    // With LITERAL+ the data comes anyway, so the answer waits for it.
    expect(s.receive('a5 APPEND Nowhere {3+}')).toEqual([])
    expect(tagged(s.receive('abc'), 'a5')).toMatch(/^a5 NO \[TRYCREATE\]/)
  })
  it('syntax errors are BAD: missing arguments, unbalanced quotes and parentheses', () => {
    const s = selected()
    for (const line of [
      'b1 LOGOUT now',
      'b2 FETCH 1 (FLAGS',
      'b3 SEARCH SUBJECT "open',
      'b4 FETCH 0 FLAGS',
      'b5 FETCH 1 BODY[9.FOO]',
      'b6 STORE 1 +FLAGS (\\Recent)',
      'b7 SELECT',
    ]) {
      const tag = line.split(' ')[0] ?? ''
      expect(tagged(s.receive(line), tag), line).toMatch(new RegExp(`^${tag} BAD `))
    }
  })
  it('a sequence number beyond the mailbox is BAD (RFC 9051 §9 seq-number); a missing UID is just absent (§6.4.9)', () => {
    const s = selected()
    expect(tagged(s.receive('a1 FETCH 3 FLAGS'), 'a1')).toMatch(/^a1 BAD /)
    expect(s.receive('a2 UID FETCH 99 FLAGS')).toEqual(['a2 OK Fetch completed.'])
    expect(tagged(s.receive('a3 SEARCH 1:5'), 'a3')).toMatch(/^a3 BAD /)
    expect(s.receive('a4 SEARCH 2:*')[0]).toBe('* SEARCH 2')
  })
})

describe('SELECT, FETCH and \\Seen (RFC 9051 §6.3.2, §6.4.5)', () => {
  it('SELECT answers FLAGS, EXISTS, RECENT, UIDVALIDITY, UIDNEXT, PERMANENTFLAGS, then OK [READ-WRITE]', () => {
    const s = loggedIn()
    const ids = s.exchange('a1 SELECT INBOX').replies.map((r) => r.id)
    expect(ids).toEqual(['flags', 'permanentFlags', 'exists', 'recent', 'unseen', 'uidValidity', 'uidNext', 'selectOk'])
  })
  it('BODY.PEEK[] leaves the flags alone; BODY[] sets \\Seen and reports it in the same FETCH', () => {
    const s = selected()
    s.receive('a0 FETCH 1 FLAGS')
    const peek = s.receive('a1 FETCH 1 BODY.PEEK[]')
    expect(peek[0]).toMatch(/^\* 1 FETCH \(BODY\[\] \{\d+\}$/)
    expect(s.receive('a2 FETCH 1 FLAGS')[0]).toBe('* 1 FETCH (FLAGS (\\Recent))')
    const read = s.receive('a3 FETCH 1 BODY[]')
    expect(read[0]).toMatch(/^\* 1 FETCH \(FLAGS \(\\Seen \\Recent\) BODY\[\] \{\d+\}$/)
    expect(s.receive('a4 FETCH 1 FLAGS')[0]).toBe('* 1 FETCH (FLAGS (\\Seen \\Recent))')
    expect(s.receive('a5 SEARCH UNSEEN')[0]).toBe('* SEARCH 2')
  })
  it('EXAMINE is read-only: BODY[] does not set \\Seen, STORE is NO (RFC 9051 §6.3.3)', () => {
    const s = loggedIn()
    expect(tagged(s.receive('a1 EXAMINE INBOX'), 'a1')).toMatch(/^a1 OK \[READ-ONLY\]/)
    s.receive('a2 FETCH 1 BODY[]')
    expect(s.receive('a3 FETCH 1 FLAGS')[0]).toBe('* 1 FETCH (FLAGS (\\Recent))')
    expect(tagged(s.receive('a4 STORE 1 +FLAGS (\\Seen)'), 'a4')).toMatch(/^a4 NO /)
  })
  it('sequence sets 1, 1:2, 2:*, 1,2 and the literal sizes count octets with CRLF', () => {
    const s = selected(FIVE)
    const nums = (line: string): number[] =>
      s
        .receive(line)
        .filter((l) => /^\* \d+ FETCH/.test(l))
        .map((l) => Number(l.split(' ')[1]))
    expect(nums('f1 FETCH 1 UID')).toEqual([1])
    expect(nums('f2 FETCH 1:3 UID')).toEqual([1, 2, 3])
    expect(nums('f3 FETCH 2:* UID')).toEqual([2, 3, 4, 5])
    expect(nums('f4 FETCH 1,3 UID')).toEqual([1, 3])
    expect(nums('f5 FETCH 3:1 UID')).toEqual([1, 2, 3])
    const text = s.receive('f6 FETCH 1 BODY.PEEK[TEXT]')
    expect(text.slice(0, 3)).toEqual(['* 1 FETCH (BODY[TEXT] {8}', 'Body 1', ')'])
    const header = s.receive('f7 FETCH 1 (RFC822.SIZE BODY.PEEK[HEADER])')
    const size = Number(/RFC822.SIZE (\d+)/.exec(header[0] ?? '')?.[1])
    const headerSize = Number(/\{(\d+)\}$/.exec(header[0] ?? '')?.[1])
    expect(size).toBe(new TextEncoder().encode(msg(1, 'Lunch')).length)
    expect(headerSize).toBe(size - 8)
    expect(s.receive('f8 FETCH 1 BODY.PEEK[1]')[0]).toBe('* 1 FETCH (BODY[1] {8}')
    expect(s.receive('f9 FETCH 1 BODY.PEEK[]<6.5>').slice(0, 2)).toEqual(['* 1 FETCH (BODY[]<6> {5}', 'Alice)'])
  })
  it('UID FETCH always includes the UID (RFC 9051 §6.4.9)', () => {
    const s = selected()
    expect(s.receive('a1 UID FETCH 2 FLAGS')[0]).toBe('* 2 FETCH (UID 2 FLAGS (\\Recent))')
  })
})

describe('SEARCH (RFC 9051 §6.4.4; RFC 3501 §7.2.5 response)', () => {
  it('case-insensitive substrings of FROM, SUBJECT, TEXT; flags; UID ranges; NOT, OR, LARGER', () => {
    const s = selected(FIVE)
    const search = (line: string): string => s.receive(line)[0] ?? ''
    expect(search('a1 SEARCH ALL')).toBe('* SEARCH 1 2 3 4 5')
    expect(search('a2 SEARCH SUBJECT LUNCH')).toBe('* SEARCH 1 3')
    expect(search('a3 SEARCH FROM "bob@EXAMPLE"')).toBe('* SEARCH 2 5')
    expect(search('a4 SEARCH TEXT "body 4"')).toBe('* SEARCH 4')
    expect(search('a5 SEARCH UID 2:4')).toBe('* SEARCH 2 3 4')
    expect(search('a6 SEARCH NOT FROM bob')).toBe('* SEARCH 1 3 4')
    expect(search('a7 SEARCH OR SUBJECT invoice SUBJECT misc')).toBe('* SEARCH 4 5')
    expect(search('a8 SEARCH LARGER 1000')).toBe('* SEARCH 5')
    expect(search('a9 SEARCH CHARSET UTF-8 SUBJECT report')).toBe('* SEARCH 2')
    expect(search('b1 SEARCH SINCE 3-Jan-2024')).toBe('* SEARCH 3 4 5')
    // Non-ASCII needs a quoted string or a literal (RFC 9051 §9 ATOM-CHAR is ASCII).
    expect(search('c1 SEARCH SUBJECT 会議')).toBe('c1 BAD Error in IMAP command SEARCH: Non-ASCII text must be quoted or sent as a literal')
    expect(search('c2 SEARCH SUBJECT "会議"')).toBe('* SEARCH')
    s.receive('b2 STORE 2 +FLAGS.SILENT (\\Seen)')
    expect(search('b3 SEARCH SEEN')).toBe('* SEARCH 2')
    expect(search('b4 UID SEARCH UNSEEN')).toBe('* SEARCH 1 3 4 5')
    expect(tagged(s.receive('b5 SEARCH CHARSET KOI8-R ALL'), 'b5')).toMatch(/^b5 NO \[BADCHARSET/)
  })
})

describe('STORE, EXPUNGE, CLOSE, COPY, MOVE (RFC 9051 §6.4)', () => {
  it('STORE +FLAGS / -FLAGS / FLAGS answer FETCH; .SILENT answers only the tag', () => {
    const s = selected()
    expect(s.receive('a1 STORE 1 +FLAGS (\\Flagged \\Seen)')).toEqual(['* 1 FETCH (FLAGS (\\Flagged \\Seen \\Recent))', 'a1 OK Store completed.'])
    expect(s.receive('a2 STORE 1 -FLAGS \\Flagged')[0]).toBe('* 1 FETCH (FLAGS (\\Seen \\Recent))')
    expect(s.receive('a3 STORE 1 FLAGS ($Work)')[0]).toBe('* 1 FETCH (FLAGS ($Work \\Recent))')
    expect(s.receive('a4 STORE 1:2 +FLAGS.SILENT (\\Deleted)')).toEqual(['a4 OK Store completed.'])
    expect(s.receive('a5 UID STORE 2 -FLAGS (\\Deleted)')[0]).toBe('* 2 FETCH (UID 2 FLAGS (\\Recent))')
  })
  it('EXPUNGE numbers each removal after the previous ones (RFC 9051 §7.5.1: 1, 1, 2 for messages 1, 2, 4)', () => {
    const s = selected(FIVE)
    s.receive('a1 STORE 1,2,4 +FLAGS.SILENT (\\Deleted)')
    expect(s.receive('a2 EXPUNGE')).toEqual(['* 1 EXPUNGE', '* 1 EXPUNGE', '* 2 EXPUNGE', 'a2 OK Expunge completed.'])
    expect(s.receive('a3 UID SEARCH ALL')[0]).toBe('* SEARCH 3 5')
  })
  it('UID EXPUNGE removes only the named \\Deleted messages (RFC 4315 §2.1)', () => {
    const s = selected(FIVE)
    s.receive('a1 STORE 1:2 +FLAGS.SILENT (\\Deleted)')
    expect(s.receive('a2 UID EXPUNGE 2')).toEqual(['* 2 EXPUNGE', 'a2 OK Expunge completed.'])
  })
  it('CLOSE expunges silently and returns to authenticated; UNSELECT keeps the messages', () => {
    const store = createImapStore(FIVE)
    const s = selected(FIVE, store)
    s.receive('a1 STORE 1 +FLAGS.SILENT (\\Deleted)')
    expect(s.receive('a2 UNSELECT')).toEqual(['a2 OK Unselect completed.'])
    expect(readImapMailbox(store, 'user1')).toHaveLength(5)
    s.receive('a3 SELECT INBOX')
    expect(s.receive('a4 CLOSE')).toEqual(['a4 OK Close completed.'])
    expect(s.state).toBe('authenticated')
    expect(readImapMailbox(store, 'user1')).toHaveLength(4)
  })
  it('COPY answers COPYUID; MOVE reports COPYUID, then EXPUNGE (RFC 4315 §3, RFC 6851 §4.3)', () => {
    const s = selected(FIVE)
    expect(tagged(s.receive('a1 COPY 1:2 Trash'), 'a1')).toBe('a1 OK [COPYUID 1704067202 1:2 1:2] Copy completed.')
    expect(s.receive('a2 MOVE 3 Trash')).toEqual(['* OK [COPYUID 1704067202 3 3] Moved UIDs.', '* 3 EXPUNGE', 'a2 OK Move completed.'])
    expect(tagged(s.receive('a3 COPY 1 Nowhere'), 'a3')).toMatch(/^a3 NO \[TRYCREATE\]/)
    expect(s.receive('a4 STATUS Trash (MESSAGES UIDNEXT)')[0]).toBe('* STATUS Trash (MESSAGES 3 UIDNEXT 4)')
  })
  it('LIST with * and %, CREATE makes parents, DELETE refuses INBOX', () => {
    const s = loggedIn()
    expect(tagged(s.receive('a1 CREATE Work/2024'), 'a1')).toMatch(/^a1 OK/)
    expect(s.receive('a2 LIST "" %').filter((l) => l.startsWith('* LIST'))).toEqual([
      '* LIST (\\HasNoChildren) "/" INBOX',
      '* LIST (\\HasNoChildren \\Sent) "/" Sent',
      '* LIST (\\HasNoChildren \\Trash) "/" Trash',
      '* LIST (\\HasChildren) "/" Work',
    ])
    expect(s.receive('a3 LIST Work/ *')[0]).toBe('* LIST (\\HasNoChildren) "/" Work/2024')
    expect(s.receive('a4 LIST "" ""')[0]).toBe('* LIST (\\Noselect) "/" ""')
    expect(tagged(s.receive('a5 CREATE inbox'), 'a5')).toMatch(/^a5 NO \[ALREADYEXISTS\]/)
    expect(tagged(s.receive('a6 DELETE INBOX'), 'a6')).toMatch(/^a6 NO /)
    expect(tagged(s.receive('a7 DELETE Work/2024'), 'a7')).toMatch(/^a7 OK/)
  })
})

describe('APPEND with a synchronising literal (RFC 9051 §6.3.12, §4.3, §7.6)', () => {
  const lines = ['From: user1@example.test', 'Subject: Draft', '', 'Hello']
  const size = lines.reduce((n, l) => n + l.length + 2, 0)

  it('"+ OK", silence while the literal arrives, tagged OK [APPENDUID], EXISTS for a selected mailbox', () => {
    const store = createImapStore()
    const s = selected({}, store)
    expect(s.exchange(`a1 APPEND INBOX (\\Seen) {${size}}`).replies.map((r) => [r.status, r.lines[0]])).toEqual([['+', '+ OK']])
    expect(imapLineKind(s.session, lines[0] ?? '')).toBe('literal-data')
    for (const l of lines) expect(s.receive(l)).toEqual([])
    expect(s.receive('')).toEqual(['* 3 EXISTS', '* 3 RECENT', 'a1 OK [APPENDUID 1704067200 3] Append completed.'])
    const stored = readImapMailbox(store, 'user1').at(-1)
    expect(stored?.raw).toBe(lines.map((l) => `${l}\r\n`).join(''))
    expect(stored?.flags).toEqual(['\\Seen'])
  })
  it('a second connection sees the new message at SELECT, and a selected one at NOOP', () => {
    const store = createImapStore()
    const watcher = selected({}, store)
    const writer = loggedIn({}, store)
    writer.receive(`a1 APPEND INBOX {${size}}`)
    for (const l of lines) writer.receive(l)
    expect(tagged(writer.receive(''), 'a1')).toMatch(/^a1 OK \[APPENDUID/)
    // The watcher selected first, so all three messages are \Recent in its session (RFC 3501 §2.3.2).
    expect(watcher.receive('n1 NOOP')).toEqual(['* 3 EXISTS', '* 3 RECENT', 'n1 OK NOOP completed.'])
    expect(loggedIn({}, store).receive('s1 SELECT INBOX')).toContain('* 3 EXISTS')
  })
  it('the literal may end inside a line: the rest of that line ends the command', () => {
    const s = loggedIn()
    s.receive('a1 APPEND Sent {5}')
    expect(tagged(s.receive('Hello'), 'a1')).toMatch(/^a1 OK \[APPENDUID \d+ 1\]/)
    s.receive('a2 APPEND Sent {3}')
    expect(s.receive('abc extra')[0]).toMatch(/^a2 BAD /)
  })
  it('LITERAL+ {n+} needs no continuation (RFC 7888)', () => {
    const s = loggedIn()
    expect(s.receive('a1 APPEND Sent {5+}')).toEqual([])
    expect(tagged(s.receive('Hello'), 'a1')).toMatch(/^a1 OK /)
  })
  it('absurd literal sizes: APPEND NO [TOOBIG], other commands BAD, {n+} hangs up; never a "+"', () => {
    const s = loggedIn()
    expect(s.receive('a1 APPEND INBOX {999999999}')).toEqual(['a1 NO [TOOBIG] Mail size is too large'])
    expect(s.receive('a2 LIST "" {999999999}')).toEqual(['a2 BAD Literal too large'])
    expect(s.receive('a3 NOOP')).toEqual(['a3 OK NOOP completed.'])
    expect(s.receive('a4 APPEND INBOX {999999999+}')).toEqual(['* BYE Too long argument.'])
    expect(s.closed).toBe(true)
  })
  it('APPEND in the not-authenticated state is BAD before any continuation', () => {
    expect(connect().receive('a1 APPEND INBOX {5}')).toEqual(['a1 BAD Error in IMAP command APPEND: Login first.'])
  })
})

describe('two devices, one mailbox: flags live on the server', () => {
  it('a message read on one connection is \\Seen on the other; NOOP reports the change (RFC 9051 §7.5.2)', () => {
    const store = createImapStore()
    const phone = selected({}, store)
    const laptop = selected({}, store)
    laptop.receive('l2 FETCH 1 BODY[TEXT]')
    expect(phone.receive('p2 NOOP')).toEqual(['* 1 FETCH (FLAGS (\\Seen \\Recent))', 'p2 OK NOOP completed.'])
    expect(phone.receive('p3 FETCH 1 FLAGS')[0]).toBe('* 1 FETCH (FLAGS (\\Seen \\Recent))')
    expect(readImapMailbox(store, 'user1')[0]?.flags).toEqual(['\\Seen'])
  })
  it('an expunge elsewhere is not reported during FETCH/STORE/SEARCH, only with NOOP (RFC 9051 §7.5.1)', () => {
    const store = createImapStore()
    const a = selected({}, store)
    const b = selected({}, store)
    b.receive('b1 STORE 1 +FLAGS.SILENT (\\Deleted)')
    b.receive('b2 EXPUNGE')
    expect(a.receive('a1 FETCH 1:* UID')).toEqual(['* 2 FETCH (UID 2)', 'a1 OK Fetch completed.'])
    expect(a.receive('a2 SEARCH ALL')[0]).toBe('* SEARCH 2')
    expect(a.receive('a3 NOOP')).toEqual(['* 1 EXPUNGE', 'a3 OK NOOP completed.'])
    expect(a.receive('a4 FETCH 1 UID')[0]).toBe('* 1 FETCH (UID 2)')
  })
})

describe('mail delivered from outside IMAP (an SMTP delivery in the same lesson)', () => {
  it('gets the next UID and shows up as EXISTS on the next command (RFC 9051 §7.4.1)', () => {
    const store = createImapStore()
    const s = selected({}, store)
    expect(deliverToImapStore(store, 'user1', 'Subject: new\n\nhello\n')).toBe(3)
    expect(deliverToImapStore(store, 'nobody', 'x')).toBeNull()
    expect(s.receive('n1 NOOP')).toEqual(['* 3 EXISTS', '* 3 RECENT', 'n1 OK NOOP completed.'])
    // LF became CRLF: 'Subject: new' 12 + 2, blank line 2, 'hello' 5 + 2 = 23 octets.
    expect(s.receive('n2 FETCH 3 RFC822.SIZE')[0]).toBe('* 3 FETCH (RFC822.SIZE 23)')
  })
})

describe('LOGOUT and the closed connection (RFC 9051 §6.1.3)', () => {
  it('BYE, then tagged OK, then close; afterwards receive returns []', () => {
    const s = selected()
    const turn = s.exchange('a1 LOGOUT')
    expect(turn.replies.map((r) => [r.id, r.lines[0]])).toEqual([
      ['bye', '* BYE Logging out'],
      ['logoutOk', 'a1 OK Logout completed.'],
    ])
    expect(turn.events).toEqual([{ type: 'close' }])
    expect([turn.stateBefore, turn.stateAfter]).toEqual(['selected', 'logout'])
    expect(s.closed).toBe(true)
    expect(s.receive('a2 NOOP')).toEqual([])
  })
})

describe('the pure machine', () => {
  const deepFreeze = <T>(o: T): T => {
    if (o && typeof o === 'object' && !Object.isFrozen(o)) {
      Object.freeze(o)
      for (const v of Object.values(o)) deepFreeze(v)
    }
    return o
  }
  it('imapStep never mutates the session it is given (frozen input, same output twice)', () => {
    let session: ImapSession = imapOpen().session
    const lines = [
      'a1 LOGIN user1 password1',
      'a2 SELECT INBOX',
      'a3 FETCH 1 BODY[]',
      'a4 STORE 2 +FLAGS (\\Deleted)',
      'a5 EXPUNGE',
      'a6 APPEND INBOX {2}',
      'hi',
      '',
      'a7 LOGOUT',
    ]
    for (const line of lines) {
      const frozen = deepFreeze(session)
      const once = imapStep(frozen, line)
      const twice = imapStep(frozen, line)
      expect(twice.turn).toEqual(once.turn)
      session = once.session
    }
    expect(session.state).toBe('logout')
  })
  it('imapCommandOf ignores the tag and case', () => {
    expect(imapCommandOf('a1 uid fetch 1:* FLAGS')).toBe('UID FETCH')
    expect(imapCommandOf('x LOGIN a b')).toBe('LOGIN')
    expect(imapCommandOf('x UID FOO')).toBe('unknown')
    expect(imapCommandOf('CAPABILITY')).toBe('unknown')
  })
  it('every response in the table names an RFC section and one of the statuses a learner knows', () => {
    for (const id of IMAP_RESPONSE_IDS) {
      const def = IMAP_RESPONSES[id]
      expect(def.rfc, id).toMatch(/RFC \d+ §/)
      expect(['OK', 'NO', 'BAD', 'PREAUTH', 'BYE', '+', '*'], id).toContain(def.status)
    }
  })
})

describe('LIST wildcards (RFC 9051 §6.3.9)', () => {
  it('"*" crosses the delimiter, "%" does not, and a hostile pattern stays fast', () => {
    expect(wildcardMatch('*', 'Work/2024')).toBe(true)
    expect(wildcardMatch('%', 'Work/2024')).toBe(false)
    expect(wildcardMatch('Work/%', 'Work/2024')).toBe(true)
    expect(wildcardMatch('W%k', 'Work')).toBe(true)
    expect(wildcardMatch('W%k', 'Wo/rk')).toBe(false)
    const started = Date.now()
    expect(wildcardMatch('*a'.repeat(400) + 'b', 'a'.repeat(255))).toBe(false)
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
