// What the timeline needs from each engine besides the Server contract: where the connection stands (for an
// input box), SMTP's message sending, and the shared mail store that lets lessons chain protocols (SMTP delivers,
// POP3 or IMAP reads; two devices read one mailbox).
import { DEFAULT_MAILBOX } from './defaults'
import { createImapServer, createImapStore, deliverToImapStore, type ImapStore } from './imap'
import { createPop3Server } from './pop3'
import { SMTP_LINE_RFC } from './smtp/command'
import { ehloKeywords } from './smtp/machine'
import { createSmtpServer } from './smtp/server'
import type { DeliveredMessage, Protocol, Server, ServerOptions, ServerTurn } from './types'

/** Mail that outlives one connection: POP3 drops, the IMAP store, deliveries from SMTP. */
export interface MailWorld {
  drops: Record<string, string[]>
  imap: ImapStore | null
  readonly imapOptions: ServerOptions
}

export function createWorld(mailbox: Record<string, string[]> = DEFAULT_MAILBOX, options: ServerOptions = {}): MailWorld {
  return { drops: Object.fromEntries(Object.entries(mailbox).map(([u, m]) => [u, [...m]])), imap: null, imapOptions: { ...options, mailbox } }
}

export function deliver(world: MailWorld, message: DeliveredMessage): void {
  // A mailbox keeps the copy with Return-Path: (final delivery, RFC 5321 §4.4); relayed mail has none here.
  const stored = message.stored
  if (stored === null) return
  for (const box of message.mailboxes) {
    world.drops[box] = [...(world.drops[box] ?? []), stored]
    if (world.imap) deliverToImapStore(world.imap, box, stored)
  }
}

/** What a server waits for that is not a command. */
export type Continuation = 'message' | 'sasl' | 'literal' | null

/** Message content after DATA, as the client sends it. */
export interface MessageSent {
  /** The lines on the wire, dot-stuffed (RFC 5321 §4.5.2). */
  readonly wire: readonly string[]
  readonly rfc: string
  readonly before: string
  readonly after: string
  /** The server answered a line of the message (DATA was not accepted). */
  readonly answeredEarly: boolean
  /** The server's turn for the lone "." that ends the message. */
  readonly end: ServerTurn
}

/** What the timeline needs from an engine besides its turns (each turn says what the client line was). */
export interface EngineAdapter {
  readonly server: Server
  /** Called when the connection has closed: hands what changed back to the world. */
  finish(): void
  /** What the server waits for now, besides a command. */
  continuation(): Continuation
  /** The server announced PIPELINING (RFC 2920 §3) in its last EHLO reply. */
  pipelining(): boolean
  /** Sends a message after DATA and the lone "." (SMTP); null for protocols without one. */
  sendMessage(lines: readonly string[]): MessageSent | null
}

export function createAdapter(protocol: Protocol, options: ServerOptions, world: MailWorld): EngineAdapter {
  switch (protocol) {
    case 'smtp': {
      const server = createSmtpServer(options)
      return {
        server,
        finish: () => {},
        continuation: () => (server.state === 'data' ? 'message' : server.state === 'auth' ? 'sasl' : null),
        pipelining: () => server.session.helo?.verb === 'EHLO' && ehloKeywords(server.session).includes('PIPELINING'),
        sendMessage: (lines) => {
          const before = server.state
          // RFC 5321 §4.5.2: the sender doubles a leading dot so that no text line can end the data early.
          const wire = lines.map((l) => (l.startsWith('.') ? `.${l}` : l))
          let answeredEarly = false
          for (const l of wire) if (server.exchange(l).replies.length > 0) answeredEarly = true
          const after = server.state
          return { wire, rfc: SMTP_LINE_RFC.body, before, after, answeredEarly, end: server.exchange('.') }
        },
      }
    }
    case 'pop3': {
      const server = createPop3Server({ ...options, mailbox: world.drops })
      return {
        server,
        finish: () => {
          world.drops = server.mailbox
        },
        continuation: () => (server.session.saslPending ? 'sasl' : null),
        pipelining: () => false,
        sendMessage: () => null,
      }
    }
    case 'imap': {
      world.imap ??= createImapStore({ ...world.imapOptions, ...options, mailbox: world.drops })
      const server = createImapServer(options, world.imap)
      return {
        server,
        finish: () => {},
        continuation: () => {
          const p = server.session.pending
          return p === null ? null : p.kind === 'sasl' ? 'sasl' : 'literal'
        },
        pipelining: () => false,
        sendMessage: () => null,
      }
    }
  }
}
