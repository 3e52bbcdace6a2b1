// What the timeline needs from each engine besides the Server contract: what a client line is (for its
// caption and RFC section) and the shared mail store that lets lessons chain protocols (SMTP delivers,
// POP3 or IMAP reads; two devices read one mailbox).
import { DEFAULT_MAILBOX } from './defaults'
import { createImapServer, createImapStore, deliverToImapStore, imapLineKind, type ImapStore } from './imap'
import { createPop3Server, POP3_COMMAND_RFC, pop3CommandOf } from './pop3'
import { smtpCommandOf } from './smtp/command'
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
  for (const box of message.mailboxes) {
    world.drops[box] = [...(world.drops[box] ?? []), message.content]
    if (world.imap) deliverToImapStore(world.imap, box, message.content)
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

export interface EngineAdapter {
  readonly server: Server
  /** What a client line is, judged before it is sent: a command name or a continuation kind. */
  lineKind(line: string): string
  /** The RFC section for a client line of that kind. */
  ruleOf(kind: string): string
  /** Called when the connection has closed: hands what changed back to the world. */
  finish(): void
  /** What the server waits for now, besides a command. */
  continuation(): Continuation
  /** The server announced PIPELINING (RFC 2920 §3) in its last EHLO reply. */
  pipelining(): boolean
  /** Sends a message after DATA and the lone "." (SMTP); null for protocols without one. */
  sendMessage(lines: readonly string[]): MessageSent | null
}

const SMTP_RULES: Record<string, string> = {
  HELO: 'RFC 5321 §4.1.1.1', EHLO: 'RFC 5321 §4.1.1.1', MAIL: 'RFC 5321 §4.1.1.2', RCPT: 'RFC 5321 §4.1.1.3',
  DATA: 'RFC 5321 §4.1.1.4', '.': 'RFC 5321 §4.1.1.4', body: 'RFC 5321 §4.1.1.4, §4.5.2', RSET: 'RFC 5321 §4.1.1.5',
  VRFY: 'RFC 5321 §4.1.1.6', EXPN: 'RFC 5321 §4.1.1.7', HELP: 'RFC 5321 §4.1.1.8', NOOP: 'RFC 5321 §4.1.1.9',
  QUIT: 'RFC 5321 §4.1.1.10', STARTTLS: 'RFC 3207 §4', AUTH: 'RFC 4954 §4', 'auth-response': 'RFC 4954 §4',
  unknown: 'RFC 5321 §4.2.4',
}

const IMAP_RULES: Record<string, string> = {
  CAPABILITY: 'RFC 9051 §6.1.1', NOOP: 'RFC 9051 §6.1.2', LOGOUT: 'RFC 9051 §6.1.3', STARTTLS: 'RFC 9051 §6.2.1',
  AUTHENTICATE: 'RFC 9051 §6.2.2', LOGIN: 'RFC 9051 §6.2.3', SELECT: 'RFC 9051 §6.3.2', EXAMINE: 'RFC 9051 §6.3.3',
  CREATE: 'RFC 9051 §6.3.4', DELETE: 'RFC 9051 §6.3.5', LIST: 'RFC 9051 §6.3.9', STATUS: 'RFC 9051 §6.3.11',
  APPEND: 'RFC 9051 §6.3.12', CLOSE: 'RFC 9051 §6.4.1', UNSELECT: 'RFC 9051 §6.4.2', EXPUNGE: 'RFC 9051 §6.4.3',
  SEARCH: 'RFC 9051 §6.4.4', FETCH: 'RFC 9051 §6.4.5', STORE: 'RFC 9051 §6.4.6', COPY: 'RFC 9051 §6.4.7',
  MOVE: 'RFC 9051 §6.4.8', 'UID FETCH': 'RFC 9051 §6.4.9', 'UID SEARCH': 'RFC 9051 §6.4.9', 'UID STORE': 'RFC 9051 §6.4.9',
  'UID COPY': 'RFC 9051 §6.4.9', 'UID EXPUNGE': 'RFC 9051 §6.4.9', 'literal-data': 'RFC 9051 §4.3',
  'sasl-response': 'RFC 9051 §6.2.2', unknown: 'RFC 9051 §7.1.5',
}

export function createAdapter(protocol: Protocol, options: ServerOptions, world: MailWorld): EngineAdapter {
  switch (protocol) {
    case 'smtp': {
      const server = createSmtpServer(options)
      return {
        server,
        lineKind: (line) => (server.state === 'data' ? (line === '.' ? '.' : 'body') : server.state === 'auth' ? 'auth-response' : smtpCommandOf(line)),
        ruleOf: (kind) => SMTP_RULES[kind] ?? 'RFC 5321',
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
          return { wire, rfc: SMTP_RULES.body ?? 'RFC 5321', before, after, answeredEarly, end: server.exchange('.') }
        },
      }
    }
    case 'pop3': {
      const server = createPop3Server({ ...options, mailbox: world.drops })
      return {
        server,
        lineKind: (line) => (server.session.saslPending ? 'saslResponse' : pop3CommandOf(line)),
        ruleOf: (kind) => (POP3_COMMAND_RFC as Record<string, string>)[kind] ?? 'RFC 1939',
        finish: () => { world.drops = server.mailbox },
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
        lineKind: (line) => imapLineKind(server.session, line),
        ruleOf: (kind) => IMAP_RULES[kind] ?? 'RFC 9051',
        finish: () => {},
        continuation: () => {
          const p = server.session?.pending ?? null
          return p === null ? null : p.kind === 'sasl' ? 'sasl' : 'literal'
        },
        pipelining: () => false,
        sendMessage: () => null,
      }
    }
  }
}
