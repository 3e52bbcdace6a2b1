import { describe, expect, it } from 'vitest'
import { answerLines, queryMessage, questionText, responseMessage } from './wire'
import { resolve } from './zone'
import type { Zone } from './zone'

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ')
// "example.net" as labels (RFC 1035 §3.1): 7 e x a m p l e 3 n e t 0
const EXAMPLE_NET = '07 65 78 61 6d 70 6c 65 03 6e 65 74 00'

describe('DNS messages (RFC 1035 §4.1)', () => {
  it('a query: id, RD, QDCOUNT 1, the question MX IN', () => {
    expect(hex(queryMessage(0x1234, { name: 'example.net', type: 'MX' }))).toBe(`12 34 01 00 00 01 00 00 00 00 00 00 ${EXAMPLE_NET} 00 0f 00 01`)
  })
  it('a response compresses names with pointers to offset 12 (RFC 1035 §4.1.4)', () => {
    const zone: Zone = { records: [{ name: 'example.net', type: 'MX', preference: 10, exchange: 'mx.example.net', ttl: 300 }] }
    const msg = responseMessage(0x1234, resolve(zone, { name: 'example.net', type: 'MX' }))
    expect(hex(msg)).toBe(
      [
        '12 34 85 80 00 01 00 01 00 00 00 00', // QR AA RD RA, NOERROR, 1 question, 1 answer
        EXAMPLE_NET,
        '00 0f 00 01',
        'c0 0c 00 0f 00 01 00 00 01 2c', // name → pointer to the question's name, MX IN, TTL 300
        '00 07 00 0a 02 6d 78 c0 0c', // RDLENGTH 7: preference 10, "mx" + pointer
      ].join(' '),
    )
  })
  it('NXDOMAIN sets RCODE 3 and has no answers', () => {
    const msg = responseMessage(7, resolve({ records: [] }, { name: 'x.test', type: 'A' }))
    expect(msg[3]! & 0x0f).toBe(3)
    expect(msg[7]).toBe(0)
  })
  it('a TXT longer than 255 octets is split into character-strings (RFC 1035 §3.3.14)', () => {
    const text = 'v=DKIM1; p=' + 'A'.repeat(300)
    const msg = responseMessage(1, resolve({ records: [{ name: 't.test', type: 'TXT', text }] }, { name: 't.test', type: 'TXT' }))
    // header 12 + question (8 octets of name + 4) = 24; answer: pointer 2, type/class/ttl 8, rdlength 2 → rdata at 36
    const rdlength = (msg[34]! << 8) | msg[35]!
    expect(rdlength).toBe(1 + 255 + 1 + (text.length - 255))
    expect(msg[36]).toBe(255)
    expect(msg[36 + 256]).toBe(text.length - 255)
  })
  it('A and AAAA data are the address octets', () => {
    const zone: Zone = {
      records: [
        { name: 'h.test', type: 'A', address: '192.0.2.1' },
        { name: 'h.test', type: 'AAAA', address: '2001:db8::1' },
      ],
    }
    const a = responseMessage(1, resolve(zone, { name: 'h.test', type: 'A' }))
    expect(hex(a.slice(-4))).toBe('c0 00 02 01')
    const aaaa = responseMessage(1, resolve(zone, { name: 'h.test', type: 'AAAA' }))
    expect(hex(aaaa.slice(-16))).toBe('20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01')
  })
})

describe('labels for the diagram', () => {
  it('question and answers as short lines', () => {
    const zone: Zone = { records: [{ name: 'example.net', type: 'MX', preference: 10, exchange: 'mx.example.net.' }] }
    expect(questionText({ name: 'Example.NET.', type: 'MX' })).toBe('MX? example.net')
    expect(answerLines(resolve(zone, { name: 'example.net', type: 'MX' }))).toEqual(['MX 10 mx.example.net'])
    expect(answerLines(resolve(zone, { name: 'nope.example', type: 'MX' }))).toEqual(['NXDOMAIN'])
    expect(answerLines(resolve(zone, { name: 'example.net', type: 'A' }))).toEqual(['NOERROR (NODATA)'])
  })
})
