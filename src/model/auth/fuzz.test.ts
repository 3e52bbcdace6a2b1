// No zone, record, address or message, however odd, makes resolve, checkSpf or dkimVerify throw.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answerLines, findMailExchangers, queryMessage, resolve, responseMessage, zoneLookup } from '../dns'
import type { ResourceRecord, RRType, Zone } from '../dns'
import { dkimVerify } from './dkim'
import { checkDmarc } from './dmarc'
import { RFC8463_RECORDS, RFC8463_SIGNED } from './rfc8463.fixture'
import { checkSpf } from './spf'

const RUNS = 1000
const types: RRType[] = ['MX', 'A', 'AAAA', 'TXT', 'PTR']
const name = fc.oneof(
  fc.constantFrom(
    'example.com',
    'Example.COM.',
    'q.test',
    '',
    '.',
    '..',
    'a..b',
    '_dmarc.example.com',
    'test._domainkey.football.example.com',
    '1.2.0.192.in-addr.arpa',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
)
const spfTerm = fc.oneof(
  fc.constantFrom('+all', '-all', '~all', '?all', 'a', 'mx', 'ptr', 'a/24', 'mx//64', 'a:q.test/0', 'ip4:192.0.2.0/24', 'ip6:2001:db8::/32', 'ip4:1.2.3.4/33'),
  fc.constantFrom(
    'include:q.test',
    'include:%{d}',
    'redirect=q.test',
    'exists:%{l1r+}.%{d}',
    'exists:%{ir}.%{v}._spf.%{d2}',
    'exp=x.%{d}',
    'a:%{Z}',
    '%{s',
    'foo=bar',
    'include:',
  ),
  fc.string({ maxLength: 20 }),
)
const spfText = fc.oneof(
  fc.array(spfTerm, { maxLength: 12 }).map((t) => ['v=spf1', ...t].join(' ')),
  fc.string({ maxLength: 100 }),
)
const record: fc.Arbitrary<ResourceRecord> = fc.oneof(
  fc.record({
    name,
    type: fc.constant('TXT' as const),
    text: fc.oneof(spfText, fc.constantFrom(...Object.values(RFC8463_RECORDS)), fc.string({ maxLength: 400 })),
  }),
  fc.record({ name, type: fc.constant('A' as const), address: fc.oneof(fc.ipV4(), fc.string({ maxLength: 20 })) }),
  fc.record({ name, type: fc.constant('AAAA' as const), address: fc.oneof(fc.ipV6(), fc.string({ maxLength: 40 })) }),
  fc.record({ name, type: fc.constant('MX' as const), preference: fc.integer({ min: -5, max: 70000 }), exchange: name }),
  fc.record({ name, type: fc.constant('PTR' as const), target: name }),
)
const zone: fc.Arbitrary<Zone> = fc.record({ records: fc.array(record, { maxLength: 25 }), failing: fc.array(name, { maxLength: 3 }) })

describe('never throws (1,000 runs each)', () => {
  it('resolve, findMailExchangers and the wire format', () => {
    fc.assert(
      fc.property(zone, name, fc.constantFrom(...types), fc.integer(), (z, n, type, id) => {
        const a = resolve(z, { name: n, type })
        expect(['NOERROR', 'NXDOMAIN', 'SERVFAIL']).toContain(a.rcode)
        expect(queryMessage(id, a.question).length).toBeGreaterThanOrEqual(17)
        expect(responseMessage(id, a).length).toBeGreaterThanOrEqual(17)
        expect(answerLines(a).length).toBeGreaterThan(0)
        findMailExchangers(z, n)
      }),
      { numRuns: RUNS },
    )
  })

  it('checkSpf', () => {
    const ip = fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 }))
    const sender = fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 }))
    fc.assert(
      fc.property(zone, fc.oneof(name, fc.constant('q.test')), ip, sender, fc.string({ maxLength: 20 }), spfText, (z, domain, addr, from, helo, top) => {
        const withTop: Zone = { ...z, records: [...z.records, { name: 'q.test', type: 'TXT', text: top }] }
        const r = checkSpf({ ip: addr, domain, sender: from, helo }, zoneLookup(withTop))
        expect(['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror']).toContain(r.result)
        expect(r.lookups).toBeLessThanOrEqual(11)
        checkDmarc({ fromDomain: domain, spf: { result: r.result, domain }, dkim: [] }, zoneLookup(withTop))
      }),
      { numRuns: RUNS },
    )
  })

  it('dkimVerify', () => {
    const rfcZone: Zone = { records: Object.entries(RFC8463_RECORDS).map(([n, text]) => ({ name: n, type: 'TXT' as const, text })) }
    // The RFC's signed message with a slice replaced, or text from nowhere.
    const message = fc.oneof(
      fc
        .tuple(fc.nat(RFC8463_SIGNED.length), fc.nat(40), fc.string({ maxLength: 40 }))
        .map(([at, cut, insert]) => RFC8463_SIGNED.slice(0, at) + insert + RFC8463_SIGNED.slice(at + cut)),
      fc.string({ maxLength: 300 }).map((s) => 'DKIM-Signature: ' + s + '\r\nFrom: a@b\r\n\r\nbody'),
      fc.string({ unit: 'binary', maxLength: 500 }),
    )
    fc.assert(
      fc.property(message, fc.oneof(fc.constant(rfcZone), zone), (m, z) => {
        const r = dkimVerify(m, zoneLookup(z))
        expect(['pass', 'fail', 'neutral', 'none', 'permerror', 'temperror']).toContain(r.result)
      }),
      { numRuns: RUNS },
    )
  })
})
