// The small mail system that a bare createServer() describes (CONTRACT.md §1).
import type { Protocol, ServerOptions } from './types'

export const DEFAULT_HOSTNAME = 'mail.example.test'

/** Well-known ports (IANA; RFC 5321, 6409, 8314, 1939, 9051). */
export const PORTS = {
  smtp: 25,
  submission: 587,
  smtps: 465,
  pop3: 110,
  pop3s: 995,
  imap: 143,
  imaps: 993,
} as const

/** Ports on which TLS starts before the first protocol byte (RFC 8314 §3.1–3.3). */
export const IMPLICIT_TLS_PORTS: readonly number[] = [PORTS.smtps, PORTS.pop3s, PORTS.imaps]

export function defaultPort(protocol: Protocol): number {
  switch (protocol) {
    case 'smtp':
      return PORTS.smtp
    case 'pop3':
      return PORTS.pop3
    case 'imap':
      return PORTS.imap
  }
}

const crlf = (lines: string[]): string => lines.map((l) => `${l}\r\n`).join('')

/** A few messages for each user, oldest first, raw RFC 5322 with CRLF. */
export const DEFAULT_MAILBOX: Record<string, string[]> = {
  user1: [
    crlf([
      'Return-Path: <alice@client.example.test>',
      'From: Alice <alice@client.example.test>',
      'To: user1@example.test',
      'Subject: Lunch on Friday?',
      'Date: Mon, 01 Jan 2024 10:00:00 +0000',
      'Message-ID: <lunch-001@client.example.test>',
      '',
      'Are you free for lunch on Friday?',
    ]),
    crlf([
      'Return-Path: <bob@example.test>',
      'From: Bob <bob@example.test>',
      'To: user1@example.test',
      'Subject: Meeting notes',
      'Date: Tue, 02 Jan 2024 09:30:00 +0000',
      'Message-ID: <notes-002@example.test>',
      '',
      'Notes from the meeting are attached below.',
      '1. Move the mail server to the new rack.',
      '2. Turn on STARTTLS for all clients.',
    ]),
  ],
  user2: [
    crlf([
      'Return-Path: <alice@client.example.test>',
      'From: Alice <alice@client.example.test>',
      'To: user2@example.test',
      'Subject: Hello',
      'Date: Wed, 03 Jan 2024 08:15:00 +0000',
      'Message-ID: <hello-003@client.example.test>',
      '',
      'Hello from Alice.',
    ]),
  ],
}

export interface ResolvedOptions {
  readonly hostname: string
  readonly domains: readonly string[]
  readonly users: Readonly<Record<string, string>>
  readonly aliases: Readonly<Record<string, readonly string[]>>
  readonly port: number
  readonly trustedClient: boolean
  readonly starttls: boolean
  readonly requireTls: boolean
  readonly apopTimestamp: string
  readonly mailbox: Readonly<Record<string, readonly string[]>>
  readonly maxMessageSize: number
  readonly now: () => number
  readonly clientAddress: string
  readonly clientHost: string | undefined
  readonly popBeforeSmtp: ServerOptions['popBeforeSmtp']
  readonly greylist: ServerOptions['greylist']
  readonly mailboxFullUntil: Readonly<Record<string, number>>
  readonly rejectContent: readonly string[]
  readonly checkMessage: ServerOptions['checkMessage']
}

export function resolveOptions(protocol: Protocol, o: ServerOptions = {}): ResolvedOptions {
  const hostname = o.hostname ?? DEFAULT_HOSTNAME
  return {
    hostname,
    domains: o.domains ?? ['example.test'],
    users: o.users ?? { user1: 'password1', user2: 'password2' },
    aliases: o.aliases ?? { postmaster: ['user1'] },
    port: o.port ?? defaultPort(protocol),
    trustedClient: o.trustedClient ?? false,
    starttls: o.starttls ?? true,
    requireTls: o.requireTls ?? false,
    apopTimestamp: o.apopTimestamp ?? `<1896.697170952@${hostname}>`,
    mailbox: o.mailbox ?? DEFAULT_MAILBOX,
    maxMessageSize: o.maxMessageSize ?? 10240000,
    now: o.now ?? (() => 0),
    clientAddress: o.clientAddress ?? '192.0.2.10',
    clientHost: o.clientHost,
    popBeforeSmtp: o.popBeforeSmtp,
    greylist: o.greylist,
    mailboxFullUntil: o.mailboxFullUntil ?? {},
    rejectContent: (o.rejectContent ?? []).map((a) => a.toLowerCase()),
    checkMessage: o.checkMessage,
  }
}
