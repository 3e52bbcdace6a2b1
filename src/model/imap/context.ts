// The IMAP machine's working state for one client line: session types, the reply collector, shared helpers.
import type { ResolvedOptions } from '../defaults'
import type { EngineEvent, EngineReply, Secret, ServerTurn } from '../types'
import type { ImapCommand, ImapState } from './commands'
import { ParseError } from './parser'
import { fillTemplate } from '../template'
import { IMAP_RESPONSES, imapReplyClass } from './responses'
import type { ImapResponseId } from './responses'
import { putMailbox } from './store'
import type { ImapMailbox, ImapWorld } from './store'

/** What this connection has selected: its own sequence-number → UID map (RFC 9051 §2.3.1.2). */
export interface SelectedView {
  readonly name: string
  readonly readOnly: boolean
  readonly uidValidity: number
  /** Message sequence number n is uids[n - 1]; expunges elsewhere stay here until they may be reported. */
  readonly uids: readonly number[]
  /** Flags last reported to this client, per UID, to tell it about other connections' changes. */
  readonly known: Readonly<Record<string, string>>
  /** UIDs that are \Recent for this session (RFC 3501 §2.3.2). */
  readonly recent: readonly number[]
}

/** A command that is still arriving (literal data, RFC 9051 §4.3) or an AUTHENTICATE exchange (§6.2.2). */
export type ImapPending =
  | {
      readonly kind: 'literal'
      readonly tag: string
      readonly command: ImapCommand
      readonly parts: readonly string[]
      readonly size: number
      readonly data: string
      readonly got: number
    }
  | { readonly kind: 'rest'; readonly tag: string; readonly command: ImapCommand; readonly parts: readonly string[] }
  | { readonly kind: 'sasl'; readonly tag: string; readonly mechanism: 'PLAIN' | 'LOGIN'; readonly username: string | null }

export interface ImapSession {
  readonly options: ResolvedOptions
  readonly state: ImapState
  readonly secure: boolean
  readonly user: string | null
  /** The mailboxes as this connection last saw them; put the shared store's world here before a step. */
  readonly world: ImapWorld
  readonly selected: SelectedView | null
  readonly pending: ImapPending | null
}

export interface ImapStepResult {
  readonly session: ImapSession
  readonly turn: ServerTurn
}

/** Longest command line accepted, in octets (Dovecot's imap_max_line_length; RFC 7162 §4 asks for ≥ 8192). */
export const MAX_LINE = 65536
/** Largest literal accepted inside a command other than APPEND. */
export const MAX_LITERAL = 65536

export type Mutable<T> = { -readonly [K in keyof T]: T[K] }
export type Vars = Readonly<Record<string, string | number>>
export interface Tagged {
  readonly id: ImapResponseId
  readonly vars?: Vars
}

export class Out {
  readonly replies: EngineReply[] = []
  readonly events: EngineEvent[] = []

  /** `message`: the response carries mail content (a FETCH body or header literal). */
  add(id: ImapResponseId, tag: string | null = null, vars: Vars = {}, message = false): void {
    const def = IMAP_RESPONSES[id]
    const text = fillTemplate(def.text, vars)
    let wire: string
    switch (def.framing) {
      case 'tagged':
        wire = `${tag ?? '*'} ${def.status} ${text}`
        break
      case 'untagged':
        wire = def.status === '*' ? `* ${text}` : `* ${def.status} ${text}`
        break
      case 'continuation':
        wire = `+ ${text}`
        break
    }
    // Literals inside a response carry their own CRLFs: one wire line per CRLF.
    this.replies.push({
      id,
      status: def.status,
      cls: imapReplyClass(id),
      lines: wire.split('\r\n'),
      rfc: def.rfc,
      ...(message ? { message: true as const } : {}),
    })
  }
}

export interface Ctx {
  readonly s: Mutable<ImapSession>
  readonly out: Out
  /** The credential this line carried, as the command that read it found it (LOGIN, AUTHENTICATE, SASL). */
  secret?: Secret
}

/** Sequence number beyond the mailbox: BAD per RFC 9051 §9 (seq-number). */
export class MessageSetError extends ParseError {}

/** Plaintext passwords are refused before TLS when requireTls is set (RFC 9051 §6.2.3). */
export function plaintextRefused(s: ImapSession): boolean {
  return s.options.requireTls && !s.secure
}

/** CAPABILITY list for the current state (RFC 9051 §7.2.2); post-login lists what the engine implements. */
export function imapCapabilities(s: ImapSession): string {
  const caps = ['IMAP4rev1', 'SASL-IR', 'LITERAL+']
  if (s.state === 'not-authenticated') {
    if (!s.secure && s.options.starttls) caps.push('STARTTLS')
    // LOGINDISABLED before TLS when plaintext passwords are refused (RFC 9051 §6.2.3; RFC 3501 §7.2.1).
    if (plaintextRefused(s)) caps.push('LOGINDISABLED')
    else caps.push('AUTH=PLAIN', 'AUTH=LOGIN')
  } else {
    caps.push('UNSELECT', 'UIDPLUS', 'MOVE', 'CHILDREN', 'SPECIAL-USE', 'STATUS=SIZE', `APPENDLIMIT=${s.options.maxMessageSize}`)
  }
  return caps.join(' ')
}

/** Text of the client's that the server echoes in an error: printable, short. */
export function echo(s: string): string {
  return s
    .slice(0, 40)
    .replace(/[^\x21-\x7e]/g, '?')
    .toUpperCase()
}

/** Words before the arguments: tag, command name, and the UID sub-command. */
export function prefixLength(command: ImapCommand, firstPart: string): number {
  const words = firstPart.split(' ', 3)
  return (words[0] ?? '').length + 1 + (words[1] ?? '').length + (command.startsWith('UID ') ? 1 + (words[2] ?? '').length : 0)
}

/** The connection ends (LOGOUT, or BYE on an oversized non-synchronising literal). */
export function close(ctx: Ctx): void {
  ctx.s.state = 'logout'
  ctx.s.selected = null
  ctx.s.pending = null
  ctx.out.events.push({ type: 'close' })
}

export function requireUser(ctx: Ctx): string {
  return ctx.s.user ?? ''
}

export function selectedView(ctx: Ctx): SelectedView {
  const v = ctx.s.selected
  if (!v) throw new ParseError('No mailbox selected')
  return v
}

export function setMailbox(ctx: Ctx, mb: ImapMailbox): void {
  ctx.s.world = putMailbox(ctx.s.world, requireUser(ctx), mb)
}

export const isControl = (c: string): boolean => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f

/** A mailbox name echoed in a response: at most 100 characters, control characters shown as "?". */
export function echoName(name: string): string {
  return [...name.slice(0, 100)].map((c) => (isControl(c) ? '?' : c)).join('')
}
