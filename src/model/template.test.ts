import { describe, expect, it } from 'vitest'
import { IMAP_RESPONSES } from './imap/responses'
import { POP3_REPLIES } from './pop3/replies'
import { SMTP_REPLIES } from './smtp/replies'
import { fillTemplate } from './template'

describe('fillTemplate', () => {
  it('fills every placeholder it has a value for, numbers included', () => {
    expect(fillTemplate('{host} POP3 server ready. {timestamp}', { host: 'mx.test', timestamp: '<1.2@mx.test>' })).toBe(
      'mx.test POP3 server ready. <1.2@mx.test>',
    )
    expect(fillTemplate('{n} EXISTS', { n: 0 })).toBe('0 EXISTS')
  })

  it('leaves unknown names as written, so a missing value shows on the wire instead of vanishing', () => {
    expect(fillTemplate('{addr}: Relay access denied', {})).toBe('{addr}: Relay access denied')
  })

  it('never reads a value as a template (one pass), nor inherited properties as values', () => {
    expect(fillTemplate('<{addr}>', { addr: '{host}', host: 'x' })).toBe('<{host}>')
    expect(fillTemplate('{constructor} {toString}')).toBe('{constructor} {toString}')
  })
})

describe('reply tables', () => {
  const texts = [
    ...Object.entries(SMTP_REPLIES).map(([id, d]) => [`smtp ${id}`, d.text] as const),
    ...Object.entries(POP3_REPLIES).map(([id, d]) => [`pop3 ${id}`, d.text] as const),
    ...Object.entries(IMAP_RESPONSES).map(([id, d]) => [`imap ${id}`, d.text] as const),
  ]
  it('write every placeholder so that fillTemplate fills it: {lowercase}', () => {
    for (const [id, text] of texts) {
      for (const m of text.matchAll(/\{[^}]*\}/g)) expect(m[0], id).toMatch(/^\{[a-z]+\}$/)
    }
    expect(texts.length).toBeGreaterThan(150)
  })
})
