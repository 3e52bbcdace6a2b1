// The thin stateful facade over imapStep (CONTRACT.md §1): one object per TCP connection.
// Connections that share an ImapStore see one server-side mailbox (two devices, one account).
import { IMPLICIT_TLS_PORTS, resolveOptions } from '../defaults'
import type { Server, ServerOptions, ServerTurn } from '../types'
import { imapOpen, imapStep } from './machine'
import type { ImapSession } from './machine'
import { IMAP_RESPONSES, imapReplyClass } from './responses'
import { createImapStore } from './store'
import type { ImapStore } from './store'

export interface ImapServer extends Server {
  /** The pure session value after the last line (null before the connection opened). */
  readonly session: ImapSession | null
  /** The mailboxes this connection reads and changes; pass it to another createImapServer to share them. */
  readonly store: ImapStore
}

/** A turn for a fault inside the engine: answered like a line it could not parse, never thrown. */
function faultTurn(state: string): ServerTurn {
  const def = IMAP_RESPONSES.badNoTag
  return {
    replies: [{ id: 'badNoTag', status: def.status, cls: imapReplyClass('badNoTag'), lines: [`* BAD ${def.text}`], rfc: def.rfc }],
    events: [],
    stateBefore: state,
    stateAfter: state,
  }
}

export function createImapServer(options: ServerOptions = {}, store?: ImapStore): ImapServer {
  const shared = store ?? createImapStore(options)
  let session: ImapSession | null = null
  let greeting: ServerTurn | null = null

  const open = (): { session: ImapSession; greeting: ServerTurn } => {
    if (session === null || greeting === null) {
      const r = imapOpen(options, shared.world)
      session = r.session
      greeting = r.turn
    }
    return { session, greeting }
  }

  const server: ImapServer = {
    /** The greeting; opening is idempotent, so a second call returns the same lines. */
    openTurn(): ServerTurn {
      try {
        return open().greeting
      } catch {
        return faultTurn('not-authenticated')
      }
    },
    open(): string[] {
      return server.openTurn().replies.flatMap((r) => r.lines)
    },
    exchange(line: string): ServerTurn {
      const current = session?.state ?? 'not-authenticated'
      try {
        const s = open().session
        // Read the shared mailboxes as they are now: another connection may have changed them.
        const r = imapStep({ ...s, world: shared.world }, String(line))
        session = r.session
        shared.world = r.session.world
        return r.turn
      } catch {
        return faultTurn(current)
      }
    },
    receive(line: string): string[] {
      return server.exchange(line).replies.flatMap((r) => r.lines)
    },
    get state(): string {
      return session?.state ?? 'not-authenticated'
    },
    get closed(): boolean {
      return session?.state === 'logout'
    },
    get secure(): boolean {
      return session?.secure ?? IMPLICIT_TLS_PORTS.includes(resolveOptions('imap', options).port)
    },
    get session(): ImapSession | null {
      return session
    },
    store: shared,
  }
  return server
}
