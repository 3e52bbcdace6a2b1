import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { LIMITS, readEntries, type Entry } from './entries'
import { decodeLink, encodeLink, LINK_PARAM_MAX, readSessionFile, sessionFile } from './link'
import { openSandbox } from './session'
import { parseSetup } from './setup'

const b64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

describe('share links', () => {
  it('round-trip every kind of entry, including text outside ASCII', async () => {
    const entries: Entry[] = [
      { send: 'EHLO a' },
      { connect: true },
      { send: 'ÄÖ ユーザ' },
      { wait: 300 },
      { pipeline: ['MAIL FROM:<a@b.c>', 'DATA'] },
      { close: true },
    ]
    const link = await encodeLink(entries)
    expect(link).not.toBeNull()
    expect(await decodeLink(link, 'smtp')).toEqual({ ok: true, entries })
    expect(await decodeLink('', 'smtp')).toEqual({ ok: true, entries: [] })
  })

  it('the largest session a link can hold (every entry the limit allows) reopens as it was written', async () => {
    const entries: Entry[] = Array.from({ length: LIMITS.entries }, (_, i) => ({ send: i % 2 ? 'NOOP' : 'RSET' }))
    const link = await encodeLink(entries)
    expect(link).not.toBeNull()
    expect((link ?? '').length).toBeLessThanOrEqual(LINK_PARAM_MAX)
    const back = await decodeLink(link, 'smtp')
    expect(back).toEqual({ ok: true, entries })
    // And the sandbox plays it: the connection plus one command and one reply per entry.
    if (back.ok) expect(openSandbox(parseSetup(new URLSearchParams('protocol=smtp')), back.entries).timeline.steps.length).toBe(4 + 2 * LIMITS.entries)
  })

  it('a session too long for a link is not written as one; its file reopens it whole', async () => {
    // The largest session allowed: every entry, every character, lines that do not compress.
    let seed = 7
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed
    }
    const per = Math.floor(LIMITS.totalChars / LIMITS.entries)
    const entries: Entry[] = Array.from({ length: LIMITS.entries }, () => ({
      send: Array.from({ length: per }, () => String.fromCharCode(33 + (rnd() % 90))).join(''),
    }))
    expect(await encodeLink(entries)).toBeNull()
    const setup = parseSetup(new URLSearchParams('protocol=imap&port=993&preset=company'))
    const file = sessionFile(setup, entries)
    expect(readSessionFile(file)).toEqual({ ok: true, setup, entries })
  })

  it("the first version's links still open", async () => {
    const old = b64url(Buffer.from(JSON.stringify(['EHLO a', { c: 1 }, { w: 300 }, { p: ['NOOP', 'NOOP'] }, { x: 1 }])))
    expect(await decodeLink(old, 'smtp')).toEqual({
      ok: true,
      entries: [{ send: 'EHLO a' }, { connect: true }, { wait: 300 }, { pipeline: ['NOOP', 'NOOP'] }, { close: true }],
    })
  })

  it('refuses what it would never write: damaged, over-long, too many entries, a bomb', async () => {
    expect(await decodeLink('%%%', 'smtp')).toEqual({ ok: false, reason: 'format' })
    expect(await decodeLink('z1.AAAA', 'smtp')).toEqual({ ok: false, reason: 'format' })
    expect(await decodeLink('z1.' + 'A'.repeat(LINK_PARAM_MAX), 'smtp')).toEqual({ ok: false, reason: 'too-long' })
    const tooMany = 'z1.' + b64url(deflateRawSync(JSON.stringify(Array.from({ length: LIMITS.entries + 1 }, () => 'NOOP'))))
    expect(tooMany.length).toBeLessThan(LINK_PARAM_MAX)
    expect(await decodeLink(tooMany, 'smtp')).toEqual({ ok: false, reason: 'too-long' })
    // 100,000 lines in a link of a few kilobytes (the freeze of the first version): refused before it is parsed.
    const bomb = 'z1.' + b64url(deflateRawSync(JSON.stringify([{ pipeline: Array.from({ length: 100_000 }, () => 'NOOP') }]).padEnd(5_000_000, ' ')))
    expect(bomb.length).toBeLessThan(LINK_PARAM_MAX)
    const t = performance.now()
    expect((await decodeLink(bomb, 'smtp')).ok).toBe(false)
    expect(performance.now() - t).toBeLessThan(2_000)
    expect(await decodeLink('z1.' + b64url(deflateRawSync('{"not":"a list"}')), 'smtp')).toEqual({ ok: false, reason: 'format' })
    expect(await decodeLink('z1.' + b64url(deflateRawSync(JSON.stringify([{ send: 'a\r\nb' }]))), 'smtp')).toEqual({ ok: false, reason: 'format' })
  })

  it('a foreign or broken file gives a reason, never a throw', () => {
    expect(readSessionFile('not json')).toEqual({ ok: false, reason: 'format' })
    expect(readSessionFile('{"format":"something-else","version":1,"setup":{},"entries":[]}')).toEqual({ ok: false, reason: 'format' })
    expect(readSessionFile(JSON.stringify({ format: 'mail-sequence-session', version: 1, setup: {}, entries: [{ wait: -1 }] }))).toEqual({
      ok: false,
      reason: 'format',
    })
  })
})

describe('pipelined entries belong to SMTP only (issue 12)', () => {
  // RFC 2920 pipelining is what the sandbox writes for SMTP; its POP3 and IMAP sessions are typed line by line.
  const forged = 'z1.' + b64url(deflateRawSync(JSON.stringify(['USER user1', { p: ['PASS x', 'STAT'] }])))

  it('a link that puts {p:[…]} into a POP3 or IMAP session is refused with its own reason', async () => {
    expect(await decodeLink(forged, 'pop3')).toEqual({ ok: false, reason: 'pipeline' })
    expect(await decodeLink(forged, 'imap')).toEqual({ ok: false, reason: 'pipeline' })
    expect(await decodeLink(forged, 'smtp')).toEqual({ ok: true, entries: [{ send: 'USER user1' }, { pipeline: ['PASS x', 'STAT'] }] })
  })

  it('a session file does the same, by the protocol of its own setup', () => {
    const file = (protocol: string) =>
      JSON.stringify({ format: 'mail-sequence-session', version: 1, setup: { protocol }, entries: [{ pipeline: ['NOOP', 'NOOP'] }] })
    expect(readSessionFile(file('pop3'))).toEqual({ ok: false, reason: 'pipeline' })
    expect(readSessionFile(file('imap'))).toEqual({ ok: false, reason: 'pipeline' })
    expect(readSessionFile(file('smtp')).ok).toBe(true)
  })

  it('readEntries names the protocol it checked against', () => {
    expect(readEntries([{ pipeline: ['a', 'b'] }], 'imap')).toEqual({ ok: false, reason: 'pipeline' })
    expect(readEntries(['a', { send: 'b' }], 'imap')).toEqual({ ok: true, entries: [{ send: 'a' }, { send: 'b' }] })
  })
})
