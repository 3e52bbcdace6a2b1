// What an IMAP client line is (a command, literal data, a SASL response) and the credentials it carries.
import { initialRole, saslSecret } from '../sasl'
import type { Secret } from '../types'
import { commandFromWords } from './commands'
import type { ImapCommand, ImapLineKind } from './commands'
import { prefixLength } from './context'
import type { ImapSession } from './context'
import { Reader } from './parser'

/** The command a client line carries, ignoring its tag: `a1 uid fetch 1 FLAGS` → 'UID FETCH'. */
export function imapCommandOf(line: string): ImapCommand | 'unknown' {
  const words = line.split(' ', 3)
  const first = words[1]
  if (first === undefined || first === '') return 'unknown'
  return commandFromWords(first, words[2]) ?? 'unknown'
}

/**
 * What a client line is, given the session it is sent to (the session *before* the line): literal data
 * and SASL responses are not commands, and the line that ends a literal belongs to its command.
 */
export function imapLineKind(session: ImapSession | null, line: string): ImapLineKind {
  const p = session?.pending ?? null
  if (p === null) return imapCommandOf(line)
  switch (p.kind) {
    case 'literal':
      return 'literal-data'
    case 'rest':
      return p.command
    case 'sasl':
      return 'sasl-response'
  }
}

/** LOGIN's name and password (RFC 9051 §6.2.3) as read from a one-line command, whatever the server answers. */
export function loginSecret(line: string): Secret | undefined {
  try {
    const r = new Reader([line])
    r.skip(prefixLength('LOGIN', line))
    r.sp()
    const user = r.astring()
    r.sp()
    return { form: 'plain', user, password: r.astring() }
  } catch {
    return undefined
  }
}

/** AUTHENTICATE's initial response (SASL-IR, RFC 4959 §3) as read from a one-line command. */
export function authenticateSecret(line: string): Secret | undefined {
  const [, , mechanism = '', initial] = line.split(' ')
  return initial === undefined ? undefined : saslSecret(initial, initialRole(mechanism))
}
