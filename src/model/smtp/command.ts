import { SMTP_COMMANDS, type SmtpCommand } from './machine'

/** Which command a client line is (for its caption); 'unknown' for anything else. */
export function smtpCommandOf(line: string): SmtpCommand | 'unknown' {
  const verb = (/^([A-Za-z]+)/.exec(line)?.[1] ?? '').toUpperCase()
  return (SMTP_COMMANDS as readonly string[]).includes(verb) ? (verb as SmtpCommand) : 'unknown'
}
