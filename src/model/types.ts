// Types shared by every engine. Pure data: this file is imported by plain Node scripts too.

export type Protocol = 'smtp' | 'pop3' | 'imap'

/** The layer a step travels on; also `data-layer` on the diagram (`dns`: queries over UDP 53, RFC 1035 §4.2.1). */
export type Layer = 'tcp' | 'tls' | 'dns' | Protocol

/**
 * How a reply reads, protocol-independent, for colour and for the quiz:
 * SMTP 2yz / 3yz / 4yz / 5yz (RFC 5321 §4.2.1); POP3 +OK / -ERR; IMAP OK / NO / BAD.
 */
export type ReplyClass = 'positive' | 'intermediate' | 'transient' | 'permanent'

/** One reply (possibly several lines) that an engine gave, with where its rule comes from. */
export interface EngineReply {
  /** Key into the engine's reply table, e.g. `mailOk`, `needMail`; also the caption key. */
  readonly id: string
  /** The status as a learner would name it: `250`, `354`, `+OK`, `-ERR`, `OK`, `NO`, `BAD`, `+`. */
  readonly status: string
  readonly cls: ReplyClass
  /** RFC 3463 enhanced status code when one was sent, e.g. `2.1.0`. */
  readonly enhanced?: string
  /** Wire lines, without CRLF. */
  readonly lines: readonly string[]
  /** Where the rule comes from, e.g. `RFC 5321 §4.1.1.3`. */
  readonly rfc: string
  /** The reply carries mail content (POP3 RETR / TOP, an IMAP FETCH with a body or header literal). */
  readonly message?: true
}

/** Side effects an engine reports; the session applies them to the shared world. */
export type EngineEvent =
  | { readonly type: 'tls-start' }
  | { readonly type: 'close' }
  | { readonly type: 'delivered'; readonly message: DeliveredMessage }
  | { readonly type: 'authenticated'; readonly user: string; readonly mechanism: string }

export interface DeliveredMessage {
  readonly queueId: string
  readonly reversePath: string
  readonly recipients: readonly string[]
  /** Mailbox names (local parts after alias expansion) the message went to; empty for relayed mail. */
  readonly mailboxes: readonly string[]
  readonly relayed: readonly string[]
  /**
   * The message as this server queued it: its own Received: line on top of the content received, dot-unstuffed
   * (RFC 5321 §4.5.2), CRLF line ends. A relayed message goes to the next hop exactly like this: a relay adds
   * Received: only (RFC 5321 §4.4).
   */
  readonly content: string
  /**
   * What a local mailbox stores: Return-Path: (the MAIL FROM value) above `content`, inserted only by the final
   * delivery (RFC 5321 §4.4); null when no recipient is local.
   */
  readonly stored: string | null
}

/** Client lines that are not commands, named alike by every engine (commands are named in upper case). */
export type ContinuationKind =
  /** A base64 line answering a SASL challenge: SMTP 334, POP3 and IMAP "+" (RFC 4954 §4, RFC 5034 §4, RFC 9051 §6.2.2). */
  | 'sasl-response'
  /** Octets announced by an IMAP literal `{n}` (RFC 9051 §4.3). */
  | 'literal-data'
  /** A line of the message after SMTP DATA's 354 (RFC 5321 §4.1.1.4). */
  | 'body'
  /** The lone "." that ends the message data (RFC 5321 §4.1.1.4). */
  | '.'
  /** A line the engine could not read as a command. */
  | 'unknown'

/** What a client line carried that an eavesdropper on a cleartext connection would want. */
export type Secret =
  /** POP3 PASS, IMAP LOGIN: the password as typed (RFC 1939 §7, RFC 9051 §6.2.3). */
  | { readonly form: 'plain'; readonly user?: string; readonly password: string }
  /** SASL PLAIN / LOGIN responses: base64 is an encoding, not encryption; anyone decodes it (RFC 4648 §4). */
  | { readonly form: 'base64'; readonly encoded: string; readonly decoded: string; readonly user?: string; readonly password?: string }
  /** APOP: no password on the wire, but digest and timestamp allow offline guessing (RFC 1939 §7, §13). */
  | { readonly form: 'digest'; readonly user: string; readonly digest: string }

/** What the engine read a client line as, recorded on the turn so that nobody re-parses the wire text. */
export interface ClientLine {
  /** A command name in upper case (`HELO`, `UID FETCH`) or a ContinuationKind. */
  readonly kind: string
  /** The section that defines a line of this kind, e.g. `RFC 5321 §4.1.1.2`. */
  readonly rfc: string
  readonly secret?: Secret
}

/** What one client line (or the connection opening) produced. */
export interface ServerTurn {
  readonly replies: readonly EngineReply[]
  readonly events: readonly EngineEvent[]
  readonly stateBefore: string
  readonly stateAfter: string
  /** The client line this turn answers, as the engine read it; absent for the greeting. */
  readonly input?: ClientLine
}

export interface ServerOptions {
  /** The name in the greeting and in EHLO. */
  hostname?: string
  /** Domains delivered locally; others need relay permission. */
  domains?: string[]
  /** Mailboxes (local parts) and their passwords. */
  users?: Record<string, string>
  /** Local parts that deliver to other mailboxes. */
  aliases?: Record<string, string[]>
  /** 25/587/465 (smtp), 110/995 (pop3), 143/993 (imap). */
  port?: number
  /** The client's address is trusted to relay (Postfix `mynetworks`). */
  trustedClient?: boolean
  /** STARTTLS (STLS for POP3) is offered on the cleartext ports. */
  starttls?: boolean
  /** AUTH and mail transactions are refused (530 5.7.0) until STARTTLS. */
  requireTls?: boolean
  /** POP3 greeting timestamp used by APOP, `<...@host>`. */
  apopTimestamp?: string
  /** Each user's messages as raw RFC 5322 text (CRLF line ends), oldest first. */
  mailbox?: Record<string, string[]>
  /** SMTP: largest message accepted, in octets (EHLO SIZE, RFC 1870). */
  maxMessageSize?: number
  /** The connecting client's IP address, as the server sees it (for Received: and POP before SMTP). */
  clientAddress?: string
  /** The client's name from reverse DNS, as Received: shows it (RFC 5321 §4.4); the HELO name when absent. */
  clientHost?: string
  /**
   * POP before SMTP: relay is allowed for `windowSeconds` after a successful POP3 login from the
   * client's address. `lastPopLogin` answers when that was (seconds on the same clock), or undefined.
   */
  popBeforeSmtp?: { windowSeconds: number; lastPopLogin: (clientAddress: string) => number | undefined }
  /**
   * Greylisting (SMTP): a (client address, sender, recipient) seen for the first time is told
   * 450 4.7.1 until `delaySeconds` have passed; `firstSeen` remembers across connections.
   */
  greylist?: { delaySeconds: number; firstSeen: (key: string, now: number) => number }
  /** SMTP: local mailboxes that are full until the given time (seconds): RCPT gets 452 4.2.2. */
  mailboxFullUntil?: Record<string, number>
  /** SMTP: words in a message that make the server refuse it after the final dot (554 5.7.1, a content filter). */
  rejectContent?: string[]
  /**
   * SMTP: checks the receiving server runs on a message after the final dot and before it answers (SPF, DKIM,
   * DMARC through DNS; RFC 7208 §2.4, RFC 6376 §6, RFC 7489 §6.6). `header` is added above the server's own
   * Received: (RFC 8601 §5); `reject` refuses the message with 550 5.7.1 (RFC 7489 §6.7).
   */
  checkMessage?: (m: MessageToCheck) => { readonly header?: string; readonly reject?: { readonly domain: string } }
  /** The clock, in seconds since an arbitrary start; scenarios move it with `wait`. */
  now?: () => number
}

/** What a receiving SMTP server knows about a message when the final dot arrives. */
export interface MessageToCheck {
  readonly reversePath: string
  readonly recipients: readonly string[]
  /** The message as received (after dot-unstuffing), before this server's trace fields. */
  readonly content: string
  readonly clientAddress: string
  /** The HELO/EHLO argument. */
  readonly helo: string
}

/** The contract every engine's stateful facade keeps (CONTRACT.md §1). */
export interface Server {
  /** Lines the server sends when the TCP connection opens (the greeting), without CRLF. */
  open(): string[]
  /** One client line, without CRLF; the server's lines, without CRLF ([] while silent). */
  receive(line: string): string[]
  /** Like open(), with the reply ids, RFC sections, events and states. */
  openTurn(): ServerTurn
  /** Like receive(), with the reply ids, RFC sections, events and states. */
  exchange(line: string): ServerTurn
  /** Current protocol state. */
  readonly state: string
  /** True once the server has closed the connection. */
  readonly closed: boolean
  /** True while the connection is under TLS (after STARTTLS, or from the start on 465/995/993). */
  readonly secure: boolean
}
