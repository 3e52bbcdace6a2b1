// What the delivery panel shows for a message the SMTP engine accepted: delivered to a local mailbox, or only
// queued for relay to the next hop, and the header fields each copy really carries. RFC 5321 §4.4: every hop adds
// Received:; only the final delivery inserts Return-Path:, so a relayed copy leaves without it.
import type { DeliveredMessage } from '../model'
import { tm } from '../content/modes'
import type { Lang } from '../content/types'

export interface HeaderField {
  readonly name: string
  readonly value: string
}

export interface DeliveryView {
  /** delivered (local only), relay (queued for relay only), or both. */
  readonly kind: 'delivered' | 'relay' | 'both'
  readonly title: string
  /** One line per outcome: "Delivered to the mailbox of user1", "Queued for relay to …". */
  readonly outcomes: readonly string[]
  /** The header fields a mail program shows (From, To, Cc, Subject), unfolded. */
  readonly header: readonly HeaderField[]
  /** Envelope recipients that no To:/Cc: field names (a Bcc, in effect). */
  readonly notInHeader: readonly string[]
  /** The trace fields of each copy: the mailbox copy, and what the next hop receives. */
  readonly traces: readonly { readonly kind: 'stored' | 'relay'; readonly label: string; readonly fields: readonly HeaderField[] }[]
}

/** Header fields of an RFC 5322 message (unfolded, RFC 5322 §2.2.3), in order. */
export function headerFields(content: string): HeaderField[] {
  const head = content.split('\r\n\r\n')[0] ?? ''
  return head
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')
    .flatMap((l) => {
      const i = l.indexOf(':')
      return i > 0 ? [{ name: l.slice(0, i), value: l.slice(i + 1).trim() }] : []
    })
}

const SHOWN = ['from', 'to', 'cc', 'subject']
// Authentication-Results: the receiving server's verdicts, added with its trace fields (RFC 8601 §5).
const TRACE = ['return-path', 'authentication-results', 'received']

/** The domains relayed recipients go to, each once, in envelope order (the next hop is that domain's MX). */
export function relayDomains(m: DeliveredMessage): string[] {
  return [...new Set(m.relayed.map((r) => r.slice(r.lastIndexOf('@') + 1).toLowerCase()))]
}

export function deliveryView(m: DeliveredMessage, lang: Lang): DeliveryView {
  const fields = headerFields(m.content)
  const header = SHOWN.flatMap((n) => fields.filter((f) => f.name.toLowerCase() === n))
  const named = fields
    .filter((f) => ['to', 'cc'].includes(f.name.toLowerCase()))
    .map((f) => f.value)
    .join(' ')
    .toLowerCase()
  const local = m.stored !== null
  const relay = m.relayed.length > 0
  const kind = local && relay ? 'both' : relay ? 'relay' : 'delivered'
  const title = tm(lang, kind === 'relay' ? 'deliveryTitleRelay' : kind === 'both' ? 'deliveryTitleBoth' : 'deliveryTitle')
  const outcomes = [
    ...(local ? m.mailboxes.map((box) => tm(lang, 'deliveredTo', { box })) : []),
    ...relayDomains(m).map((domain) => tm(lang, 'queuedForRelay', { domain })),
  ]
  const trace = (content: string) => headerFields(content).filter((f) => TRACE.includes(f.name.toLowerCase()))
  const traces: DeliveryView['traces'] = [
    ...(m.stored !== null ? [{ kind: 'stored' as const, label: tm(lang, 'trace'), fields: trace(m.stored) }] : []),
    ...(relay ? [{ kind: 'relay' as const, label: tm(lang, 'traceRelay'), fields: trace(m.content) }] : []),
  ]
  return { kind, title, outcomes, header, notInHeader: m.recipients.filter((r) => !named.includes(r.toLowerCase())), traces }
}

/** One hop of the route, read from a Received: field (RFC 5321 §4.4, "with" keywords of RFC 3848). */
export interface Hop {
  /** 1 for the first server the message reached (the bottom Received:). */
  readonly n: number
  readonly by: string
  readonly from: string
  readonly address: string
  readonly protocol: string
  readonly date: string
  /** What the protocol keyword says, in words. */
  readonly explained: string
}

const WITH: Record<string, { ja: string; en: string }> = {
  SMTP: { ja: 'HELOで始めたSMTP', en: 'SMTP opened with HELO' },
  ESMTP: { ja: 'EHLOで始めたSMTP、暗号化なし', en: 'SMTP opened with EHLO, not encrypted' },
  ESMTPS: { ja: 'EHLOとTLS（STARTTLSまたは465番）', en: 'EHLO over TLS (STARTTLS or port 465)' },
  ESMTPA: { ja: 'EHLOとSMTP-AUTH、暗号化なし', en: 'EHLO with SMTP-AUTH, not encrypted' },
  ESMTPSA: { ja: 'EHLO、TLS、SMTP-AUTHのすべて', en: 'EHLO, TLS and SMTP-AUTH' },
}

/**
 * The route a delivered message took, newest hop first as the header lists it: each server puts its Received: on
 * top (RFC 5321 §4.4), so reading from the top walks the route backwards.
 */
export function routeOf(content: string, lang: Lang): Hop[] {
  const received = headerFields(content).filter((f) => f.name.toLowerCase() === 'received')
  return received.map((f, i) => {
    const m = /^from (\S+) \(([^)]*?)\[([^\]]+)\]\) by (\S+) with (\S+)/.exec(f.value)
    const protocol = m?.[5] ?? ''
    const words = WITH[protocol]
    return {
      n: received.length - i,
      from: m?.[1] ?? '',
      address: m?.[3] ?? '',
      by: m?.[4] ?? '',
      protocol,
      date: f.value.slice(f.value.lastIndexOf(';') + 1).trim(),
      explained: words ? words[lang] : protocol,
    }
  })
}
