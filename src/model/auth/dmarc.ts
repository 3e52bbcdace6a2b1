// DMARC, RFC 7489: policy discovery (§6.6.3), identifier alignment (§3.1), the result and the disposition, and the
// Authentication-Results header field that records all three checks (RFC 8601).
import type { DnsAnswer, DnsQuestion } from '../dns/zone'
import { normalizeName } from '../dns/zone'
import type { DkimOutcome, DkimResult } from './dkim'
import type { Bilingual, SpfCheck, SpfOutcome, SpfResult } from './spf'

export interface DmarcInput {
  /** The RFC5322.From domain. */
  fromDomain: string
  spf: { result: SpfResult; domain: string }
  dkim: readonly { result: DkimResult; domain: string }[]
}

type Policy = 'none' | 'quarantine' | 'reject'
type Mode = 'r' | 's'

export interface DmarcOutcome {
  result: 'pass' | 'fail' | 'none' | 'temperror' | 'permerror'
  /** The policy that applies to this message (sp= for a subdomain when the record is the organizational domain's). */
  policy?: Policy
  /** What the receiver does: the policy when DMARC fails, otherwise none (§6.6.4). */
  disposition: Policy
  spfAligned: boolean
  dkimAligned: boolean
  alignment: { spf: Mode; dkim: Mode }
  /** Where the record was found (`_dmarc.example.com`). */
  recordName?: string
  record?: string
  /** pct= as published (100 when absent). This engine applies the policy to every message so lessons stay deterministic. */
  pct?: number
  queries: DnsAnswer[]
  explanation: Bilingual
  rfc: string
}

/**
 * A small built-in public suffix list, enough for the lessons: the special-use names of RFC 6761 / RFC 2606
 * (test, example, invalid, localhost), the generic TLDs com, net, org, and jp with its second-level domains
 * (co.jp, ne.jp, or.jp, ac.jp, go.jp, ad.jp, ed.jp, gr.jp, lg.jp). Real receivers use the full Public Suffix List
 * (RFC 7489 §3.2); this one is not it.
 */
const PUBLIC_SUFFIXES = new Set([
  'test',
  'example',
  'invalid',
  'localhost',
  'com',
  'net',
  'org',
  'jp',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'ad.jp',
  'ed.jp',
  'gr.jp',
  'lg.jp',
])

/**
 * RFC 7489 §3.2: the organizational domain is the public suffix plus one label (mail.sales.example.co.jp →
 * example.co.jp), from the small list above; a name under no listed suffix is treated as under a one-label TLD.
 */
export function organizationalDomain(domain: string): string {
  const labels = normalizeName(domain)
    .split('.')
    .filter((l) => l !== '')
  for (let i = 0; i < labels.length; i++) {
    if (PUBLIC_SUFFIXES.has(labels.slice(i).join('.'))) return labels.slice(Math.max(0, i - 1)).join('.')
  }
  return labels.slice(-2).join('.')
}

/** §3.1.1 / §3.1.2: strict = the same name; relaxed = the same organizational domain. */
function aligned(a: string, b: string, mode: Mode): boolean {
  const x = normalizeName(a)
  const y = normalizeName(b)
  if (x === '' || y === '') return false
  return mode === 's' ? x === y : organizationalDomain(x) === organizationalDomain(y)
}

function parseRecord(text: string): Map<string, string> | null {
  const tags = new Map<string, string>()
  for (const part of text.split(';')) {
    const p = part.trim()
    if (p === '') continue
    const m = /^([A-Za-z]+)\s*=\s*(.*)$/.exec(p)
    if (!m) return null
    const name = m[1]!.toLowerCase()
    if (!tags.has(name)) tags.set(name, m[2]!.trim())
  }
  return tags
}

const isPolicy = (v: string | undefined): v is Policy => v === 'none' || v === 'quarantine' || v === 'reject'
const isMode = (v: string | undefined): v is Mode => v === 'r' || v === 's'

const POLICY_JA: Record<Policy, string> = { none: '何もしない（監視のみ）', quarantine: '隔離（迷惑メールフォルダへ）', reject: '受信拒否' }
const POLICY_EN: Record<Policy, string> = { none: 'do nothing (monitor only)', quarantine: 'quarantine (to the spam folder)', reject: 'reject' }

/**
 * RFC 7489 §6.6: looks up _dmarc.<From domain>, then _dmarc.<organizational domain> (§6.6.3); passes when SPF or DKIM
 * passes with an identifier aligned with the From domain (§3.1, §4.2); the disposition is the policy when it fails.
 */
export function checkDmarc(input: DmarcInput, lookup: (q: DnsQuestion) => DnsAnswer): DmarcOutcome {
  const queries: DnsAnswer[] = []
  const from = normalizeName(String(input?.fromDomain ?? ''))
  const org = organizationalDomain(from)
  const ask = (name: string): DnsAnswer => {
    let a: DnsAnswer
    try {
      a = lookup({ name, type: 'TXT' })
    } catch {
      a = { question: { name, type: 'TXT' }, rcode: 'SERVFAIL', answers: [], rfc: 'RFC 1035 §4.1.1 (RCODE 2)' }
    }
    queries.push(a)
    return a
  }
  /** §6.6.3 step 4: only records starting with v=DMARC1 count; more than one means none. */
  const find = (name: string): { servfail: boolean; record?: string } => {
    const a = ask(name)
    if (a.rcode === 'SERVFAIL') return { servfail: true }
    const records = a.answers.flatMap((r) => (r.type === 'TXT' && /^v\s*=\s*DMARC1\s*(;|$)/.test(r.text) ? [r.text] : []))
    return records.length === 1 ? { servfail: false, record: records[0] } : { servfail: false }
  }

  let modes = { spf: 'r' as Mode, dkim: 'r' as Mode }
  const alignment = () => {
    const spfAligned = input?.spf?.result === 'pass' && aligned(input.spf.domain, from, modes.spf)
    const dkimAligned = (Array.isArray(input?.dkim) ? input.dkim : []).some((d) => d?.result === 'pass' && aligned(d.domain, from, modes.dkim))
    return { spfAligned, dkimAligned }
  }
  const base = () => ({ ...alignment(), alignment: modes, queries, disposition: 'none' as Policy })

  if (from === '' || !from.includes('.')) {
    return {
      ...base(),
      result: 'none',
      explanation: {
        ja: 'From ヘッダのドメインが読み取れないため、DMARC は評価できません。',
        en: 'The From header has no usable domain, so DMARC cannot be evaluated.',
      },
      rfc: 'RFC 7489 §6.6.1',
    }
  }
  let recordName = `_dmarc.${from}`
  let found = find(recordName)
  if (!found.servfail && found.record === undefined && org !== from) {
    recordName = `_dmarc.${org}`
    found = find(recordName)
  }
  if (found.servfail) {
    return {
      ...base(),
      result: 'temperror',
      explanation: {
        ja: `${recordName} の問い合わせが失敗しました（SERVFAIL）。DMARC は一時的に判定できません。`,
        en: `The query for ${recordName} failed (SERVFAIL); DMARC cannot be decided for now.`,
      },
      rfc: 'RFC 7489 §6.6.3, §11.2 (temperror)',
    }
  }
  if (found.record === undefined) {
    return {
      ...base(),
      result: 'none',
      explanation: {
        ja: `${from} も ${org} も DMARC レコード（_dmarc の TXT）を公開していません。`,
        en: `Neither ${from} nor ${org} publishes a DMARC record (TXT at _dmarc).`,
      },
      rfc: 'RFC 7489 §6.6.3',
    }
  }
  const record = found.record
  const tags = parseRecord(record) ?? new Map<string, string>()
  modes = { spf: isMode(tags.get('aspf')) ? (tags.get('aspf') as Mode) : 'r', dkim: isMode(tags.get('adkim')) ? (tags.get('adkim') as Mode) : 'r' }
  const p = tags.get('p')
  const sp = tags.get('sp')
  if (!isPolicy(p) || (sp !== undefined && !isPolicy(sp))) {
    // §6.6.3 step 6: without a valid p=, a record with rua= is read as p=none; otherwise it is an error.
    if (!tags.has('rua')) {
      return {
        ...base(),
        recordName,
        record,
        result: 'permerror',
        explanation: { ja: `${recordName} の DMARC レコードに正しい p= がありません。`, en: `The DMARC record at ${recordName} has no valid p= tag.` },
        rfc: 'RFC 7489 §6.3, §6.6.3, §11.2 (permerror)',
      }
    }
  }
  const fromSub = recordName !== `_dmarc.${from}`
  const policy: Policy = fromSub && isPolicy(sp) ? sp : isPolicy(p) ? p : 'none'
  const pctText = tags.get('pct')
  const pct = pctText !== undefined && /^\d{1,3}$/.test(pctText) ? Math.min(100, Number(pctText)) : 100
  const { spfAligned, dkimAligned } = alignment()
  const pass = spfAligned || dkimAligned
  const how = [spfAligned ? 'SPF' : '', dkimAligned ? 'DKIM' : ''].filter(Boolean).join(' / ')
  const modeText = `aspf=${modes.spf}, adkim=${modes.dkim}`
  return {
    result: pass ? 'pass' : 'fail',
    policy,
    disposition: pass ? 'none' : policy,
    spfAligned,
    dkimAligned,
    alignment: modes,
    recordName,
    record,
    pct,
    queries,
    explanation: pass
      ? {
          ja: `${how} が pass し、そのドメインが From（${from}）と一致（アラインメント、${modeText}）しているので DMARC は pass です。`,
          en: `${how} passed with a domain aligned with the From domain ${from} (${modeText}), so DMARC passes.`,
        }
      : {
          ja: `SPF も DKIM も、From（${from}）と一致するドメインでは pass していません（${modeText}）。DMARC は fail となり、ポリシー p=${policy}「${POLICY_JA[policy]}」が適用されます。`,
          en: `Neither SPF nor DKIM passed for a domain aligned with the From domain ${from} (${modeText}). DMARC fails and the policy p=${policy} applies: ${POLICY_EN[policy]}.`,
        },
    rfc: pass ? 'RFC 7489 §3.1, §4.2, §6.6.2' : 'RFC 7489 §3.1, §6.6.4, §6.3 (p=)',
  }
}

/** RFC 8601 §2.2 value: a token, or a quoted-string when it has other characters. */
const value = (v: string): string => (/^[A-Za-z0-9!#$%&'*+\-.^_`{|}~@]+$/.test(v) ? v : `"${v.replace(/["\\]/g, '\\$&')}"`)

/**
 * RFC 8601 Authentication-Results header field, e.g. `Authentication-Results: mx.example.net; spf=pass
 * smtp.mailfrom=example.com; dkim=pass header.d=example.com header.s=sel; dmarc=pass header.from=example.com`
 * (§2.7.1 dkim, §2.7.2 spf, RFC 7489 §11.2 dmarc). One line unless `fold` is set.
 */
export function authenticationResults(
  authservId: string,
  r: { spf: SpfOutcome & { check: SpfCheck }; dkim: DkimOutcome; dmarc: DmarcOutcome & { fromDomain: string } },
  options: { fold?: boolean } = {},
): string {
  const spf = `spf=${r.spf.result} smtp.mailfrom=${value(normalizeName(r.spf.check.domain) || r.spf.domain)}`
  const dkimProps = [
    r.dkim.reason && r.dkim.result !== 'pass' && r.dkim.result !== 'none' ? `reason=${value(r.dkim.reason)}` : '',
    r.dkim.domain ? `header.d=${value(r.dkim.domain)}` : '',
    r.dkim.selector ? `header.s=${value(r.dkim.selector)}` : '',
  ]
  const dkim = [`dkim=${r.dkim.result}`, ...dkimProps.filter(Boolean)].join(' ')
  const dmarc = `dmarc=${r.dmarc.result}${r.dmarc.result === 'fail' ? ` (p=${r.dmarc.policy ?? 'none'} dis=${r.dmarc.disposition})` : ''} header.from=${value(normalizeName(r.dmarc.fromDomain))}`
  const parts = [value(authservId), spf, dkim, dmarc]
  return 'Authentication-Results: ' + parts.join(options.fold ? ';\r\n\t' : '; ')
}
