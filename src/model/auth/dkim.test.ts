import { createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { zoneLookup } from '../dns/zone'
import type { Zone } from '../dns/zone'
import { bodyHash, dkimRecord, dkimSign, dkimSignatureFor, dkimVerify, dkimVerifyAll } from './dkim'
import { RFC8463_RECORDS, RFC8463_RSA_KEY, RFC8463_RSA_SIGNATURE, RFC8463_SIGNED, RFC8463_UNSIGNED } from './rfc8463.fixture'
import { TEACHING_KEY_PEM } from './teaching-key'

const rfcZone: Zone = { records: Object.entries(RFC8463_RECORDS).map(([name, text]) => ({ name, type: 'TXT' as const, text })) }
const tag = (field: string, name: string): string =>
  new RegExp(`(?:^|;)\\s*${name}=([^;]*)`).exec(field.slice(field.indexOf(':') + 1))?.[1]?.replace(/\s+/g, '') ?? ''
const A3_B = tag(RFC8463_RSA_SIGNATURE, 'b')

describe('RFC 8463 Appendix A (known answers)', () => {
  it('A.2: the TXT record published for A.1’s RSA key is exactly the one dkimRecord builds', () => {
    expect(dkimRecord(RFC8463_RSA_KEY)).toBe(RFC8463_RECORDS['test._domainkey.football.example.com'])
  })
  it('A.3: the rsa-sha256 signature verifies with the A.2 record', () => {
    const r = dkimVerify(RFC8463_SIGNED, zoneLookup(rfcZone))
    expect(r).toMatchObject({ result: 'pass', domain: 'football.example.com', selector: 'test' })
    expect(r.queries.map((q) => `${q.question.type} ${q.question.name} ${q.rcode}`)).toEqual(['TXT test._domainkey.football.example.com NOERROR'])
  })
  it('A.3: the ed25519-sha256 signature is reported as an algorithm this engine does not implement (neutral)', () => {
    const [ed, rsa] = dkimVerifyAll(RFC8463_SIGNED, zoneLookup(rfcZone))
    expect(ed).toMatchObject({ result: 'neutral', selector: 'brisbane', reason: 'signature algorithm not supported (ed25519-sha256)' })
    expect(rsa?.result).toBe('pass')
  })
  it('A.3: bh= is the SHA-256 of the relaxed body', () => {
    expect(bodyHash(RFC8463_UNSIGNED)).toBe('2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=')
  })
  it('A.3: signing the same header field (b= empty) with A.1’s key gives the same b= (PKCS#1 v1.5 is deterministic)', () => {
    const field = RFC8463_RSA_SIGNATURE.replace(/b=F45d[\s\S]*$/, 'b=')
    expect(dkimSignatureFor(RFC8463_SIGNED, field, RFC8463_RSA_KEY)).toBe(A3_B)
  })
  it('A.3: dkimSign with the same tags reproduces bh= and b=', () => {
    const field = dkimSign(
      RFC8463_UNSIGNED,
      { domain: 'football.example.com', selector: 'test', privateKeyPem: RFC8463_RSA_KEY },
      {
        headers: ['from', 'to', 'subject', 'date', 'message-id', 'from', 'subject', 'date'],
        time: 1528637909,
        identity: '@football.example.com',
        queryMethod: true,
        separator: ' : ',
      },
    )
    expect(tag(field, 'bh')).toBe('2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=')
    expect(tag(field, 'b')).toBe(A3_B)
    expect(field.split('\r\n').every((l) => l.length <= 78)).toBe(true)
  })
})

describe('what a relay can break (RFC 6376 §6.1.3)', () => {
  const lookup = zoneLookup(rfcZone)
  it('a body changed on the way → fail, body hash did not verify', () => {
    const r = dkimVerify(RFC8463_SIGNED.replace('Are you hungry yet?', 'Are you hungry yet? [scanned by relay]'), lookup)
    expect(r).toMatchObject({ result: 'fail', reason: 'body hash did not verify' })
  })
  it('a footer appended by a mailing list → fail', () => {
    expect(dkimVerify(RFC8463_SIGNED + '--\r\nlist footer\r\n', lookup).result).toBe('fail')
  })
  it('a signed header changed → fail, signature did not verify', () => {
    const r = dkimVerify(RFC8463_SIGNED.replace('Subject: Is dinner ready?', 'Subject: Is lunch ready?'), lookup)
    expect(r).toMatchObject({ result: 'fail', reason: 'signature did not verify' })
  })
  it('relaxed canonicalization forgives whitespace changes and trailing blank lines', () => {
    const r = dkimVerify(
      RFC8463_SIGNED.replace('Subject: Is dinner ready?', 'Subject:   Is  dinner\tready?  ').replace('Joe.\r\n', 'Joe.   \r\n\r\n\r\n'),
      lookup,
    )
    expect(r.result).toBe('pass')
  })
  it('an unsigned header added by a relay does not matter', () => {
    expect(dkimVerify('Received: from relay.example.net\r\n' + RFC8463_SIGNED, lookup).result).toBe('pass')
  })
})

describe('the key record (RFC 6376 §6.1.2, §3.6.1)', () => {
  const only = (zone: Zone) => dkimVerify(RFC8463_SIGNED.replace(/^DKIM-Signature: v=1; a=ed25519[\s\S]*?\r\n(?=DKIM-Signature)/, ''), zoneLookup(zone))
  it('no key record → permerror (no key for signature)', () => {
    expect(only({ records: [] })).toMatchObject({ result: 'permerror', reason: 'no key for signature' })
  })
  it('the DNS fails → temperror (key unavailable)', () => {
    expect(only({ records: [], failing: ['test._domainkey.football.example.com'] })).toMatchObject({ result: 'temperror', reason: 'key unavailable' })
  })
  it('an empty p= (revoked key) → permerror', () => {
    expect(only({ records: [{ name: 'test._domainkey.football.example.com', type: 'TXT', text: 'v=DKIM1; k=rsa; p=' }] })).toMatchObject({
      result: 'permerror',
      reason: 'key revoked',
    })
  })
  it('another key in the record → fail', () => {
    const zone: Zone = { records: [{ name: 'test._domainkey.football.example.com', type: 'TXT', text: dkimRecord(TEACHING_KEY_PEM) }] }
    expect(only(zone)).toMatchObject({ result: 'fail', reason: 'signature did not verify' })
  })
  it('no DKIM-Signature at all → none', () => {
    expect(dkimVerify(RFC8463_UNSIGNED, zoneLookup(rfcZone)).result).toBe('none')
  })
})

describe('the teaching key', () => {
  const key = { domain: 'example.test', selector: 'lesson', privateKeyPem: TEACHING_KEY_PEM }
  const zone: Zone = { records: [{ name: 'lesson._domainkey.example.test', type: 'TXT', text: dkimRecord(TEACHING_KEY_PEM) }] }
  const message =
    'From: user1@example.test\nTo: user2@example.net\nSubject: hello\nDate: Sat, 28 Nov 2026 10:00:00 +0900\nMessage-ID: <1@example.test>\n\nHello.\n'

  it('dkimRecord publishes the same SubjectPublicKeyInfo as Node’s crypto', () => {
    const spki = createPublicKey(TEACHING_KEY_PEM).export({ type: 'spki', format: 'der' }).toString('base64')
    expect(dkimRecord(TEACHING_KEY_PEM)).toBe(`v=DKIM1; k=rsa; p=${spki}`)
  })
  it('signs in under 50 ms, deterministically, and the signature verifies (LF line ends accepted)', () => {
    // The best of three runs, so that a busy machine does not make the timing flaky.
    const times: number[] = []
    let field = ''
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      field = dkimSign(message, key, { time: 1795827600 })
      times.push(performance.now() - t0)
    }
    expect(Math.min(...times)).toBeLessThan(50)
    expect(dkimSign(message, key, { time: 1795827600 })).toBe(field)
    expect(field.replace(/\r\n /g, ' ')).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example\.test; s=lesson; t=1795827600;/)
    expect(tag(field, 'h')).toBe('From:To:Subject:Date:Message-ID')
    expect(dkimVerify(field + '\r\n' + message, zoneLookup(zone))).toMatchObject({ result: 'pass', domain: 'example.test', selector: 'lesson' })
  })
  it('h= lists only the fields the message has', () => {
    expect(tag(dkimSign('From: a@example.test\r\nSubject: x\r\n\r\nbody\r\n', key), 'h')).toBe('From:Subject')
  })
})
