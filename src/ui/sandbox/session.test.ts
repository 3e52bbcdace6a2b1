import { describe, expect, it } from 'vitest'
import { buildTimeline } from '../../model'
import { decodeEntries, encodeEntries, parseSetup, specOf, statusOf } from './session'

describe('sandbox session', () => {
  it('a preset sets the server name, users and local domains', () => {
    const setup = parseSetup(new URLSearchParams('protocol=smtp&port=25&preset=company'))
    const t = buildTimeline(specOf(setup, ['HELO a.example', 'MAIL FROM:<a@a.example>', 'RCPT TO:<sales@example.co.jp>']))
    const server = t.steps.filter((s) => s.from === 'server' && s.layer === 'smtp').map((s) => s.lines[0])
    expect(server[0]).toMatch(/^220 mx\.example\.co\.jp/)
    expect(server.at(-1)).toMatch(/^250 /)
  })

  it('share links round-trip, and a damaged one is refused', () => {
    const entries = ['EHLO a', { c: 1 } as const, 'ÄÖ ユーザ', { w: 300 } as const, { p: ['MAIL FROM:<a@b.c>', 'DATA'] }]
    expect(decodeEntries(encodeEntries(entries))).toEqual(entries)
    expect(decodeEntries('%%%')).toBeNull()
    expect(decodeEntries(encodeEntries([]))).toEqual([])
  })

  it('knows when the server has closed the connection', () => {
    const setup = parseSetup(new URLSearchParams('protocol=pop3&port=110'))
    expect(statusOf(buildTimeline(specOf(setup, []))).open).toBe(true)
    expect(statusOf(buildTimeline(specOf(setup, ['QUIT']))).open).toBe(false)
  })
})
