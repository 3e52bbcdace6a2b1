import { describe, expect, it } from 'vitest'
import { buildTimeline, createServer } from '../model'
import { LIMITS, toAction, type Entry } from './entries'
import { appendEntries, appendInput, nextTag, openSandbox, type SandboxSession } from './session'
import { parseSetup, specOf } from './setup'

const setupOf = (q: string) => parseSetup(new URLSearchParams(q))
const serverLines = (s: SandboxSession) => s.timeline.steps.filter((x) => x.from === 'server' && x.layer !== 'tcp' && x.layer !== 'tls').flatMap((x) => x.lines)
const type = (s: SandboxSession, ...inputs: string[]) => inputs.reduce((acc, i) => appendInput(acc, i).session, s)

describe('sandbox session', () => {
  it('a preset sets the server name, users and local domains', () => {
    const s = type(openSandbox(setupOf('protocol=smtp&port=25&preset=company')), 'HELO a.example', 'MAIL FROM:<a@a.example>', 'RCPT TO:<sales@example.co.jp>')
    // The same mail system, asked directly, gives the same answers.
    const direct = createServer('smtp', specOf(s.setup).servers[0]?.options)
    const want = [
      ...direct.open(),
      ...direct.receive('HELO a.example'),
      ...direct.receive('MAIL FROM:<a@a.example>'),
      ...direct.receive('RCPT TO:<sales@example.co.jp>'),
    ]
    expect(serverLines(s)).toEqual(want)
    expect(want[0]).toMatch(/^220 mx\.example\.co\.jp /)
  })

  it('growing line by line gives the timeline that building the whole session at once gives', () => {
    const inputs = ['EHLO pc1', 'MAIL FROM:<a@client.example.test>', 'RCPT TO:<user1@example.test>', 'DATA', 'Subject: x', '', '.hidden', '.', 'NOOP', 'QUIT']
    const grown = type(openSandbox(setupOf('protocol=smtp&port=25')), ...inputs)
    const whole = buildTimeline({ ...specOf(grown.setup), actions: [{ type: 'connect' }, ...grown.entries.map(toAction)] })
    expect(grown.timeline.steps).toEqual(whole.steps)
    expect(grown.entries.map((e) => ('send' in e ? e.send : ''))).toContain('..hidden')
  })

  it('pastes commands as one pipelined segment after EHLO announced PIPELINING, and the message line by line', () => {
    const s = appendInput(
      type(openSandbox(setupOf('protocol=smtp&port=25')), 'EHLO pc1'),
      'MAIL FROM:<a@client.example.test>\nRCPT TO:<user1@example.test>\nDATA\nSubject: hi\n.\n',
    ).session
    expect(s.entries[1]).toEqual({ pipeline: ['MAIL FROM:<a@client.example.test>', 'RCPT TO:<user1@example.test>', 'DATA'] })
    expect(s.entries.slice(2)).toEqual([{ send: 'Subject: hi' }, { send: '.' }])
    expect(s.status.continuation).toBeNull()
    // Without EHLO, no PIPELINING: the same paste goes line by line.
    const plain = appendInput(type(openSandbox(setupOf('protocol=smtp&port=25')), 'HELO pc1'), 'MAIL FROM:<a@b.test>\nRCPT TO:<user1@example.test>').session
    expect(plain.entries.slice(1)).toEqual([{ send: 'MAIL FROM:<a@b.test>' }, { send: 'RCPT TO:<user1@example.test>' }])
  })

  it('dot-stuffs a message line and says so; says when the connection is closed', () => {
    const s = type(openSandbox(setupOf('protocol=smtp&port=25')), 'HELO a', 'MAIL FROM:<a@b.test>', 'RCPT TO:<user1@example.test>', 'DATA')
    expect(s.status.continuation).toBe('message')
    const stuffed = appendInput(s, '.x')
    expect(stuffed.notes).toEqual(['stuffed'])
    expect(stuffed.session.entries.at(-1)).toEqual({ send: '..x' })
    const closed = appendInput(type(s, '.', 'QUIT'), 'NOOP')
    expect(closed.notes).toEqual(['closed'])
    expect(closed.session.status.open).toBe(false)
    const again = appendEntries(closed.session, [{ connect: true }])
    expect(again.status.open).toBe(true)
  })

  it('IMAP: tags commands typed without one, not the continuation of a literal', () => {
    let s = openSandbox(setupOf('protocol=imap&port=143'))
    expect(nextTag(s)).toBe('a1')
    s = appendInput(s, 'LOGIN user1 password1', { autoTag: true }).session
    expect(s.entries.at(-1)).toEqual({ send: 'a1 LOGIN user1 password1' })
    s = appendInput(s, 'APPEND INBOX {5}', { autoTag: true }).session
    expect(s.status.continuation).toBe('literal')
    s = appendInput(s, 'hello', { autoTag: true }).session
    expect(s.entries.at(-1)).toEqual({ send: 'hello' })
    expect(nextTag(s)).toBe('a3')
  })

  it('an older session appended to again keeps its own value and gives a consistent timeline', () => {
    const base = type(openSandbox(setupOf('protocol=pop3&port=110')), 'USER user1')
    const a = appendInput(base, 'PASS password1').session
    const b = appendInput(base, 'PASS wrong').session
    expect(base.entries).toHaveLength(1)
    expect(serverLines(a).at(-1)).toMatch(/^\+OK/)
    expect(serverLines(b).at(-1)).toMatch(/^-ERR/)
    expect(a.timeline.steps).toHaveLength(b.timeline.steps.length)
  })

  it('a 1 MB pasted line is sent and answered, not thrown on', () => {
    const s = appendInput(openSandbox(setupOf('protocol=smtp&port=25')), 'x'.repeat(1_048_576)).session
    expect(serverLines(s).at(-1)).toMatch(/^5\d\d /)
    expect(appendInput(s, 'y'.repeat(LIMITS.lineLength + 1)).notes).toEqual(['limit'])
  })

  it('refuses entries past the session limit, with a note, and keeps what fitted', () => {
    const many: Entry[] = Array.from({ length: LIMITS.entries - 1 }, () => ({ wait: 1 }))
    const s = appendEntries(openSandbox(setupOf('protocol=smtp&port=25')), many)
    const r = appendInput(s, 'NOOP\nNOOP\nNOOP')
    expect(r.notes).toEqual(['limit'])
    expect(r.session.entries).toHaveLength(LIMITS.entries)
  })
})
