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
const TRACE = ['return-path', 'received']

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
