// The public face of CONTRACT.md §1, used the way a course author's Node script would use it.
import { describe, expect, it } from 'vitest'
import { createServer } from './index'

describe('createServer', () => {
  it('smtp: greeting, then a sequence error with the RFC code', () => {
    const s = createServer('smtp')
    expect(s.open()).toEqual(['220 mail.example.test ESMTP'])
    expect(s.receive('RCPT TO:<user1@example.test>')[0]).toMatch(/^503 /)
    expect(s.state).toBe('connected')
    expect(s.closed).toBe(false)
  })

  it('pop3: +OK greeting with an APOP timestamp; the RFC 1939 §7 example digest logs in', () => {
    const s = createServer('pop3', { apopTimestamp: '<1896.697170952@dbc.mtview.ca.us>', users: { mrose: 'tanstaaf' }, mailbox: { mrose: [] } })
    expect(s.open()[0]).toMatch(/^\+OK .*<1896\.697170952@dbc\.mtview\.ca\.us>$/)
    expect(s.receive('APOP mrose c4c9334bac560ecc979e58001b3e22fb')[0]).toMatch(/^\+OK/)
    expect(s.receive('QUIT')[0]).toMatch(/^\+OK/)
    expect(s.closed).toBe(true)
  })

  it('imap: untagged OK greeting, tagged replies, LOGOUT closes', () => {
    const s = createServer('imap')
    expect(s.open()[0]).toMatch(/^\* OK /)
    expect(s.receive('a1 LOGIN user1 password1').at(-1)).toMatch(/^a1 OK/)
    expect(s.receive('a2 SELECT INBOX').at(-1)).toMatch(/^a2 OK/)
    const bye = s.receive('a3 LOGOUT')
    expect(bye[0]).toMatch(/^\* BYE/)
    expect(bye.at(-1)).toMatch(/^a3 OK/)
    expect(s.closed).toBe(true)
  })
})
