// Message commands of the selected state (RFC 9051 §6.4): SEARCH, FETCH, STORE, COPY / MOVE, EXPUNGE.
import { byteLength } from '../encoding'
import { MessageSetError, echoName, requireUser, selectedView, setMailbox } from './context'
import type { Ctx, SelectedView, Tagged } from './context'
import { addFlags, flagKey, flagsOut, normalizeFlags, removeFlags } from './flags'
import {
  bodyStructure,
  dayNumber,
  envelope,
  fieldValue,
  imapLiteral,
  parseEntity,
  parseFields,
  parseRfc5322Date,
  sectionContent,
  splitMessage,
} from './message'
import type { MimeEntity } from './message'
import { ParseError, readFetchItems, readFlags, readSearch, readSequenceSet } from './parser'
import type { FetchItem, Reader, SearchKey, SequenceSet, SimpleFetch } from './parser'
import { findMailbox } from './store'
import type { ImapMessage } from './store'
import { currentMessages } from './updates'

/** A set's ranges with "*" replaced by `star`, sorted and merged, so that membership is a binary search. */
type Ranges = readonly (readonly [number, number])[]

function mergeRanges(set: SequenceSet, star: number): Ranges {
  const ranges = set
    .map(([a0, b0]): [number, number] => {
      const a = a0 === '*' ? star : a0
      const b = b0 === '*' ? star : b0
      return [Math.min(a, b), Math.max(a, b)]
    })
    .sort((x, y) => x[0] - y[0])
  const merged: [number, number][] = []
  for (const [lo, hi] of ranges) {
    const last = merged[merged.length - 1]
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi)
    else merged.push([lo, hi])
  }
  return merged
}

function inRanges(ranges: Ranges, n: number): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [a, b] = ranges[mid] ?? [0, -1]
    if (n < a) hi = mid - 1
    else if (n > b) lo = mid + 1
    else return true
  }
  return false
}

function maxUid(v: SelectedView): number {
  let max = 0
  for (const uid of v.uids) if (uid > max) max = uid
  return max
}

/** Sequence numbers (1-based) that a set names, ascending; linear in the mailbox plus the set's size. */
function resolveSet(v: SelectedView, set: SequenceSet, byUid: boolean): number[] {
  const count = v.uids.length
  if (byUid) {
    // UIDs that no message has are simply not there (RFC 9051 §6.4.9); "*" is the highest UID in use.
    const ranges = mergeRanges(set, maxUid(v))
    const seqs: number[] = []
    v.uids.forEach((uid, i) => {
      if (inRanges(ranges, uid)) seqs.push(i + 1)
    })
    return seqs
  }
  for (const [a0, b0] of set) {
    const a = a0 === '*' ? count : a0
    const b = b0 === '*' ? count : b0
    // Beyond the mailbox, including "*" in an empty one, is a protocol error (RFC 9051 §9 seq-number).
    if (a < 1 || b < 1 || a > count || b > count) throw new MessageSetError('Invalid messageset')
  }
  const seqs: number[] = []
  for (const [lo, hi] of mergeRanges(set, count)) for (let n = lo; n <= hi; n++) seqs.push(n)
  return seqs
}

/** CLOSE expunges silently, UNSELECT does not; both leave the selected state (RFC 9051 §6.4.1–2). */
export function closeMailbox(ctx: Ctx, r: Reader, expungeFirst: boolean): Tagged {
  r.end()
  const v = ctx.s.selected
  if (v && expungeFirst && !v.readOnly) expungeDeleted(ctx, v.name, null)
  ctx.s.selected = null
  ctx.s.state = 'authenticated'
  return { id: expungeFirst ? 'closeOk' : 'unselectOk' }
}

/** EXPUNGE, or UID EXPUNGE with a UID set (RFC 9051 §6.4.3; RFC 4315 §2.1). */
export function expunge(ctx: Ctx, r: Reader, byUid: boolean): Tagged {
  let set: SequenceSet | null = null
  if (byUid) {
    r.sp()
    set = readSequenceSet(r)
  }
  r.end()
  const v = selectedView(ctx)
  if (v.readOnly) return { id: 'readOnly' }
  expungeDeleted(ctx, v.name, set)
  return { id: 'expungeOk' }
}

function expungeDeleted(ctx: Ctx, name: string, uidSet: SequenceSet | null): void {
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  if (!mb) return
  const max = mb.messages.reduce((a, m) => Math.max(a, m.uid), 0)
  const ranges = uidSet === null ? null : mergeRanges(uidSet, max)
  const inSet = (uid: number): boolean => ranges === null || inRanges(ranges, uid)
  const messages = mb.messages.filter((m) => !(m.flags.includes('\\Deleted') && inSet(m.uid)))
  if (messages.length !== mb.messages.length) setMailbox(ctx, { ...mb, messages })
}

function includesCI(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase())
}

/** What every message of one SEARCH is compared with, computed once (so the search stays linear). */
interface SearchScope {
  readonly recent: ReadonlySet<number>
  readonly maxUid: number
  readonly count: number
  /** Merged ranges of each sequence set in the key, by identity. */
  readonly ranges: Map<SequenceSet, Ranges>
}

function rangesFor(scope: SearchScope, set: SequenceSet, star: number): Ranges {
  let r = scope.ranges.get(set)
  if (!r) {
    r = mergeRanges(set, star)
    scope.ranges.set(set, r)
  }
  return r
}

function matches(key: SearchKey, m: ImapMessage, seq: number, scope: SearchScope): boolean {
  switch (key.k) {
    case 'all':
      return true
    case 'flag':
      return m.flags.some((f) => f.toLowerCase() === key.flag.toLowerCase()) === key.set
    case 'recent':
      return scope.recent.has(m.uid)
    case 'new':
      return scope.recent.has(m.uid) && !m.flags.includes('\\Seen')
    case 'old':
      return !scope.recent.has(m.uid)
    case 'header': {
      // Case-insensitive substring of the field's unfolded value (RFC 9051 §6.4.4).
      const fields = parseFields(splitMessage(m.raw).header).filter((f) => f.name.toLowerCase() === key.field.toLowerCase())
      return fields.some((f) => key.value === '' || includesCI(f.value, key.value))
    }
    case 'body':
      return includesCI(splitMessage(m.raw).body, key.value)
    case 'text':
      return includesCI(m.raw, key.value)
    case 'size':
      return key.larger ? byteLength(m.raw) > key.n : byteLength(m.raw) < key.n
    case 'date': {
      // Dates compare without time and zone (RFC 9051 §6.4.4).
      const d = key.sent
        ? parseRfc5322Date(fieldValue(parseFields(splitMessage(m.raw).header), 'Date') ?? '')
        : parseRfc5322Date(m.internalDate.replace(/^ ?(\d+)-(\w+)-(\d+)/, '$1 $2 $3'))
      if (!d) return false
      const day = dayNumber(d)
      return key.op === 'before' ? day < key.day : key.op === 'on' ? day === key.day : day >= key.day
    }
    case 'uid':
      return inRanges(rangesFor(scope, key.set, scope.maxUid), m.uid)
    case 'seq':
      return inRanges(rangesFor(scope, key.set, scope.count), seq)
    case 'not':
      return !matches(key.key, m, seq, scope)
    case 'or':
      return matches(key.a, m, seq, scope) || matches(key.b, m, seq, scope)
    case 'and':
      return key.keys.every((k) => matches(k, m, seq, scope))
  }
}

/** Sequence numbers in SEARCH keys obey the same bound as in FETCH (RFC 9051 §9 seq-number). */
function checkSequenceKeys(key: SearchKey, v: SelectedView): void {
  switch (key.k) {
    case 'seq':
      resolveSet(v, key.set, false)
      return
    case 'not':
      checkSequenceKeys(key.key, v)
      return
    case 'or':
      checkSequenceKeys(key.a, v)
      checkSequenceKeys(key.b, v)
      return
    case 'and':
      for (const k of key.keys) checkSequenceKeys(k, v)
      return
    default:
      return
  }
}

export function search(ctx: Ctx, r: Reader, byUid: boolean): Tagged {
  r.sp()
  const { charset, key } = readSearch(r)
  const v = selectedView(ctx)
  if (charset !== null && charset !== 'US-ASCII' && charset !== 'UTF-8') return { id: 'badCharset' }
  checkSequenceKeys(key, v)
  const present = currentMessages(ctx, v)
  const scope: SearchScope = { recent: new Set(v.recent), maxUid: maxUid(v), count: v.uids.length, ranges: new Map() }
  const hits: number[] = []
  v.uids.forEach((uid, i) => {
    const m = present.get(uid)
    if (m && matches(key, m, i + 1, scope)) hits.push(byUid ? uid : i + 1)
  })
  ctx.out.add('search', null, { ids: hits.map((n) => ` ${n}`).join('') })
  return { id: 'searchOk' }
}

/** The octets of [origin, origin + count) (RFC 9051 §6.4.5 partial). */
function partialOctets(content: string, origin: number, count: number): string {
  const bytes = new TextEncoder().encode(content)
  return new TextDecoder().decode(bytes.slice(origin, origin + count))
}

export function fetch(ctx: Ctx, r: Reader, byUid: boolean): Tagged {
  r.sp()
  const set = readSequenceSet(r)
  r.sp()
  const items = readFetchItems(r)
  r.end()
  const v = selectedView(ctx)
  const seqs = resolveSet(v, set, byUid)
  const wantsUid = items.some((i) => i.kind === 'simple' && i.name === 'UID')
  const wantsFlags = items.some((i) => i.kind === 'simple' && i.name === 'FLAGS')
  // BODY[...] and RFC822(.TEXT) set \Seen; BODY.PEEK[...] and RFC822.HEADER do not (RFC 9051 §6.4.5).
  const setsSeen = !v.readOnly && items.some((i) => i.kind === 'section' && !i.peek)
  // Read once, changed in place, written back once: the command stays linear in the messages it touches.
  const present = currentMessages(ctx, v)
  const recentSet = new Set(v.recent)
  const known: Record<string, string> = { ...v.known }
  const changed = new Map<number, ImapMessage>()
  for (const seq of seqs) {
    const uid = v.uids[seq - 1]
    if (uid === undefined) continue
    let m = present.get(uid)
    // Expunged by another connection and not yet reported: nothing to show (RFC 2180 §4.1).
    if (!m) continue
    let flagsChanged = false
    if (setsSeen && !m.flags.includes('\\Seen')) {
      m = { ...m, flags: [...m.flags, '\\Seen'] }
      present.set(uid, m)
      changed.set(uid, m)
      flagsChanged = true
    }
    const recent = recentSet.has(uid)
    const entity = needsEntity(items) ? parseEntity(m.raw) : null
    const parts: string[] = []
    if (byUid && !wantsUid) parts.push(`UID ${uid}`)
    // When the fetch itself changed the flags, they are reported with it (RFC 9051 §6.4.5).
    if (flagsChanged && !wantsFlags) parts.push(`FLAGS (${flagsOut(m, recent)})`)
    let message = false
    for (const item of items) {
      const out = fetchItem(item, m, uid, recent, entity)
      parts.push(out.text)
      message ||= out.literal
    }
    if (wantsFlags || flagsChanged) known[uid] = flagKey(m)
    ctx.out.add('fetch', null, { n: seq, items: parts.join(' ') }, message)
  }
  replaceMessages(ctx, v.name, changed)
  if (wantsFlags || changed.size > 0) ctx.s.selected = { ...v, known }
  // Which completion: whether this FETCH set \Seen on any message (the caption says so, or says it did not).
  return { id: changed.size > 0 ? 'fetchOkSeen' : 'fetchOk' }
}

function needsEntity(items: readonly FetchItem[]): boolean {
  return items.some((i) => i.kind === 'section' || ['ENVELOPE', 'BODY', 'BODYSTRUCTURE'].includes(i.name))
}

/** One FETCH data item; `literal` when it carries part of the message itself (RFC 9051 §7.5.2 BODY[...]). */
function fetchItem(item: FetchItem, m: ImapMessage, uid: number, recent: boolean, entity: MimeEntity | null): { text: string; literal: boolean } {
  const e = entity ?? parseEntity(m.raw)
  if (item.kind === 'section') {
    const content = sectionContent(e, m.raw, item.section)
    if (content === null) return { text: `${item.label} NIL`, literal: false }
    const data = item.partial ? partialOctets(content, item.partial.origin, item.partial.count) : content
    return { text: `${item.label} ${imapLiteral(data)}`, literal: true }
  }
  return { text: fetchAttribute(item.name, m, uid, recent, e), literal: false }
}

function fetchAttribute(name: SimpleFetch, m: ImapMessage, uid: number, recent: boolean, e: MimeEntity): string {
  switch (name) {
    case 'FLAGS':
      return `FLAGS (${flagsOut(m, recent)})`
    case 'UID':
      return `UID ${uid}`
    case 'RFC822.SIZE':
      return `RFC822.SIZE ${byteLength(m.raw)}`
    case 'INTERNALDATE':
      return `INTERNALDATE "${m.internalDate}"`
    case 'ENVELOPE':
      return `ENVELOPE ${envelope(e)}`
    case 'BODYSTRUCTURE':
      return `BODYSTRUCTURE ${bodyStructure(e, true)}`
    case 'BODY':
      return `BODY ${bodyStructure(e, false)}`
  }
}

/** Writes changed messages back to the mailbox in one pass. */
function replaceMessages(ctx: Ctx, mailbox: string, changed: ReadonlyMap<number, ImapMessage>): void {
  if (changed.size === 0) return
  const mb = findMailbox(ctx.s.world, requireUser(ctx), mailbox)
  if (!mb) return
  setMailbox(ctx, { ...mb, messages: mb.messages.map((x) => changed.get(x.uid) ?? x) })
}

export function store(ctx: Ctx, r: Reader, byUid: boolean): Tagged {
  r.sp()
  const set = readSequenceSet(r)
  r.sp()
  const op = /^([+-]?)FLAGS(\.SILENT)?$/.exec(r.run(/[A-Za-z.+-]/).toUpperCase())
  if (!op) throw new ParseError('Invalid STORE attribute')
  r.sp()
  const flags = normalizeFlags(readFlags(r, true))
  r.end()
  const v = selectedView(ctx)
  if (v.readOnly) return { id: 'readOnly' }
  const seqs = resolveSet(v, set, byUid)
  const mode = op[1] ?? ''
  const silent = op[2] !== undefined
  const present = currentMessages(ctx, v)
  const recentSet = new Set(v.recent)
  const known: Record<string, string> = { ...v.known }
  const changed = new Map<number, ImapMessage>()
  for (const seq of seqs) {
    const uid = v.uids[seq - 1]
    if (uid === undefined) continue
    const m = present.get(uid)
    if (!m) continue
    const next = mode === '+' ? addFlags(m.flags, flags) : mode === '-' ? removeFlags(m.flags, flags) : flags
    const updated = { ...m, flags: next }
    present.set(uid, updated)
    changed.set(uid, updated)
    known[uid] = flagKey(updated)
    // .SILENT: the client already knows what it asked for (RFC 9051 §6.4.6).
    if (!silent) {
      const items = `${byUid ? `UID ${uid} ` : ''}FLAGS (${flagsOut(updated, recentSet.has(uid))})`
      ctx.out.add('fetch', null, { n: seq, items })
    }
  }
  replaceMessages(ctx, v.name, changed)
  if (changed.size > 0) ctx.s.selected = { ...v, known }
  return { id: 'storeOk' }
}

/** `3:5,8` from ascending UIDs (RFC 9051 §9 uid-set). */
function uidSetText(uids: readonly number[]): string {
  const out: string[] = []
  let i = 0
  while (i < uids.length) {
    const start = uids[i] ?? 0
    let end = start
    while (uids[i + 1] === end + 1) {
      end++
      i++
    }
    out.push(start === end ? String(start) : `${start}:${end}`)
    i++
  }
  return out.join(',')
}

export function copy(ctx: Ctx, r: Reader, move: boolean, byUid: boolean): Tagged {
  r.sp()
  const set = readSequenceSet(r)
  r.sp()
  const name = r.astring()
  r.end()
  const v = selectedView(ctx)
  const seqs = resolveSet(v, set, byUid)
  const user = requireUser(ctx)
  if (!findMailbox(ctx.s.world, user, name)) return { id: 'tryCreate', vars: { name: echoName(name) } }
  if (move && v.readOnly) return { id: 'readOnly' }
  const present = currentMessages(ctx, v)
  const sources = seqs.map((s) => present.get(v.uids[s - 1] ?? 0)).filter((m): m is ImapMessage => m !== undefined)
  const target = findMailbox(ctx.s.world, user, name)
  const src = sources.map((m) => m.uid)
  const dst: number[] = []
  const validity = target?.uidValidity ?? 0
  if (target && sources.length > 0) {
    // A copy is new mail in the target with the next UIDs: \Recent for the next session there (RFC 9051 §6.4.7).
    const copies = sources.map((m, i): ImapMessage => ({ ...m, uid: target.uidNext + i, recent: true }))
    for (const c of copies) dst.push(c.uid)
    setMailbox(ctx, { ...target, uidNext: target.uidNext + copies.length, messages: [...target.messages, ...copies] })
  }
  const code = src.length > 0 ? `[COPYUID ${validity} ${uidSetText(src)} ${uidSetText(dst)}] ` : ''
  if (!move) return { id: 'copyOk', vars: { code } }
  if (src.length > 0) {
    ctx.out.add('moveCopyUid', null, { validity, src: uidSetText(src), dst: uidSetText(dst) })
    const mb = findMailbox(ctx.s.world, user, v.name)
    // The originals go at once; the EXPUNGE responses follow from sync (RFC 6851 §3.3).
    const moved = new Set(src)
    if (mb) setMailbox(ctx, { ...mb, messages: mb.messages.filter((m) => !moved.has(m.uid)) })
  }
  return { id: 'moveOk' }
}
