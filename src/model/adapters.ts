// What the timeline needs from each engine besides the Server contract: what a client line is (for its
// caption and RFC section) and the shared mail store that lets lessons chain protocols (SMTP delivers,
// POP3 or IMAP reads; two devices read one mailbox).
import { DEFAULT_MAILBOX } from './defaults'
import { createImapServer, createImapStore, deliverToImapStore, IMAP_LINE_RFC, imapLineKind, type ImapStore } from './imap'
import { createPop3Server, POP3_COMMAND_RFC, pop3CommandOf } from './pop3'
import { SMTP_LINE_RFC, smtpLineKind } from './smtp/command'
import { createSmtpServer } from './smtp/server'
import type { DeliveredMessage, Protocol, Server, ServerOptions } from './types'

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
  for (const box of message.mailboxes) {
    world.drops[box] = [...(world.drops[box] ?? []), message.content]
    if (world.imap) deliverToImapStore(world.imap, box, message.content)
  }
}

export interface EngineAdapter {
  readonly server: Server
  /** What a client line is, judged before it is sent: a command name or a continuation kind. */
  lineKind(line: string): string
  /** The RFC section for a client line of that kind. */
  ruleOf(kind: string): string
  /** Called when the connection has closed: hands what changed back to the world. */
  finish(): void
}

/** The section for a line kind, from an engine's table (own keys only). */
const ruleIn = (table: Readonly<Record<string, string>>, kind: string, fallback: string): string =>
  (Object.hasOwn(table, kind) ? table[kind] : undefined) ?? fallback

export function createAdapter(protocol: Protocol, options: ServerOptions, world: MailWorld): EngineAdapter {
  switch (protocol) {
    case 'smtp': {
      const server = createSmtpServer(options)
      return {
        server,
        lineKind: (line) => smtpLineKind(server.session.state, line),
        ruleOf: (kind) => ruleIn(SMTP_LINE_RFC, kind, 'RFC 5321'),
        finish: () => {},
      }
    }
    case 'pop3': {
      const server = createPop3Server({ ...options, mailbox: world.drops })
      return {
        server,
        lineKind: (line) => (server.session.saslPending ? 'sasl-response' : pop3CommandOf(line)),
        ruleOf: (kind) => ruleIn(POP3_COMMAND_RFC, kind, 'RFC 1939'),
        finish: () => { world.drops = server.mailbox },
      }
    }
    case 'imap': {
      world.imap ??= createImapStore({ ...world.imapOptions, ...options, mailbox: world.drops })
      const server = createImapServer(options, world.imap)
      return {
        server,
        lineKind: (line) => imapLineKind(server.session, line),
        ruleOf: (kind) => ruleIn(IMAP_LINE_RFC, kind, 'RFC 9051'),
        finish: () => {},
      }
    }
  }
}
