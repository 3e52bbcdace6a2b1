// Mailbox commands (RFC 9051 §6.3): SELECT / EXAMINE, CREATE, DELETE, LIST, STATUS, APPEND.
import { byteLength } from '../encoding'
import { echo, echoName, isControl, prefixLength, requireUser, setMailbox } from './context'
import type { Ctx, Tagged } from './context'
import { flagKey, mailboxFlags, normalizeFlags } from './flags'
import { formatImapDate, imapDateFromMs, parseImapDateTime } from './message'
import { ParseError, Reader, readFlags } from './parser'
import { LAB_EPOCH_MS, addMailboxes, canonicalName, findMailbox, removeMailbox, userMailboxes } from './store'
import type { ImapMailbox } from './store'

/** APPEND mailbox [flags] [date] {n}: the refusal to send now, or null to invite the literal. */
export function appendPreflight(ctx: Ctx, parts: readonly string[]): Tagged | null {
  const r = new Reader(parts)
  r.skip(prefixLength('APPEND', parts[0] ?? ''))
  try {
    r.sp()
    // The announced literal is the mailbox name itself: nothing to check yet.
    if (r.atPendingLiteral()) return null
    const name = r.astring()
    r.sp()
    if (r.peek() === '(') {
      normalizeFlags(readFlags(r, false))
      r.sp()
    }
    if (r.peek() === '"') {
      if (!parseImapDateTime(r.quoted() ?? '')) throw new ParseError('Invalid date-time')
      r.sp()
    }
    if (!r.atPendingLiteral()) throw new ParseError('Expected a literal')
    if (!findMailbox(ctx.s.world, requireUser(ctx), name)) return { id: 'tryCreate', vars: { name: echoName(name) } }
    return null
  } catch (e) {
    if (e instanceof ParseError) return { id: 'syntaxError', vars: { cmd: 'APPEND', detail: e.message } }
    throw e
  }
}

function mailboxOut(name: string): string {
  return /^[\x21\x23-\x24\x26-\x27\x2b-\x5b\x5e-\x7a\x7c-\x7e]+$/.test(name) ? name : `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`
}

export function select(ctx: Ctx, r: Reader, readOnly: boolean): Tagged {
  r.sp()
  const name = r.astring()
  r.end()
  if (ctx.s.selected) {
    // Selecting again closes the current mailbox without expunging (RFC 9051 §6.3.2).
    ctx.out.add('closed')
    ctx.s.selected = null
    ctx.s.state = 'authenticated'
  }
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  if (!mb) return { id: 'noSuchMailbox', vars: { name: echoName(name) } }
  // SELECT is the first session to see these messages: they are \Recent here and nowhere else. EXAMINE
  // shows them as \Recent without taking them (RFC 3501 §2.3.2: when unsure, consider a message recent).
  const recent = mb.messages.filter((m) => m.recent).map((m) => m.uid)
  if (!readOnly && recent.length > 0) setMailbox(ctx, { ...mb, messages: mb.messages.map((m) => (m.recent ? { ...m, recent: false } : m)) })
  const known: Record<string, string> = {}
  for (const m of mb.messages) known[m.uid] = flagKey(m)
  ctx.s.selected = { name: mb.name, readOnly, uidValidity: mb.uidValidity, uids: mb.messages.map((m) => m.uid), known, recent }
  ctx.s.state = 'selected'
  const flags = mailboxFlags(mb)
  // Order as Dovecot sends it (fixture a003); RFC 9051 §6.3.2 lists the required ones.
  ctx.out.add('flags', null, { flags: flags.join(' ') })
  if (readOnly) ctx.out.add('permanentFlagsReadOnly')
  else ctx.out.add('permanentFlags', null, { flags: [...flags, '\\*'].join(' ') })
  ctx.out.add('exists', null, { n: mb.messages.length })
  ctx.out.add('recent', null, { n: recent.length })
  const firstUnseen = mb.messages.findIndex((m) => !m.flags.includes('\\Seen'))
  if (firstUnseen >= 0) ctx.out.add('unseen', null, { n: firstUnseen + 1 })
  ctx.out.add('uidValidity', null, { n: mb.uidValidity })
  ctx.out.add('uidNext', null, { n: mb.uidNext })
  return { id: readOnly ? 'examineOk' : 'selectOk' }
}

export function create(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const raw = r.astring()
  r.end()
  const name = canonicalName(raw.replace(/\/+$/, ''))
  const user = requireUser(ctx)
  const boxes = userMailboxes(ctx.s.world, user)
  // One scan of at most MAX_MAILBOXES names per lookup: cheaper than building a Set for a single CREATE.
  const exists = (n: string): boolean => boxes.some((m) => m.name === n)
  if (name === 'INBOX' || exists(name)) return { id: 'alreadyExists' }
  const segments = name.split('/')
  if (name === '' || name.length > MAX_MAILBOX_NAME || segments.some((s) => s === '') || [...name].some((c) => c === '%' || c === '*' || isControl(c))) {
    return { id: 'cannot', vars: { reason: 'Invalid mailbox name' } }
  }
  // Superior names are created too, so LIST never shows a hole (RFC 9051 §6.3.4).
  const missing: string[] = []
  for (let i = 1; i <= segments.length; i++) {
    const prefix = canonicalName(segments.slice(0, i).join('/'))
    if (!exists(prefix)) missing.push(prefix)
  }
  if (boxes.length + missing.length > MAX_MAILBOXES) return { id: 'mailboxLimit' }
  const first = ctx.s.world.nextUidValidity
  const created = missing.map((n, i): ImapMailbox => ({ name: n, specialUse: null, uidValidity: first + i, uidNext: 1, messages: [] }))
  ctx.s.world = addMailboxes(ctx.s.world, user, created, first + created.length)
  return { id: 'createOk' }
}

export function deleteMailbox(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const name = r.astring()
  r.end()
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  if (mb?.name === 'INBOX') return { id: 'cannot', vars: { reason: "INBOX can't be deleted." } }
  if (!mb) return { id: 'noSuchMailbox', vars: { name: echoName(name) } }
  if (ctx.s.selected?.name === mb.name) return { id: 'cannot', vars: { reason: "Can't delete the selected mailbox." } }
  ctx.s.world = removeMailbox(ctx.s.world, requireUser(ctx), mb.name)
  return { id: 'deleteOk' }
}

/**
 * LIST wildcards: "*" matches anything, "%" anything but the hierarchy delimiter "/" (RFC 9051 §6.3.9).
 * Dynamic programming, not a RegExp: a client's "*a*a*a..." must not backtrack exponentially.
 */
export function wildcardMatch(pattern: string, name: string): boolean {
  let row: boolean[] = [true]
  for (let j = 1; j <= name.length; j++) row.push(false)
  for (const p of pattern) {
    const next: boolean[] = [row[0] === true && (p === '*' || p === '%')]
    for (let j = 1; j <= name.length; j++) {
      const c = name[j - 1]
      next.push(
        p === '*'
          ? row[j] === true || next[j - 1] === true
          : p === '%'
            ? row[j] === true || (next[j - 1] === true && c !== '/')
            : row[j - 1] === true && c === p,
      )
    }
    row = next
  }
  return row[name.length] === true
}

/** Longest mailbox name CREATE accepts (a server limit, RFC 9051 §6.3.4; Dovecot's is 255 too). */
const MAX_MAILBOX_NAME = 255

/**
 * Most mailboxes one user may have; CREATE beyond it is NO [LIMIT] (RFC 9051 §6.3.4, §7.1). The world is
 * immutable, so each CREATE copies the user's list: the limit keeps that copy, LIST and STATUS small.
 */
export const MAX_MAILBOXES = 1000

export function list(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const reference = r.astring()
  r.sp()
  const pattern = r.listMailbox()
  r.end()
  if (pattern === '') {
    // An empty pattern asks only for the delimiter and the root (RFC 9051 §6.3.9).
    ctx.out.add('list', null, { attrs: '\\Noselect', name: '""' })
    return { id: 'listOk' }
  }
  const full = reference + pattern
  if (full.length > 1000) throw new ParseError('Pattern too long')
  const boxes = userMailboxes(ctx.s.world, requireUser(ctx))
  // Every name with something below it, in one pass (\HasChildren, RFC 9051 §7.3.1; RFC 3348).
  const parents = new Set<string>()
  for (const b of boxes) {
    for (let i = b.name.lastIndexOf('/'); i > 0; i = b.name.lastIndexOf('/', i - 1)) parents.add(b.name.slice(0, i))
  }
  for (const mb of boxes) {
    // INBOX matches in any case (RFC 9051 §5.1).
    const hit = mb.name === 'INBOX' ? wildcardMatch(full.toUpperCase(), mb.name) : wildcardMatch(full, mb.name)
    if (!hit) continue
    const children = parents.has(mb.name)
    const attrs = [children ? '\\HasChildren' : '\\HasNoChildren', ...(mb.specialUse ? [mb.specialUse] : [])]
    ctx.out.add('list', null, { attrs: attrs.join(' '), name: mailboxOut(mb.name) })
  }
  return { id: 'listOk' }
}

const STATUS_ITEMS = ['MESSAGES', 'RECENT', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN', 'SIZE', 'DELETED'] as const
type StatusItem = (typeof STATUS_ITEMS)[number]

export function status(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const name = r.astring()
  r.sp()
  r.expect('(')
  const items: StatusItem[] = []
  while (r.peek() !== ')') {
    if (items.length > 0) r.sp()
    const word = r.atom().toUpperCase()
    const item = STATUS_ITEMS.find((x) => x === word)
    if (!item) throw new ParseError(`Unknown STATUS item ${echo(word)}`)
    items.push(item)
  }
  r.next()
  r.end()
  if (items.length === 0) throw new ParseError('Empty STATUS item list')
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  if (!mb) return { id: 'noSuchMailbox', vars: { name: echoName(name) } }
  const v = ctx.s.selected?.name === mb.name ? ctx.s.selected : null
  const recentHere = new Set(v?.recent ?? [])
  const value = (item: StatusItem): number => {
    switch (item) {
      case 'MESSAGES':
        return mb.messages.length
      case 'RECENT':
        return mb.messages.filter((m) => m.recent || recentHere.has(m.uid)).length
      case 'UIDNEXT':
        return mb.uidNext
      case 'UIDVALIDITY':
        return mb.uidValidity
      case 'UNSEEN':
        return mb.messages.filter((m) => !m.flags.includes('\\Seen')).length
      case 'SIZE':
        return mb.messages.reduce((n, m) => n + byteLength(m.raw), 0)
      case 'DELETED':
        return mb.messages.filter((m) => m.flags.includes('\\Deleted')).length
    }
  }
  ctx.out.add('status', null, { name: mailboxOut(mb.name), items: items.map((i) => `${i} ${value(i)}`).join(' ') })
  return { id: 'statusOk' }
}

export function append(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const name = r.astring()
  r.sp()
  let flags: string[] = []
  if (r.peek() === '(') {
    flags = normalizeFlags(readFlags(r, false))
    r.sp()
  }
  let date: string | null = null
  if (r.peek() === '"') {
    const d = parseImapDateTime(r.quoted() ?? '')
    if (!d) throw new ParseError('Invalid date-time')
    date = formatImapDate(d)
    r.sp()
  }
  const message = r.literal()
  if (message === null) throw new ParseError('Expected a literal')
  r.end()
  const mb = findMailbox(ctx.s.world, requireUser(ctx), name)
  // The server never creates the target itself (RFC 9051 §6.3.12).
  if (!mb) return { id: 'tryCreate', vars: { name: echoName(name) } }
  if (byteLength(message) > ctx.s.options.maxMessageSize) return { id: 'tooBig' }
  const uid = mb.uidNext
  const internalDate = date ?? formatImapDate(imapDateFromMs(LAB_EPOCH_MS + ctx.s.options.now() * 1000))
  setMailbox(ctx, { ...mb, uidNext: uid + 1, messages: [...mb.messages, { uid, raw: message, flags, internalDate, recent: true }] })
  return { id: 'appendOk', vars: { validity: mb.uidValidity, uid } }
}
