// A configured zone and a resolver over it: the DNS answers an MTA and the SPF/DKIM/DMARC checks see.
// Lessons configure the zone; every answer is computed here (RFC 1035 §4.1.1 RCODEs, RFC 2308 negative answers).

/** PTR is here for SPF's (discouraged) ptr mechanism and %{p} (RFC 7208 §5.5). */
export type RRType = 'MX' | 'A' | 'AAAA' | 'TXT' | 'PTR'

export type ResourceRecord =
  | { name: string; type: 'MX'; ttl?: number; preference: number; exchange: string }
  | { name: string; type: 'A'; ttl?: number; address: string }
  | { name: string; type: 'AAAA'; ttl?: number; address: string }
  /** One TXT RR; long text is split into 255-octet character-strings on the wire only (RFC 1035 §3.3.14, RFC 7208 §3.3). */
  | { name: string; type: 'TXT'; ttl?: number; text: string }
  | { name: string; type: 'PTR'; ttl?: number; target: string }

export interface Zone {
  readonly records: readonly ResourceRecord[]
  /** Names that answer SERVFAIL (for temperror lessons). */
  readonly failing?: readonly string[]
}

export interface DnsQuestion {
  readonly name: string
  readonly type: RRType
}

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL'

export interface DnsAnswer {
  readonly question: DnsQuestion
  /** RFC 1035 §4.1.1; NODATA is NOERROR with no answers (RFC 2308 §2.2). */
  readonly rcode: Rcode
  readonly answers: readonly ResourceRecord[]
  readonly rfc: string
}

export type Lookup = (q: DnsQuestion) => DnsAnswer

/** Lower case, no trailing dot (RFC 1035 §2.3.3: names compare case-insensitively). */
export function normalizeName(name: string): string {
  if (typeof name !== 'string') return ''
  return name.trim().replace(/\.+$/, '').toLowerCase()
}

const RFC_NOERROR = 'RFC 1035 §4.1.1 (RCODE 0)'
const RFC_NODATA = 'RFC 2308 §2.2 (NODATA: the name exists, no record of this type)'
const RFC_NXDOMAIN = 'RFC 1035 §4.1.1 (RCODE 3), RFC 2308 §2.1'
const RFC_SERVFAIL = 'RFC 1035 §4.1.1 (RCODE 2)'

/** Answers one question from the zone: case-insensitive names, trailing dot ignored. */
export function resolve(zone: Zone, q: DnsQuestion): DnsAnswer {
  const records = Array.isArray(zone?.records) ? zone.records : []
  const failing = Array.isArray(zone?.failing) ? zone.failing : []
  const name = normalizeName(q?.name)
  const question: DnsQuestion = { name, type: q?.type }
  if (failing.some((f) => normalizeName(f) === name)) return { question, rcode: 'SERVFAIL', answers: [], rfc: RFC_SERVFAIL }
  const here = records.filter((r) => r && normalizeName(r.name) === name)
  const answers = here.filter((r) => r.type === q?.type).map((r) => ({ ...r, name }))
  if (answers.length > 0) return { question, rcode: 'NOERROR', answers, rfc: RFC_NOERROR }
  // A name with records of other types, or one that only has names below it (an empty non-terminal,
  // RFC 8020 §2), exists: NODATA, not NXDOMAIN.
  const exists = here.length > 0 || (name !== '' && records.some((r) => r && normalizeName(r.name).endsWith('.' + name)))
  return exists ? { question, rcode: 'NOERROR', answers: [], rfc: RFC_NODATA } : { question, rcode: 'NXDOMAIN', answers: [], rfc: RFC_NXDOMAIN }
}

/** A lookup function over a zone, for checkSpf / dkimVerify / checkDmarc. */
export function zoneLookup(zone: Zone): Lookup {
  return (q) => resolve(zone, q)
}

export interface MailExchanger {
  host: string
  preference: number
  addresses: string[]
}

export interface MailExchangers {
  hosts: MailExchanger[]
  /** No MX: the domain's own address is the implicit MX (RFC 5321 §5.1). */
  fallback: boolean
  /** A null MX "." (RFC 7505 §3): the domain accepts no mail. */
  nullMx: boolean
  nxdomain: boolean
  /** An MX query answered SERVFAIL: try again later (RFC 5321 §5.1, §4.5.4.1). */
  temperror: boolean
  /** Every query made, in order. */
  queries: DnsAnswer[]
  rfc: string
}

/**
 * RFC 5321 §5.1: MX sorted by preference (ties keep zone order), each with its A records (AAAA when there is no A);
 * no MX → the domain itself is the implicit MX ("fallback"); a null MX "." (RFC 7505) → no delivery.
 */
export function findMailExchangers(zone: Zone, domain: string): MailExchangers {
  const queries: DnsAnswer[] = []
  const ask = (q: DnsQuestion): DnsAnswer => {
    const a = resolve(zone, q)
    queries.push(a)
    return a
  }
  const addressesOf = (host: string): string[] => {
    const a = ask({ name: host, type: 'A' })
    const v4 = a.answers.flatMap((r) => (r.type === 'A' ? [r.address] : []))
    if (v4.length > 0 || a.rcode === 'SERVFAIL') return v4
    return ask({ name: host, type: 'AAAA' }).answers.flatMap((r) => (r.type === 'AAAA' ? [r.address] : []))
  }
  const name = normalizeName(domain)
  const base = { fallback: false, nullMx: false, nxdomain: false, temperror: false, queries }
  const mx = ask({ name, type: 'MX' })
  if (mx.rcode === 'SERVFAIL') return { ...base, hosts: [], temperror: true, rfc: 'RFC 5321 §5.1 (a temporary DNS failure: retry later)' }
  if (mx.rcode === 'NXDOMAIN') return { ...base, hosts: [], nxdomain: true, rfc: 'RFC 5321 §5.1 (no such domain: the mail is undeliverable)' }
  const records = mx.answers.flatMap((r) => (r.type === 'MX' ? [r] : []))
  if (records.some((r) => normalizeName(r.exchange) === ''))
    return { ...base, hosts: [], nullMx: true, rfc: 'RFC 7505 §3 (null MX: the domain accepts no mail)' }
  if (records.length === 0) {
    return {
      ...base,
      fallback: true,
      hosts: [{ host: name, preference: 0, addresses: addressesOf(name) }],
      rfc: 'RFC 5321 §5.1 (no MX: the domain is its own implicit MX)',
    }
  }
  const sorted = records.map((r, i) => ({ r, i })).sort((a, b) => a.r.preference - b.r.preference || a.i - b.i)
  const hosts = sorted.map(({ r }) => ({ host: normalizeName(r.exchange), preference: r.preference, addresses: addressesOf(r.exchange) }))
  return { ...base, hosts, rfc: 'RFC 5321 §5.1 (MX in order of preference, lowest first)' }
}
