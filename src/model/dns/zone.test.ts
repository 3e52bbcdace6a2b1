import { describe, expect, it } from 'vitest'
import { findMailExchangers, resolve } from './zone'
import type { Zone } from './zone'

const zone: Zone = {
  records: [
    { name: 'example.net', type: 'MX', preference: 20, exchange: 'mx2.example.net' },
    { name: 'example.net', type: 'MX', preference: 10, exchange: 'mx1.example.net' },
    { name: 'example.net', type: 'MX', preference: 20, exchange: 'mx3.example.net' },
    { name: 'mx1.example.net', type: 'A', address: '192.0.2.1' },
    { name: 'mx2.example.net', type: 'A', address: '192.0.2.2' },
    { name: 'mx2.example.net', type: 'A', address: '192.0.2.22' },
    { name: 'mx3.example.net', type: 'AAAA', address: '2001:db8::3' },
    { name: 'noMX.example', type: 'A', address: '198.51.100.7' },
    { name: 'nomail.example', type: 'MX', preference: 0, exchange: '.' },
    { name: 'sel._domainkey.example.net', type: 'TXT', text: 'v=DKIM1; p=' },
  ],
  failing: ['broken.example'],
}

describe('resolve (RFC 1035 §4.1.1, RFC 2308)', () => {
  it('answers case-insensitively and ignores a trailing dot', () => {
    const a = resolve(zone, { name: 'MX1.Example.NET.', type: 'A' })
    expect(a.rcode).toBe('NOERROR')
    expect(a.answers).toEqual([{ name: 'mx1.example.net', type: 'A', address: '192.0.2.1' }])
  })
  it('NODATA: the name exists without that type', () => {
    const a = resolve(zone, { name: 'mx1.example.net', type: 'TXT' })
    expect(a.rcode).toBe('NOERROR')
    expect(a.answers).toEqual([])
  })
  it('an empty non-terminal exists (RFC 8020): _domainkey.example.net is NOERROR, not NXDOMAIN', () => {
    expect(resolve(zone, { name: '_domainkey.example.net', type: 'TXT' }).rcode).toBe('NOERROR')
  })
  it('NXDOMAIN for a name that is not there', () => {
    expect(resolve(zone, { name: 'nowhere.example', type: 'A' }).rcode).toBe('NXDOMAIN')
  })
  it('SERVFAIL for a failing name', () => {
    const a = resolve(zone, { name: 'BROKEN.example.', type: 'TXT' })
    expect(a.rcode).toBe('SERVFAIL')
    expect(a.rfc).toMatch(/RFC 1035/)
  })
})

describe('findMailExchangers (RFC 5321 §5.1, RFC 7505)', () => {
  it('sorts by preference, keeps zone order on ties, and finds each host’s addresses', () => {
    const r = findMailExchangers(zone, 'example.net')
    expect(r.hosts).toEqual([
      { host: 'mx1.example.net', preference: 10, addresses: ['192.0.2.1'] },
      { host: 'mx2.example.net', preference: 20, addresses: ['192.0.2.2', '192.0.2.22'] },
      { host: 'mx3.example.net', preference: 20, addresses: ['2001:db8::3'] },
    ])
    expect(r.fallback).toBe(false)
    // MX, then A for each host in order; mx3 has no A, so AAAA follows.
    expect(r.queries.map((q) => `${q.question.type} ${q.question.name} ${q.rcode}`)).toEqual([
      'MX example.net NOERROR',
      'A mx1.example.net NOERROR',
      'A mx2.example.net NOERROR',
      'A mx3.example.net NOERROR',
      'AAAA mx3.example.net NOERROR',
    ])
  })
  it('no MX: the domain itself is the implicit MX', () => {
    const r = findMailExchangers(zone, 'nomx.example')
    expect(r.fallback).toBe(true)
    expect(r.hosts).toEqual([{ host: 'nomx.example', preference: 0, addresses: ['198.51.100.7'] }])
  })
  it('null MX: no delivery', () => {
    const r = findMailExchangers(zone, 'nomail.example')
    expect(r.nullMx).toBe(true)
    expect(r.hosts).toEqual([])
    expect(r.queries).toHaveLength(1)
  })
  it('NXDOMAIN and SERVFAIL', () => {
    expect(findMailExchangers(zone, 'gone.example').nxdomain).toBe(true)
    const t = findMailExchangers(zone, 'broken.example')
    expect(t.temperror).toBe(true)
    expect(t.hosts).toEqual([])
  })
})
