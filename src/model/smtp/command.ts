// SMTP's states, its command words and what each kind of client line is, with the section defining it.

export type SmtpState = 'connected' | 'greeted' | 'mail' | 'rcpt' | 'data' | 'auth' | 'closed'

/** Commands the engine knows (RFC 5321 §4.1.1, §4.5.1 minimum set, plus STARTTLS and AUTH). */
export const SMTP_COMMANDS = ['HELO', 'EHLO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'NOOP', 'QUIT', 'VRFY', 'EXPN', 'HELP', 'STARTTLS', 'AUTH'] as const
export type SmtpCommand = (typeof SMTP_COMMANDS)[number]

/** What a client line is: a command, or a line inside DATA or an AUTH exchange (names shared by every engine). */
export type SmtpLineKind = SmtpCommand | 'body' | '.' | 'sasl-response' | 'unknown'

/** Where each kind of client line is defined, for the step's `rfc` on the timeline. */
export const SMTP_LINE_RFC = {
  HELO: 'RFC 5321 §4.1.1.1',
  EHLO: 'RFC 5321 §4.1.1.1',
  MAIL: 'RFC 5321 §4.1.1.2',
  RCPT: 'RFC 5321 §4.1.1.3',
  DATA: 'RFC 5321 §4.1.1.4',
  '.': 'RFC 5321 §4.1.1.4',
  body: 'RFC 5321 §4.1.1.4, §4.5.2',
  RSET: 'RFC 5321 §4.1.1.5',
  VRFY: 'RFC 5321 §4.1.1.6',
  EXPN: 'RFC 5321 §4.1.1.7',
  HELP: 'RFC 5321 §4.1.1.8',
  NOOP: 'RFC 5321 §4.1.1.9',
  QUIT: 'RFC 5321 §4.1.1.10',
  STARTTLS: 'RFC 3207 §4',
  AUTH: 'RFC 4954 §4',
  'sasl-response': 'RFC 4954 §4',
  unknown: 'RFC 5321 §4.2.4',
} as const satisfies Record<SmtpLineKind, string>

/** Which command a client line is (for its caption); 'unknown' for anything else. */
export function smtpCommandOf(line: string): SmtpCommand | 'unknown' {
  const verb = (/^([A-Za-z]+)/.exec(line)?.[1] ?? '').toUpperCase()
  return (SMTP_COMMANDS as readonly string[]).includes(verb) ? (verb as SmtpCommand) : 'unknown'
}

/** What a client line is in a given state: message text while in DATA, a SASL response during AUTH, else a command. */
export function smtpLineKind(state: SmtpState, line: string): SmtpLineKind {
  if (state === 'data') return line === '.' ? '.' : 'body'
  if (state === 'auth') return 'sasl-response'
  return smtpCommandOf(line)
}
