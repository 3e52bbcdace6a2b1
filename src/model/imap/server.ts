// The thin stateful facade over imapStep (CONTRACT.md §1): one object per TCP connection.
// Connections that share an ImapStore see one server-side mailbox (two devices, one account).
import { IMPLICIT_TLS_PORTS, resolveOptions } from '../defaults'
import { createFacade, withGetters, type EngineServer, type PureEngine } from '../facade'
import type { ServerOptions, ServerTurn } from '../types'
import { imapOpen, imapStep } from './machine'
import type { ImapSession } from './machine'
import { IMAP_RESPONSES, imapReplyClass } from './responses'
import { createImapStore } from './store'
import type { ImapStore } from './store'

export interface ImapServer extends EngineServer<ImapSession, ServerTurn> {
  /** The mailboxes this connection reads and changes; pass it to another createImapServer to share them. */
  readonly store: ImapStore
}

/** A turn for a fault inside the engine: answered like a line it could not parse, never thrown. */
export function imapFault(_session: ImapSession | null, state: string): ServerTurn {
  const def = IMAP_RESPONSES.badNoTag
  return {
    replies: [{ id: 'badNoTag', status: def.status, cls: imapReplyClass('badNoTag'), lines: [`* BAD ${def.text}`], rfc: def.rfc }],
    events: [],
    stateBefore: state,
    stateAfter: state,
    input: { kind: 'unknown', rfc: 'RFC 9051 §7.1.3' },
  }
}

/** The pure IMAP engine as the facade takes it, reading and writing the shared mailboxes around each step. */
export function imapEngine(options: ServerOptions, shared: ImapStore): PureEngine<ImapSession, ServerTurn> {
  return {
    open: () => imapOpen(options, shared.world),
    step: (s, line) => {
      // Read the shared mailboxes as they are now: another connection may have changed them.
      const r = imapStep({ ...s, world: shared.world }, line)
      shared.world = r.session.world
      return r
    },
    state: (s) => s.state,
    closed: (s) => s.state === 'logout',
    secure: (s) => s.secure,
    fault: imapFault,
    initialState: 'not-authenticated',
    initiallySecure: () => IMPLICIT_TLS_PORTS.includes(resolveOptions('imap', options).port),
  }
}

export function createImapServer(options: ServerOptions = {}, store?: ImapStore): ImapServer {
  const shared = store ?? createImapStore(options)
  const server = createFacade(imapEngine(options, shared))
  return withGetters<EngineServer<ImapSession, ServerTurn>, { store: ImapStore }>(server, { store: () => shared })
}
