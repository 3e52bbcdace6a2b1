// SPF, RFC 7208: check_host() over a DNS lookup function. Pure and synchronous; every DNS answer it reads is recorded.
import { nibbles, parseIp, reverseName, samePrefix } from '../dns/ip'
import type { IpAddress } from '../dns/ip'
import type { DnsAnswer, DnsQuestion } from '../dns/zone'
import { normalizeName } from '../dns/zone'

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror'

export interface SpfCheck {
  /** The SMTP client's address. */
  ip: string
  /** The domain to check: the MAIL FROM domain (or the HELO name when MAIL FROM is empty, RFC 7208 §2.4). */
  domain: string
  /** The MAIL FROM address (`user@example.com`); without a local part, "postmaster" is used (§4.3). */
  sender: string
  /** The HELO/EHLO name (macro %{h}). */
  helo: string
}

export interface Bilingual {
  ja: string
  en: string
}

export interface SpfOutcome {
  result: SpfResult
  domain: string
  /** The directive that decided, as written (`-all`, `ip4:192.0.2.0/24`, `include:_spf.example.com`). */
  mechanism?: string
  /** Every DNS answer looked at, in order. */
  queries: DnsAnswer[]
  /** How many of the 10 DNS-querying terms were used (§4.6.4). */
  lookups: number
  explanation: Bilingual
  rfc: string
}

/** §4.6.4: at most 10 terms that query the DNS; at most 2 of their queries may come back empty. */
export const SPF_DNS_LOOKUP_LIMIT = 10
export const SPF_VOID_LOOKUP_LIMIT = 2
const MX_ADDRESS_LIMIT = 10

type Qualifier = '+' | '-' | '~' | '?'
const QUALIFIER_RESULT = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' } as const satisfies Record<Qualifier, SpfResult>

type Mechanism =
  | { kind: 'all' }
  | { kind: 'include' | 'exists'; domain: string }
  | { kind: 'a' | 'mx'; domain?: string; v4: number; v6: number }
  | { kind: 'ptr'; domain?: string }
  | { kind: 'ip4' | 'ip6'; net: Uint8Array; prefix: number }

interface Directive {
  text: string
  qualifier: Qualifier
  mechanism: Mechanism
}

interface Record_ {
  directives: Directive[]
  redirect?: string
}

/** Ends check_host() at once with permerror or temperror (§4.6, §5, §4.6.4). */
class SpfStop {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly why: Bilingual,
    readonly rfc: string,
  ) {}
}

const permerror = (ja: string, en: string, rfc: string): SpfStop => new SpfStop('permerror', { ja, en }, rfc)

// ---------------------------------------------------------------------------------------------------------------
// Parsing (§4.6.1, §12): any syntax error anywhere is a permerror before anything is evaluated.

const MACRO = /%\{([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)\}|%%|%_|%-/y
const DOMAIN_SPEC_LETTERS = /^[slodiphv]$/i

/** Checks a macro-string's syntax (§7.1); `domain` forbids c, r and t, which belong to exp= only (§7.2). */
function checkMacroString(s: string): boolean {
  let i = 0
  while (i < s.length) {
    const ch = s.charCodeAt(i)
    if (s[i] === '%') {
      MACRO.lastIndex = i
      const m = MACRO.exec(s)
      if (!m) return false
      if (m[1] !== undefined) {
        if (!DOMAIN_SPEC_LETTERS.test(m[1])) return false
        if (m[2] !== '' && Number(m[2]) === 0) return false
      }
      i = MACRO.lastIndex
    } else if (ch >= 0x21 && ch <= 0x7e) i++
    else return false
  }
  return true
}

/** domain-spec = macro-string domain-end; domain-end = "." toplabel ["."] / macro-expand (§7.1). */
function validDomainSpec(s: string): boolean {
  if (s === '' || !checkMacroString(s)) return false
  if (/%\{[a-zA-Z]\d*r?[.\-+,/_=]*\}$/.test(s)) return true
  const labels = s.replace(/\.$/, '').split('.')
  const top = labels[labels.length - 1] ?? ''
  return labels.length >= 2 && /^([a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i.test(top)
}

/** ip4-cidr-length / ip6-cidr-length: no leading zeros, at most 32 / 128 (§5.6). */
function cidr(text: string, max: number): number | null {
  if (!/^(0|[1-9]\d{0,2})$/.test(text)) return null
  const n = Number(text)
  return n <= max ? n : null
}

function parseDirective(term: string): Directive {
  const bad = (): SpfStop =>
    permerror(`SPF レコードの「${term}」は書式が正しくありません。`, `“${term}” in the SPF record is not valid syntax.`, 'RFC 7208 §4.6.1, §12')
  let rest = term
  let qualifier: Qualifier = '+'
  if ('+-~?'.includes(rest[0] ?? '')) {
    qualifier = rest[0] as Qualifier
    rest = rest.slice(1)
  }
  const m = /^([a-zA-Z][a-zA-Z0-9_.-]*)(.*)$/.exec(rest)
  if (!m) throw bad()
  const name = (m[1] ?? '').toLowerCase()
  const arg = m[2] ?? ''
  const domainArg = (required: boolean): string | undefined => {
    if (arg === '' && !required) return undefined
    if (!arg.startsWith(':')) throw bad()
    const d = arg.slice(1)
    if (!validDomainSpec(d)) throw bad()
    return d
  }
  switch (name) {
    case 'all':
      if (arg !== '') throw bad()
      return { text: term, qualifier, mechanism: { kind: 'all' } }
    case 'include':
    case 'exists':
      return { text: term, qualifier, mechanism: { kind: name, domain: domainArg(true) ?? '' } }
    case 'ptr':
      return { text: term, qualifier, mechanism: { kind: 'ptr', domain: domainArg(false) } }
    case 'a':
    case 'mx': {
      // a[:domain-spec][/ip4-cidr][//ip6-cidr] (§5.3, §5.4)
      const c = /^(.*?)(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(arg)
      const spec = c?.[1] ?? ''
      const v4 = c?.[2] === undefined ? 32 : cidr(c[2], 32)
      const v6 = c?.[3] === undefined ? 128 : cidr(c[3], 128)
      if (v4 === null || v6 === null) throw bad()
      let domain: string | undefined
      if (spec !== '') {
        if (!spec.startsWith(':') || !validDomainSpec(spec.slice(1))) throw bad()
        domain = spec.slice(1)
      }
      return { text: term, qualifier, mechanism: { kind: name, domain, v4, v6 } }
    }
    case 'ip4':
    case 'ip6': {
      if (!arg.startsWith(':')) throw bad()
      const [addr = '', len, extra] = arg.slice(1).split('/')
      if (extra !== undefined) throw bad()
      const ip = parseIp(addr)
      if (!ip || ip.family !== (name === 'ip4' ? 4 : 6)) throw bad()
      const prefix = len === undefined ? ip.bytes.length * 8 : cidr(len, ip.bytes.length * 8)
      if (prefix === null) throw bad()
      return { text: term, qualifier, mechanism: { kind: name, net: ip.bytes, prefix } }
    }
    default:
      throw permerror(`「${name}」という SPF の仕組み（mechanism）はありません。`, `There is no SPF mechanism called “${name}”.`, 'RFC 7208 §5')
  }
}

function parseRecord(text: string): Record_ {
  const terms = text.split(' ').slice(1)
  const directives: Directive[] = []
  let redirect: string | undefined
  let exp = false
  for (const term of terms) {
    if (term === '') continue
    const mod = /^([a-zA-Z][a-zA-Z0-9_.-]*)=(.*)$/.exec(term)
    if (mod) {
      const name = (mod[1] ?? '').toLowerCase()
      const value = mod[2] ?? ''
      if (name === 'redirect') {
        if (redirect !== undefined) throw permerror('redirect= が 2 回書かれています。', 'redirect= appears twice.', 'RFC 7208 §6')
        if (!validDomainSpec(value))
          throw permerror(`redirect=${value} は正しいドメインではありません。`, `redirect=${value} is not a valid domain.`, 'RFC 7208 §6.1')
        redirect = value
      } else if (name === 'exp') {
        if (exp) throw permerror('exp= が 2 回書かれています。', 'exp= appears twice.', 'RFC 7208 §6')
        exp = true
      } else if (!checkMacroString(value)) {
        throw permerror(`「${term}」の書式が正しくありません。`, `“${term}” is not valid syntax.`, 'RFC 7208 §4.6.1, §12')
      }
      // Unknown modifiers are ignored (§6).
      continue
    }
    directives.push(parseDirective(term))
  }
  return { directives, redirect }
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

interface Context {
  ip: IpAddress
  sender: string
  local: string
  senderDomain: string
  helo: string
  lookup: (q: DnsQuestion) => DnsAnswer
  queries: DnsAnswer[]
  lookups: number
  voids: number
}

interface HostResult {
  result: SpfResult
  domain: string
  mechanism?: string
  why?: Bilingual
  rfc?: string
}

function ask(ctx: Context, q: DnsQuestion, countVoid: boolean): DnsAnswer {
  let a: DnsAnswer
  try {
    a = ctx.lookup(q)
  } catch {
    a = { question: q, rcode: 'SERVFAIL', answers: [], rfc: 'RFC 1035 §4.1.1 (RCODE 2)' }
  }
  ctx.queries.push(a)
  if (a.rcode === 'SERVFAIL') {
    throw new SpfStop(
      'temperror',
      {
        ja: `${q.name} の ${q.type} 問い合わせが失敗しました（SERVFAIL）。時間をおいて再試行します。`,
        en: `The ${q.type} query for ${q.name} failed (SERVFAIL); try again later.`,
      },
      'RFC 7208 §2.6.6, §5',
    )
  }
  if (countVoid && a.answers.length === 0) {
    ctx.voids++
    if (ctx.voids > SPF_VOID_LOOKUP_LIMIT) {
      throw permerror(
        '空の応答（NXDOMAIN または レコードなし）が 2 回を超えました。',
        'More than two DNS queries came back empty (NXDOMAIN or no records).',
        'RFC 7208 §4.6.4',
      )
    }
  }
  return a
}

function countLookup(ctx: Context, term: string): void {
  ctx.lookups++
  if (ctx.lookups > SPF_DNS_LOOKUP_LIMIT) {
    throw permerror(
      `「${term}」で DNS を引く項目が 10 個を超えました。SPF はここで打ち切ります。`,
      `“${term}” is the 11th term that queries the DNS; SPF stops at 10.`,
      'RFC 7208 §4.6.4',
    )
  }
}

/** §4.3: a domain with an empty or over-long label, over 253 octets, or a single label gives "none". */
function validDomain(d: string): boolean {
  if (d === '' || d.length > 253) return false
  const labels = d.split('.')
  return labels.length >= 2 && labels.every((l) => l.length > 0 && l.length <= 63)
}

const urlEscape = (s: string): string =>
  s.replace(/[^A-Za-z0-9\-._~]/g, (c) => [...new TextEncoder().encode(c)].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''))

/** §7.3: expands %{s} %{l} %{o} %{d} %{i} %{p} %{h} %{v} with their transformers; %% %_ %-. */
function expand(ctx: Context, spec: string, domain: string): string {
  let out = spec.replace(
    /%\{([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)\}|%%|%_|%-/g,
    (whole, letter: string | undefined, digits: string, reverse: string, delims: string) => {
      if (whole === '%%') return '%'
      if (whole === '%_') return ' '
      if (whole === '%-') return '%20'
      const l = (letter ?? '').toLowerCase()
      const value =
        l === 's'
          ? ctx.sender
          : l === 'l'
            ? ctx.local
            : l === 'o'
              ? ctx.senderDomain
              : l === 'd'
                ? domain
                : l === 'i'
                  ? ctx.ip.family === 4
                    ? [...ctx.ip.bytes].join('.')
                    : nibbles(ctx.ip).join('.')
                  : l === 'p'
                    ? 'unknown' // the validated PTR name is not looked up here; §7.3 allows "unknown"
                    : l === 'v'
                      ? ctx.ip.family === 4
                        ? 'in-addr'
                        : 'ip6'
                      : ctx.helo
      const sep = delims === '' ? '.' : delims
      let parts = value.split(new RegExp('[' + sep.replace(/[\]\\^-]/g, '\\$&') + ']'))
      if (reverse) parts = parts.reverse()
      if (digits !== '') parts = parts.slice(-Math.min(Number(digits), parts.length))
      const joined = parts.join('.')
      return letter === l ? joined : urlEscape(joined)
    },
  )
  // §4.8: over 253 octets, drop labels from the left.
  while (out.length > 253 && out.includes('.')) out = out.slice(out.indexOf('.') + 1)
  return normalizeName(out)
}

function addressesMatch(ctx: Context, answers: readonly DnsAnswer['answers'][number][], v4: number, v6: number): boolean {
  return answers.some((rr) => {
    if (rr.type !== 'A' && rr.type !== 'AAAA') return false
    const ip = parseIp(rr.address)
    return ip !== null && ip.family === ctx.ip.family && samePrefix(ip.bytes, ctx.ip.bytes, ip.family === 4 ? v4 : v6)
  })
}

function matches(ctx: Context, d: Directive, domain: string, depth: number): boolean {
  const m = d.mechanism
  const addrType = ctx.ip.family === 4 ? 'A' : 'AAAA'
  switch (m.kind) {
    case 'all':
      return true
    case 'ip4':
    case 'ip6':
      return ctx.ip.family === (m.kind === 'ip4' ? 4 : 6) && samePrefix(m.net, ctx.ip.bytes, m.prefix)
    case 'a': {
      countLookup(ctx, d.text)
      const target = m.domain === undefined ? domain : expand(ctx, m.domain, domain)
      if (!validDomain(target)) return false
      return addressesMatch(ctx, ask(ctx, { name: target, type: addrType }, true).answers, m.v4, m.v6)
    }
    case 'mx': {
      countLookup(ctx, d.text)
      const target = m.domain === undefined ? domain : expand(ctx, m.domain, domain)
      if (!validDomain(target)) return false
      const mx = ask(ctx, { name: target, type: 'MX' }, true).answers.flatMap((r) => (r.type === 'MX' ? [r] : []))
      if (mx.length > MX_ADDRESS_LIMIT) throw permerror(`${target} の MX が 10 件を超えています。`, `${target} has more than 10 MX records.`, 'RFC 7208 §4.6.4')
      for (const r of mx) {
        const host = normalizeName(r.exchange)
        if (!validDomain(host)) continue
        if (addressesMatch(ctx, ask(ctx, { name: host, type: addrType }, false).answers, m.v4, m.v6)) return true
      }
      return false
    }
    case 'ptr': {
      countLookup(ctx, d.text)
      const target = m.domain === undefined ? domain : expand(ctx, m.domain, domain)
      let names: string[]
      try {
        names = ask(ctx, { name: reverseName(ctx.ip), type: 'PTR' }, true)
          .answers.flatMap((r) => (r.type === 'PTR' ? [normalizeName(r.target)] : []))
          .slice(0, 10)
      } catch (e) {
        if (e instanceof SpfStop && e.result === 'temperror') return false // §5.5: a DNS error here is simply no match
        throw e
      }
      for (const name of names) {
        let ok = false
        try {
          ok = validDomain(name) && addressesMatch(ctx, ask(ctx, { name, type: addrType }, false).answers, 32, 128)
        } catch (e) {
          if (!(e instanceof SpfStop && e.result === 'temperror')) throw e
        }
        if (ok && (name === target || name.endsWith('.' + target))) return true
      }
      return false
    }
    case 'exists': {
      countLookup(ctx, d.text)
      const target = expand(ctx, m.domain, domain)
      if (!validDomain(target)) return false
      // Always an A query, whatever the client's address family (§5.7).
      return ask(ctx, { name: target, type: 'A' }, true).answers.length > 0
    }
    case 'include': {
      countLookup(ctx, d.text)
      const target = expand(ctx, m.domain, domain)
      const r = checkHost(ctx, target, depth + 1)
      // §5.2: pass matches; fail/softfail/neutral do not; errors and "none" end the whole check.
      if (r.result === 'pass') return true
      if (r.result === 'temperror') throw new SpfStop('temperror', r.why ?? { ja: '', en: '' }, r.rfc ?? 'RFC 7208 §5.2')
      if (r.result === 'permerror' || r.result === 'none') {
        throw permerror(
          r.result === 'none' ? `include 先の ${target} に SPF レコードがありません。` : (r.why?.ja ?? `include 先の ${target} でエラーになりました。`),
          r.result === 'none' ? `The included domain ${target} has no SPF record.` : (r.why?.en ?? `The included domain ${target} gave an error.`),
          r.result === 'none' ? 'RFC 7208 §5.2' : (r.rfc ?? 'RFC 7208 §5.2'),
        )
      }
      return false
    }
  }
}

function checkHost(ctx: Context, rawDomain: string, depth: number): HostResult {
  const domain = normalizeName(rawDomain)
  if (!validDomain(domain)) {
    return {
      result: 'none',
      domain,
      why: { ja: `${domain || '（空）'} は正しいドメイン名ではありません。`, en: `${domain || '(empty)'} is not a valid domain name.` },
      rfc: 'RFC 7208 §4.3',
    }
  }
  try {
    const txt = ask(ctx, { name: domain, type: 'TXT' }, false)
    if (txt.rcode === 'NXDOMAIN')
      return {
        result: 'none',
        domain,
        why: { ja: `${domain} というドメインは存在しません（NXDOMAIN）。`, en: `The domain ${domain} does not exist (NXDOMAIN).` },
        rfc: 'RFC 7208 §4.3',
      }
    const spf = txt.answers.flatMap((r) => (r.type === 'TXT' && /^v=spf1( |$)/i.test(r.text) ? [r.text] : []))
    if (spf.length === 0)
      return {
        result: 'none',
        domain,
        why: { ja: `${domain} には SPF レコード（v=spf1 で始まる TXT）がありません。`, en: `${domain} publishes no SPF record (a TXT starting with v=spf1).` },
        rfc: 'RFC 7208 §4.5',
      }
    if (spf.length > 1)
      throw permerror(
        `${domain} に SPF レコードが 2 つ以上あります。1 つにまとめる必要があります。`,
        `${domain} publishes more than one SPF record; there must be exactly one.`,
        'RFC 7208 §4.5, §3.2',
      )
    const record = parseRecord(spf[0] ?? '')
    for (const d of record.directives) {
      if (matches(ctx, d, domain, depth)) return { result: QUALIFIER_RESULT[d.qualifier], domain, mechanism: d.text }
    }
    if (record.redirect !== undefined) {
      countLookup(ctx, 'redirect=' + record.redirect)
      const target = expand(ctx, record.redirect, domain)
      const r = checkHost(ctx, target, depth + 1)
      // §6.1: a redirect to a domain without an SPF record is a permerror.
      if (r.result === 'none')
        throw permerror(`redirect 先の ${target} に SPF レコードがありません。`, `The redirect target ${target} has no SPF record.`, 'RFC 7208 §6.1')
      return { ...r, mechanism: r.mechanism ?? 'redirect=' + record.redirect }
    }
    return { result: 'neutral', domain }
  } catch (e) {
    if (e instanceof SpfStop) return { result: e.result, domain, why: e.why, rfc: e.rfc }
    throw e
  }
}

const RESULT_RFC: Record<SpfResult, string> = {
  pass: 'RFC 7208 §2.6.3, §8.3',
  fail: 'RFC 7208 §2.6.4, §8.4',
  softfail: 'RFC 7208 §2.6.5, §8.5',
  neutral: 'RFC 7208 §2.6.2, §4.7, §8.2',
  none: 'RFC 7208 §2.6.1, §8.1',
  permerror: 'RFC 7208 §2.6.7, §8.7',
  temperror: 'RFC 7208 §2.6.6, §8.6',
}

function explain(r: HostResult, ip: string, top: string): Bilingual {
  const by = r.mechanism ? `「${r.mechanism}」` : ''
  const byEn = r.mechanism ? `“${r.mechanism}”` : ''
  switch (r.result) {
    case 'pass':
      return {
        ja: `送信元 ${ip} は ${top} の SPF レコードの ${by} で許可された送信サーバです（pass）。`,
        en: `${ip} is a sending server that ${top}'s SPF record authorizes with ${byEn} (pass).`,
      }
    case 'fail':
      return {
        ja: `送信元 ${ip} は ${top} の SPF レコードの ${by} に当たり、送信を許可されていません（fail）。受信側は拒否（550 5.7.23）してかまいません。`,
        en: `${ip} matched ${byEn} in ${top}'s SPF record, which says it is not allowed to send (fail); the receiver may reject it (550 5.7.23).`,
      }
    case 'softfail':
      return {
        ja: `送信元 ${ip} は ${by} に当たりました。「~」なので「おそらく許可されていない」という弱い否定です（softfail）。受け取ったうえで疑わしい印を付けるのが普通です。`,
        en: `${ip} matched ${byEn}; the "~" makes it a weak "probably not authorized" (softfail). Receivers usually accept and mark the mail.`,
      }
    case 'neutral':
      return {
        ja: r.mechanism
          ? `送信元 ${ip} は ${by} に当たりました。「?」は許可とも不許可とも言わない、という意味です（neutral）。`
          : `${top} の SPF レコードのどの項目にも ${ip} は当たりませんでした。何も言わない結果になります（neutral）。`,
        en: r.mechanism
          ? `${ip} matched ${byEn}; "?" says neither yes nor no (neutral).`
          : `No term of ${top}'s SPF record matched ${ip}, so the result says nothing (neutral).`,
      }
    default:
      return r.why ?? { ja: '', en: '' }
  }
}

/** check_host(<ip>, <domain>, <sender>) of RFC 7208 §4, with every DNS answer it looked at. Never throws. */
export function checkSpf(check: SpfCheck, lookup: (q: DnsQuestion) => DnsAnswer): SpfOutcome {
  const queries: DnsAnswer[] = []
  const domain = normalizeName(String(check?.domain ?? ''))
  let ip = parseIp(String(check?.ip ?? ''))
  // An IPv4-mapped IPv6 address is checked as IPv4.
  if (ip && ip.family === 6 && ip.bytes.slice(0, 12).every((b, i) => b === (i < 10 ? 0 : 0xff))) ip = { family: 4, bytes: ip.bytes.slice(12) }
  if (!ip) {
    const why = { ja: `送信元アドレス「${check?.ip}」は IP アドレスとして読めません。`, en: `The client address “${check?.ip}” is not an IP address.` }
    return { result: 'permerror', domain, queries, lookups: 0, explanation: why, rfc: 'RFC 7208 §4.1' }
  }
  const sender = String(check?.sender ?? '')
  const at = sender.lastIndexOf('@')
  const local = at > 0 ? sender.slice(0, at) : 'postmaster'
  const senderDomain = at >= 0 ? normalizeName(sender.slice(at + 1)) || domain : domain
  const ctx: Context = { ip, sender: `${local}@${senderDomain}`, local, senderDomain, helo: String(check?.helo ?? ''), lookup, queries, lookups: 0, voids: 0 }
  const r = checkHost(ctx, domain, 0)
  const ipText = String(check.ip)
  return {
    result: r.result,
    domain,
    ...(r.mechanism !== undefined ? { mechanism: r.mechanism } : {}),
    queries,
    lookups: ctx.lookups,
    explanation: explain(r, ipText, domain),
    rfc: r.result === 'permerror' || r.result === 'temperror' || r.result === 'none' ? (r.rfc ?? RESULT_RFC[r.result]) : RESULT_RFC[r.result],
  }
}
