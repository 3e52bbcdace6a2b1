// The mailboxes IMAP keeps on the server ("サーバ上で管理"): messages, flags and UIDs per user.
// Immutable values; a connection's session carries the world it last saw, and `ImapStore` is the one
// mutable box that several connections (two devices of one user) share.
import { resolveOptions } from '../defaults'
import type { ResolvedOptions } from '../defaults'
import type { ServerOptions } from '../types'
import { deliveryDate, formatImapDate, imapDateFromMs } from './message'

/** The system flags a client may store (RFC 9051 §2.3.2); \Recent is session-only (RFC 3501 §2.3.2). */
export const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'] as const

export interface ImapMessage {
  /** Unique identifier, strictly ascending within the mailbox (RFC 9051 §2.3.1.1). */
  readonly uid: number
  /** The message, CRLF line ends. */
  readonly raw: string
  /** System flags (canonical spelling) and keywords; never \Recent. */
  readonly flags: readonly string[]
  /** INTERNALDATE, `dd-Mon-yyyy hh:mm:ss +zzzz` (RFC 9051 §2.3.3). */
  readonly internalDate: string
  /** No session has announced this message yet: the next one to select the mailbox sees it \Recent (RFC 3501 §2.3.2). */
  readonly recent: boolean
}

export interface ImapMailbox {
  readonly name: string
  /** RFC 6154 special-use attribute shown by LIST. */
  readonly specialUse: '\\Sent' | '\\Trash' | null
  readonly uidValidity: number
  readonly uidNext: number
  readonly messages: readonly ImapMessage[]
}

export interface ImapWorld {
  /** Each user's mailboxes, INBOX first. */
  readonly users: Readonly<Record<string, readonly ImapMailbox[]>>
  /** UIDVALIDITY for the next mailbox created, so a re-created name never reuses one (RFC 9051 §2.3.1.1). */
  readonly nextUidValidity: number
}

/** The shared, mutable holder: pass the same store to several `createImapServer` calls. */
export interface ImapStore {
  world: ImapWorld
}

/** 2024-01-01T00:00:00Z: the lab's first UIDVALIDITY (Dovecot uses the mailbox's creation time too). */
export const UIDVALIDITY_BASE = 1704067200
/** The lab clock's zero: options.now() counts seconds from here (APPEND without a date). */
export const LAB_EPOCH_MS = Date.UTC(2024, 0, 8, 9, 0, 0)

/** LF or CRLF in, CRLF out: IMAP counts octets with CRLF line ends (RFC 9051 §2.3.4, RFC 5322 §2.1). */
export function toCrlf(raw: string): string {
  return raw.replace(/\r?\n/g, '\r\n')
}

export function buildWorld(options: ResolvedOptions): ImapWorld {
  const fallback = imapDateFromMs(LAB_EPOCH_MS)
  // fromEntries defines own properties, so a user named "__proto__" stays an ordinary key.
  const users = Object.fromEntries(
    Object.keys(options.users).map((user): [string, readonly ImapMailbox[]] => {
      const raws = Object.hasOwn(options.mailbox, user) ? (options.mailbox[user] ?? []) : []
      const messages = raws.map((r, i): ImapMessage => {
        const raw = toCrlf(r)
        return { uid: i + 1, raw, flags: [], internalDate: formatImapDate(deliveryDate(raw, fallback)), recent: true }
      })
      return [
        user,
        [
          { name: 'INBOX', specialUse: null, uidValidity: UIDVALIDITY_BASE, uidNext: messages.length + 1, messages },
          { name: 'Sent', specialUse: '\\Sent', uidValidity: UIDVALIDITY_BASE + 1, uidNext: 1, messages: [] },
          { name: 'Trash', specialUse: '\\Trash', uidValidity: UIDVALIDITY_BASE + 2, uidNext: 1, messages: [] },
        ],
      ]
    }),
  )
  return { users, nextUidValidity: UIDVALIDITY_BASE + 3 }
}

export function createImapStore(options: ServerOptions = {}): ImapStore {
  return { world: buildWorld(resolveOptions('imap', options)) }
}

/** INBOX is case-insensitive; other names are compared as written (RFC 9051 §5.1). */
export function canonicalName(name: string): string {
  return name.toUpperCase() === 'INBOX' ? 'INBOX' : name
}

export function userMailboxes(world: ImapWorld, user: string): readonly ImapMailbox[] {
  return Object.hasOwn(world.users, user) ? (world.users[user] ?? []) : []
}

export function findMailbox(world: ImapWorld, user: string, name: string): ImapMailbox | undefined {
  const c = canonicalName(name)
  return userMailboxes(world, user).find((m) => m.name === c)
}

export function putMailbox(world: ImapWorld, user: string, mailbox: ImapMailbox): ImapWorld {
  const list = userMailboxes(world, user)
  const exists = list.some((m) => m.name === mailbox.name)
  const next = exists ? list.map((m) => (m.name === mailbox.name ? mailbox : m)) : [...list, mailbox]
  return { ...world, users: { ...world.users, [user]: next } }
}

/** Adds new mailboxes at the end of a user's list in one copy (CREATE and its superior names). */
export function addMailboxes(world: ImapWorld, user: string, added: readonly ImapMailbox[], nextUidValidity: number): ImapWorld {
  return { ...world, users: { ...world.users, [user]: [...userMailboxes(world, user), ...added] }, nextUidValidity }
}

export function removeMailbox(world: ImapWorld, user: string, name: string): ImapWorld {
  const list = userMailboxes(world, user).filter((m) => m.name !== name)
  return { ...world, users: { ...world.users, [user]: list } }
}

/** A user's messages in one mailbox, with flags as the server keeps them (for the two-device lesson). */
export function readImapMailbox(store: ImapStore, user: string, mailbox = 'INBOX'): readonly ImapMessage[] {
  return findMailbox(store.world, user, mailbox)?.messages ?? []
}

/**
 * New mail arriving in a user's INBOX from outside IMAP (an SMTP delivery in the same lesson): the next
 * UID, \Recent for the first session to see it; selected connections learn of it as EXISTS. Returns the UID,
 * or null for an unknown user.
 */
export function deliverToImapStore(store: ImapStore, user: string, raw: string, receivedMs = LAB_EPOCH_MS): number | null {
  const inbox = findMailbox(store.world, user, 'INBOX')
  if (!inbox) return null
  const message = toCrlf(raw)
  const internalDate = formatImapDate(deliveryDate(message, imapDateFromMs(receivedMs)))
  const uid = inbox.uidNext
  store.world = putMailbox(store.world, user, {
    ...inbox,
    uidNext: uid + 1,
    messages: [...inbox.messages, { uid, raw: message, flags: [], internalDate, recent: true }],
  })
  return uid
}
