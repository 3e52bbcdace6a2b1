import { describe, expect, it } from 'vitest'
import { zoneLookup } from '../dns/zone'
import type { ResourceRecord, Zone } from '../dns/zone'
import { checkSpf } from './spf'
import type { SpfResult } from './spf'

// RFC 7208 Appendix A: "These examples are based on the following DNS setup" (the CNAME for www is left out:
// no example uses it; the PTR records are written as the names they stand for).
const APPENDIX_A: ResourceRecord[] = [
  { name: 'example.com', type: 'MX', preference: 10, exchange: 'mail-a.example.com' },
  { name: 'example.com', type: 'MX', preference: 20, exchange: 'mail-b.example.com' },
  { name: 'example.com', type: 'A', address: '192.0.2.10' },
  { name: 'example.com', type: 'A', address: '192.0.2.11' },
  { name: 'amy.example.com', type: 'A', address: '192.0.2.65' },
  { name: 'bob.example.com', type: 'A', address: '192.0.2.66' },
  { name: 'mail-a.example.com', type: 'A', address: '192.0.2.129' },
  { name: 'mail-b.example.com', type: 'A', address: '192.0.2.130' },
  { name: 'example.org', type: 'MX', preference: 10, exchange: 'mail-c.example.org' },
  { name: 'mail-c.example.org', type: 'A', address: '192.0.2.140' },
  { name: '10.2.0.192.in-addr.arpa', type: 'PTR', target: 'example.com' },
  { name: '11.2.0.192.in-addr.arpa', type: 'PTR', target: 'example.com' },
  { name: '65.2.0.192.in-addr.arpa', type: 'PTR', target: 'amy.example.com' },
  { name: '66.2.0.192.in-addr.arpa', type: 'PTR', target: 'bob.example.com' },
  { name: '129.2.0.192.in-addr.arpa', type: 'PTR', target: 'mail-a.example.com' },
  { name: '130.2.0.192.in-addr.arpa', type: 'PTR', target: 'mail-b.example.com' },
  { name: '140.2.0.192.in-addr.arpa', type: 'PTR', target: 'mail-c.example.org' },
  // "A rogue reverse IP domain that claims to be something it's not"
  { name: '4.0.0.10.in-addr.arpa', type: 'PTR', target: 'bob.example.com' },
]

const txt = (name: string, text: string): ResourceRecord => ({ name, type: 'TXT', text })
const withRecords = (...extra: ResourceRecord[]): Zone => ({ records: [...APPENDIX_A, ...extra] })
const spf = (zone: Zone, ip: string, sender = 'user@example.com', domain = 'example.com') =>
  checkSpf({ ip, domain, sender, helo: 'client.example.net' }, zoneLookup(zone))
const results = (record: string, ips: string[]): Record<string, SpfResult> =>
  Object.fromEntries(ips.map((ip) => [ip, spf(withRecords(txt('example.com', record)), ip).result]))

const SOME_HOSTS = ['192.0.2.10', '192.0.2.11', '192.0.2.65', '192.0.2.129', '192.0.2.130', '192.0.2.140', '10.0.0.4', '2001:db8::1']

describe('RFC 7208 Appendix A.1: simple examples ("which values of <ip> would cause check_host() to return pass")', () => {
  const passing = (record: string): string[] =>
    Object.entries(results(record, SOME_HOSTS))
      .filter(([, r]) => r === 'pass')
      .map(([ip]) => ip)

  it('v=spf1 +all — any <ip> passes', () => {
    expect(passing('v=spf1 +all')).toEqual(SOME_HOSTS)
  })
  it('v=spf1 a -all — hosts 192.0.2.10 and 192.0.2.11 pass', () => {
    expect(passing('v=spf1 a -all')).toEqual(['192.0.2.10', '192.0.2.11'])
    expect(results('v=spf1 a -all', ['192.0.2.65'])).toEqual({ '192.0.2.65': 'fail' })
  })
  it('v=spf1 a:example.org -all — no sending hosts pass since example.org has no A records', () => {
    expect(passing('v=spf1 a:example.org -all')).toEqual([])
  })
  it('v=spf1 mx -all — sending hosts 192.0.2.129 and 192.0.2.130 pass', () => {
    expect(passing('v=spf1 mx -all')).toEqual(['192.0.2.129', '192.0.2.130'])
  })
  it('v=spf1 mx:example.org -all — sending host 192.0.2.140 passes', () => {
    expect(passing('v=spf1 mx:example.org -all')).toEqual(['192.0.2.140'])
  })
  it('v=spf1 mx mx:example.org -all — sending hosts 192.0.2.129, 192.0.2.130, and 192.0.2.140 pass', () => {
    expect(passing('v=spf1 mx mx:example.org -all')).toEqual(['192.0.2.129', '192.0.2.130', '192.0.2.140'])
  })
  it('v=spf1 mx/30 mx:example.org/30 -all — any sending host in 192.0.2.128/30 or 192.0.2.140/30 passes', () => {
    const ips = ['192.0.2.127', '192.0.2.128', '192.0.2.131', '192.0.2.132', '192.0.2.139', '192.0.2.140', '192.0.2.143', '192.0.2.144']
    expect(results('v=spf1 mx/30 mx:example.org/30 -all', ips)).toEqual({
      '192.0.2.127': 'fail',
      '192.0.2.128': 'pass',
      '192.0.2.131': 'pass',
      '192.0.2.132': 'fail',
      '192.0.2.139': 'fail',
      '192.0.2.140': 'pass',
      '192.0.2.143': 'pass',
      '192.0.2.144': 'fail',
    })
  })
  it('v=spf1 ptr -all — 192.0.2.65 passes; 192.0.2.140 fails (not in example.com); 10.0.0.4 fails (reverse IP not valid)', () => {
    expect(results('v=spf1 ptr -all', ['192.0.2.65', '192.0.2.140', '10.0.0.4'])).toEqual({ '192.0.2.65': 'pass', '192.0.2.140': 'fail', '10.0.0.4': 'fail' })
  })
  it('v=spf1 ip4:192.0.2.128/28 -all — 192.0.2.65 fails, 192.0.2.129 passes', () => {
    expect(results('v=spf1 ip4:192.0.2.128/28 -all', ['192.0.2.65', '192.0.2.129'])).toEqual({ '192.0.2.65': 'fail', '192.0.2.129': 'pass' })
  })
})

describe('RFC 7208 Appendix A.2: multiple domain example', () => {
  // example.org's designated servers are the union of example.com's and example.net's.
  const zone = withRecords(
    txt('example.org', 'v=spf1 include:example.com include:example.net -all'),
    txt('example.com', 'v=spf1 a mx -all'),
    txt('example.net', 'v=spf1 ip4:198.51.100.0/24 -all'),
    txt('la.example.org', 'v=spf1 redirect=example.org'),
    txt('ny.example.org', 'v=spf1 redirect=example.org'),
    txt('sf.example.org', 'v=spf1 redirect=example.org'),
  )
  it('include: a host of example.com or of example.net passes for example.org; others fail', () => {
    expect(spf(zone, '192.0.2.129', 'a@example.org', 'example.org').result).toBe('pass')
    expect(spf(zone, '198.51.100.9', 'a@example.org', 'example.org').result).toBe('pass')
    const other = spf(zone, '203.0.113.5', 'a@example.org', 'example.org')
    expect(other.result).toBe('fail')
    expect(other.mechanism).toBe('-all')
  })
  it('redirect: la/ny/sf.example.org use example.org’s record', () => {
    for (const d of ['la.example.org', 'ny.example.org', 'sf.example.org']) {
      expect(spf(zone, '192.0.2.10', `a@${d}`, d).result).toBe('pass')
      expect(spf(zone, '203.0.113.5', `a@${d}`, d).result).toBe('fail')
    }
  })
})

describe('RFC 7208 Appendix A.3: DNSBL style example (macros %{d}, %{l1r+}, %{ir})', () => {
  const zone = withRecords(
    { name: 'mary.mobile-users._spf.example.com', type: 'A', address: '127.0.0.2' },
    { name: 'fred.mobile-users._spf.example.com', type: 'A', address: '127.0.0.2' },
    { name: '15.15.168.192.joel.remote-users._spf.example.com', type: 'A', address: '127.0.0.2' },
    { name: '16.15.168.192.joel.remote-users._spf.example.com', type: 'A', address: '127.0.0.2' },
    txt('example.com', 'v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all'),
    txt('mobile-users._spf.example.com', 'v=spf1 exists:%{l1r+}.%{d}'),
    txt('remote-users._spf.example.com', 'v=spf1 exists:%{ir}.%{l1r+}.%{d}'),
  )
  it('mobile users mail from arbitrary servers', () => {
    expect(spf(zone, '203.0.113.7', 'mary@example.com').result).toBe('pass')
    expect(spf(zone, '198.51.100.1', 'fred+news@example.com').result).toBe('pass')
    const q = spf(zone, '203.0.113.7', 'mary@example.com').queries.map((a) => `${a.question.type} ${a.question.name}`)
    expect(q).toContain('A mary.mobile-users._spf.example.com')
  })
  it('remote users mail from their own servers only', () => {
    expect(spf(zone, '192.168.15.15', 'joel@example.com').result).toBe('pass')
    expect(spf(zone, '192.168.15.16', 'joel@example.com').result).toBe('pass')
    expect(spf(zone, '192.168.15.17', 'joel@example.com').result).toBe('fail')
    expect(spf(zone, '192.168.15.15', 'mallory@example.com').result).toBe('fail')
  })
  it('the domain’s MX hosts still pass', () => {
    expect(spf(zone, '192.0.2.129', 'anyone@example.com').result).toBe('pass')
  })
})

describe('RFC 7208 Appendix A.4: multiple requirements example (-include, De Morgan)', () => {
  const records = (ptrRecord: string) =>
    withRecords(
      txt('example.com', 'v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all'),
      txt('ip4._spf.example.com', 'v=spf1 -ip4:192.0.2.0/24 +all'),
      txt('ptr._spf.example.com', ptrRecord),
    )
  it('as printed, "-ptr" in ptr._spf.example.com checks names under ptr._spf.example.com itself (§5.5: the default is the current domain), so every host fails', () => {
    // RFC errata report EID 6216 concerns this example.
    const zone = records('v=spf1 -ptr +all')
    expect(['192.0.2.65', '192.0.2.140', '10.0.0.4'].map((ip) => spf(zone, ip).result)).toEqual(['fail', 'fail', 'fail'])
  })
  it('with the ptr naming example.com, only an address in 192.0.2.0/24 whose reverse DNS is in example.com passes', () => {
    const zone = records('v=spf1 -ptr:example.com +all')
    expect(spf(zone, '192.0.2.65').result).toBe('pass') // in range, amy.example.com
    expect(spf(zone, '192.0.2.140').result).toBe('fail') // in range, but mail-c.example.org
    expect(spf(zone, '10.0.0.4').result).toBe('fail') // out of range (and a rogue PTR)
  })
})

describe('qualifiers (RFC 7208 §4.6.2)', () => {
  const cases: [string, SpfResult][] = [
    ['v=spf1 +ip4:192.0.2.1 -all', 'pass'],
    ['v=spf1 ip4:192.0.2.1 -all', 'pass'],
    ['v=spf1 -ip4:192.0.2.1 +all', 'fail'],
    ['v=spf1 ~ip4:192.0.2.1 +all', 'softfail'],
    ['v=spf1 ?ip4:192.0.2.1 +all', 'neutral'],
    ['v=spf1 ip4:198.51.100.1', 'neutral'], // nothing matched, no redirect: §4.7
    ['v=spf1 -all', 'fail'],
    ['v=spf1 ~all', 'softfail'],
    ['v=spf1 ?all', 'neutral'],
  ]
  for (const [record, expected] of cases) {
    it(`${record} → ${expected}`, () => {
      const r = checkSpf({ ip: '192.0.2.1', domain: 'q.test', sender: 'a@q.test', helo: 'h' }, zoneLookup({ records: [txt('q.test', record)] }))
      expect(r.result).toBe(expected)
      expect(r.explanation.ja).not.toBe('')
      expect(r.explanation.en).not.toBe('')
    })
  }
  it('ip6 with a prefix', () => {
    const zone = { records: [txt('q.test', 'v=spf1 ip6:2001:db8::/32 -all')] }
    const check = (ip: string) => checkSpf({ ip, domain: 'q.test', sender: 'a@q.test', helo: 'h' }, zoneLookup(zone)).result
    expect(check('2001:db8:1::25')).toBe('pass')
    expect(check('2001:db9::25')).toBe('fail')
    expect(check('192.0.2.1')).toBe('fail')
  })
})

describe('results without a match (RFC 7208 §4.3–§4.5, §2.6)', () => {
  const run = (zone: Zone, domain = 'q.test') => checkSpf({ ip: '192.0.2.1', domain, sender: `a@${domain}`, helo: 'h' }, zoneLookup(zone))
  it('no SPF record → none', () => {
    expect(run({ records: [txt('q.test', 'google-site-verification=abc')] }).result).toBe('none')
    expect(run({ records: [] }).result).toBe('none')
  })
  it('two SPF records → permerror', () => {
    const r = run({ records: [txt('q.test', 'v=spf1 -all'), txt('q.test', 'v=spf1 +all')] })
    expect(r.result).toBe('permerror')
    expect(r.rfc).toMatch(/§4\.5/)
  })
  it('SERVFAIL → temperror, at the top or inside a mechanism', () => {
    expect(run({ records: [txt('q.test', 'v=spf1 -all')], failing: ['q.test'] }).result).toBe('temperror')
    const inner = run({ records: [txt('q.test', 'v=spf1 a:dead.test -all')], failing: ['dead.test'] })
    expect(inner.result).toBe('temperror')
  })
  it('unknown mechanism or bad syntax → permerror before anything is evaluated', () => {
    expect(run({ records: [txt('q.test', 'v=spf1 +all foo:bar')] }).result).toBe('permerror')
    expect(run({ records: [txt('q.test', 'v=spf1 ip4:192.0.2.1/33 +all')] }).result).toBe('permerror')
    expect(run({ records: [txt('q.test', 'v=spf1 +all redirect=a.test redirect=b.test')] }).result).toBe('permerror')
  })
  it('include of a domain without SPF → permerror (§5.2); redirect to one → permerror (§6.1)', () => {
    expect(run({ records: [txt('q.test', 'v=spf1 include:none.test -all')] }).result).toBe('permerror')
    expect(run({ records: [txt('q.test', 'v=spf1 redirect=none.test')] }).result).toBe('permerror')
  })
})

describe('DNS lookup limits (RFC 7208 §4.6.4)', () => {
  // q.test includes a chain of n domains, each needing one lookup; the last one passes.
  const chain = (n: number): Zone => ({
    records: [
      txt('q.test', 'v=spf1 include:d1.test -all'),
      ...Array.from({ length: n - 1 }, (_, i) => txt(`d${i + 1}.test`, `v=spf1 include:d${i + 2}.test -all`)),
      txt(`d${n}.test`, 'v=spf1 ip4:192.0.2.1 -all'),
    ],
  })
  const run = (zone: Zone) => checkSpf({ ip: '192.0.2.1', domain: 'q.test', sender: 'a@q.test', helo: 'h' }, zoneLookup(zone))
  it('10 DNS-querying terms are allowed', () => {
    const r = run(chain(10))
    expect(r.result).toBe('pass')
    expect(r.lookups).toBe(10)
  })
  it('the 11th is a permerror', () => {
    const r = run(chain(11))
    expect(r.result).toBe('permerror')
    expect(r.rfc).toBe('RFC 7208 §4.6.4')
    expect(r.lookups).toBe(11)
  })
  it('a loop of includes ends at the limit, not in a stack overflow', () => {
    expect(run({ records: [txt('q.test', 'v=spf1 include:q.test -all')] }).result).toBe('permerror')
  })
  it('more than two void lookups → permerror', () => {
    const r = run({ records: [txt('q.test', 'v=spf1 a:v1.test a:v2.test a:v3.test +all')] })
    expect(r.result).toBe('permerror')
    expect(run({ records: [txt('q.test', 'v=spf1 a:v1.test a:v2.test +all')] }).result).toBe('pass')
  })
  it('ip4, ip6 and all cost no lookups', () => {
    const r = run({ records: [txt('q.test', 'v=spf1 ' + 'ip4:198.51.100.1 '.repeat(20) + 'ip4:192.0.2.1 -all')] })
    expect(r.result).toBe('pass')
    expect(r.lookups).toBe(0)
    expect(r.queries).toHaveLength(1)
  })
})
