import { describe, expect, it } from 'vitest'
import { zoneLookup } from '../dns/zone'
import type { Zone } from '../dns/zone'
import type { DkimResult } from './dkim'
import { authenticationResults, checkDmarc, organizationalDomain } from './dmarc'
import type { SpfResult } from './spf'

describe('organizationalDomain (RFC 7489 §3.2, with the built-in suffix list)', () => {
  it.each([
    ['mail.example.com', 'example.com'],
    ['EXAMPLE.com.', 'example.com'],
    ['a.b.example.co.jp', 'example.co.jp'],
    ['example.co.jp', 'example.co.jp'],
    ['www.isp.ne.jp', 'isp.ne.jp'],
    ['mail.example.test', 'example.test'],
    ['x.y.example.jp', 'example.jp'],
    ['bank.example', 'bank.example'],
    ['co.jp', 'co.jp'],
  ])('%s → %s', (d, org) => expect(organizationalDomain(d)).toBe(org))
})

const txt = (name: string, text: string) => ({ name, type: 'TXT' as const, text })

describe('alignment and result (RFC 7489 §3.1, §4.2, §6.6)', () => {
  // from, SPF (domain, result), DKIM (domain, result), record → SPF aligned?, DKIM aligned?, result
  type Row = [string, string, SpfResult, string, DkimResult, string, boolean, boolean, 'pass' | 'fail']
  const rows: Row[] = [
    // both pass on the From domain itself
    ['example.com', 'example.com', 'pass', 'example.com', 'pass', 'v=DMARC1; p=reject', true, true, 'pass'],
    // relaxed: a subdomain aligns with its organizational domain, both ways
    ['example.com', 'bounce.example.com', 'pass', 'mail.example.com', 'pass', 'v=DMARC1; p=reject', true, true, 'pass'],
    ['news.example.com', 'example.com', 'pass', 'none.test', 'fail', 'v=DMARC1; p=reject', true, false, 'pass'],
    // strict: the subdomain no longer aligns
    ['example.com', 'bounce.example.com', 'pass', 'mail.example.com', 'pass', 'v=DMARC1; p=reject; aspf=s; adkim=s', false, false, 'fail'],
    ['example.com', 'bounce.example.com', 'pass', 'example.com', 'pass', 'v=DMARC1; p=reject; aspf=s', false, true, 'pass'],
    ['example.com', 'example.com', 'pass', 'mail.example.com', 'pass', 'v=DMARC1; p=reject; adkim=s', true, false, 'pass'],
    // an unaligned pass: SPF and DKIM pass, but for the sender's ESP, not for the From domain
    ['example.com', 'esp.example.net', 'pass', 'esp.example.net', 'pass', 'v=DMARC1; p=quarantine', false, false, 'fail'],
    // aligned but not passing does not count
    ['example.com', 'example.com', 'softfail', 'example.com', 'fail', 'v=DMARC1; p=reject', false, false, 'fail'],
    ['example.com', 'example.com', 'neutral', 'example.com', 'pass', 'v=DMARC1; p=reject', false, true, 'pass'],
    // a lookalike under another organizational domain
    ['example.co.jp', 'example.jp', 'pass', 'other.co.jp', 'pass', 'v=DMARC1; p=reject', false, false, 'fail'],
    ['shop.example.co.jp', 'mail.example.co.jp', 'pass', 'other.co.jp', 'pass', 'v=DMARC1; p=reject', true, false, 'pass'],
  ]
  it.each(rows)('From %s; SPF %s %s; DKIM %s %s; %s → spf %s dkim %s → %s', (from, spfD, spfR, dkimD, dkimR, record, spfA, dkimA, result) => {
    const zone: Zone = { records: [txt(`_dmarc.${organizationalDomain(from)}`, record)] }
    const r = checkDmarc({ fromDomain: from, spf: { domain: spfD, result: spfR }, dkim: [{ domain: dkimD, result: dkimR }] }, zoneLookup(zone))
    expect([r.spfAligned, r.dkimAligned, r.result]).toEqual([spfA, dkimA, result])
    expect(r.explanation.ja).not.toBe('')
  })
})

describe('policy discovery and disposition (RFC 7489 §6.6.3, §6.6.4)', () => {
  const failing = { spf: { domain: 'evil.example.net', result: 'pass' as const }, dkim: [] }
  it('the From domain’s own record is used first', () => {
    const zone: Zone = { records: [txt('_dmarc.sub.example.com', 'v=DMARC1; p=none'), txt('_dmarc.example.com', 'v=DMARC1; p=reject')] }
    const r = checkDmarc({ fromDomain: 'sub.example.com', ...failing }, zoneLookup(zone))
    expect(r).toMatchObject({ result: 'fail', policy: 'none', disposition: 'none', recordName: '_dmarc.sub.example.com' })
    expect(r.queries).toHaveLength(1)
  })
  it('then the organizational domain’s, whose sp= applies to subdomains', () => {
    const zone: Zone = { records: [txt('_dmarc.example.com', 'v=DMARC1; p=reject; sp=quarantine')] }
    const r = checkDmarc({ fromDomain: 'sub.example.com', ...failing }, zoneLookup(zone))
    expect(r).toMatchObject({ result: 'fail', policy: 'quarantine', disposition: 'quarantine', recordName: '_dmarc.example.com' })
    expect(r.queries.map((q) => q.question.name)).toEqual(['_dmarc.sub.example.com', '_dmarc.example.com'])
    const own = checkDmarc({ fromDomain: 'example.com', ...failing }, zoneLookup(zone))
    expect(own).toMatchObject({ policy: 'reject', disposition: 'reject' })
  })
  it('a pass has disposition none whatever p= says', () => {
    const zone: Zone = { records: [txt('_dmarc.example.com', 'v=DMARC1; p=reject')] }
    expect(checkDmarc({ fromDomain: 'example.com', spf: { domain: 'example.com', result: 'pass' }, dkim: [] }, zoneLookup(zone))).toMatchObject({
      result: 'pass',
      disposition: 'none',
      policy: 'reject',
    })
  })
  it('no record → none; two records → none; SERVFAIL → temperror; bad p= → permerror', () => {
    expect(checkDmarc({ fromDomain: 'example.com', ...failing }, zoneLookup({ records: [txt('_dmarc.example.com', 'v=spf1 -all')] })).result).toBe('none')
    expect(
      checkDmarc(
        { fromDomain: 'example.com', ...failing },
        zoneLookup({ records: [txt('_dmarc.example.com', 'v=DMARC1; p=none'), txt('_dmarc.example.com', 'v=DMARC1; p=reject')] }),
      ).result,
    ).toBe('none')
    expect(checkDmarc({ fromDomain: 'example.com', ...failing }, zoneLookup({ records: [], failing: ['_dmarc.example.com'] })).result).toBe('temperror')
    expect(checkDmarc({ fromDomain: 'example.com', ...failing }, zoneLookup({ records: [txt('_dmarc.example.com', 'v=DMARC1; p=block')] })).result).toBe(
      'permerror',
    )
    const rua = checkDmarc(
      { fromDomain: 'example.com', ...failing },
      zoneLookup({ records: [txt('_dmarc.example.com', 'v=DMARC1; p=block; rua=mailto:d@example.com')] }),
    )
    expect(rua).toMatchObject({ result: 'fail', policy: 'none', disposition: 'none' })
  })
})

describe('Authentication-Results (RFC 8601)', () => {
  it('records the three checks in one field', () => {
    const zone: Zone = { records: [txt('_dmarc.example.com', 'v=DMARC1; p=reject')] }
    const check = { ip: '192.0.2.1', domain: 'example.com', sender: 'a@example.com', helo: 'mail.example.com' }
    const dmarc = checkDmarc(
      { fromDomain: 'example.com', spf: { domain: 'example.com', result: 'pass' }, dkim: [{ domain: 'example.com', result: 'pass' }] },
      zoneLookup(zone),
    )
    const header = authenticationResults('mx.example.net', {
      spf: { result: 'pass', domain: 'example.com', queries: [], lookups: 0, explanation: { ja: '', en: '' }, rfc: '', check },
      dkim: { result: 'pass', domain: 'example.com', selector: 'sel', queries: [], rfc: '' },
      dmarc: { ...dmarc, fromDomain: 'example.com' },
    })
    expect(header).toBe(
      'Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com header.s=sel; dmarc=pass header.from=example.com',
    )
  })
  it('a failure carries its reason and the policy', () => {
    const check = { ip: '203.0.113.9', domain: 'example.com', sender: 'a@example.com', helo: 'x' }
    const header = authenticationResults(
      'mx.example.net',
      {
        spf: { result: 'fail', domain: 'example.com', queries: [], lookups: 0, explanation: { ja: '', en: '' }, rfc: '', check },
        dkim: { result: 'fail', domain: 'example.com', selector: 'sel', reason: 'body hash did not verify', queries: [], rfc: '' },
        dmarc: {
          result: 'fail',
          policy: 'reject',
          disposition: 'reject',
          spfAligned: false,
          dkimAligned: false,
          alignment: { spf: 'r', dkim: 'r' },
          queries: [],
          explanation: { ja: '', en: '' },
          rfc: '',
          fromDomain: 'example.com',
        },
      },
      { fold: true },
    )
    expect(header.split('\r\n\t')).toEqual([
      'Authentication-Results: mx.example.net;',
      'spf=fail smtp.mailfrom=example.com;',
      'dkim=fail reason="body hash did not verify" header.d=example.com header.s=sel;',
      'dmarc=fail (p=reject dis=reject) header.from=example.com',
    ])
  })
})
