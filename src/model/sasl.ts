// SASL as the three engines speak it: PLAIN (RFC 4616) and LOGIN over base64 (RFC 4648 §4), and the one
// password check. SMTP AUTH (RFC 4954), POP3 AUTH (RFC 5034) and IMAP AUTHENTICATE (RFC 9051 §6.2.2) use it.
import { fromBase64 } from './encoding'
import type { Secret } from './types'

/** The three fields of a PLAIN message (RFC 4616 §2). */
export interface PlainCredentials {
  /** Whom the client wants to act as; '' = the same as authcid. */
  readonly authzid: string
  /** Who the client is (the user name). */
  readonly authcid: string
  readonly passwd: string
}

export type PlainResult =
  | { readonly ok: true; readonly decoded: string; readonly credentials: PlainCredentials }
  /** Not base64: RFC 4954 §4 answers 501 5.5.2, RFC 9051 §6.2.2 BAD. */
  | { readonly ok: false; readonly reason: 'base64' }
  /** Base64, but not `[authzid] NUL authcid NUL passwd`: the authentication fails (RFC 4616 §2). */
  | { readonly ok: false; readonly reason: 'malformed'; readonly decoded: string }

/** The line that cancels an exchange in every profile (RFC 4954 §4, RFC 5034 §4, RFC 9051 §6.2.2). */
export const SASL_CANCEL = '*'

/**
 * Longest SASL response line SMTP and POP3 read, in octets without CRLF. RFC 4954 §4: responses "can be much
 * longer than normal SMTP commands", servers must take what their mechanisms generate, and 12288 octets is
 * "a sufficient line length limit" for deployed ones (Postfix's smtpd_sasl_response_limit); longer gets 500
 * 5.5.6. A PLAIN response alone may be 1024 base64 characters (RFC 4616 §2: each field up to 255 octets),
 * so POP3's 255-octet command line (RFC 2449 §4) cannot be its limit either (RFC 5034 §4 follows RFC 4954).
 */
export const SASL_RESPONSE_LIMIT = 12288

/** A line longer than `limit` octets (UTF-8); the length is checked before any octet is counted. */
export function lineTooLong(line: string, limit: number): boolean {
  // UTF-8 takes at most 3 octets per UTF-16 code unit, so only a line in between needs counting.
  if (line.length > limit) return true
  if (line.length * 3 <= limit) return false
  return new TextEncoder().encode(line).length > limit
}

/** A SASL response longer than SASL_RESPONSE_LIMIT. */
export function saslLineTooLong(line: string): boolean {
  return lineTooLong(line, SASL_RESPONSE_LIMIT)
}

/** No engine reads a line longer than this (IMAP's command line); longer lines are not decoded for secrets. */
const LONGEST_READ_LINE = 65536

/** The initial response given on the command line: "=" stands for an empty one (RFC 4954 §4, RFC 5034 §4, RFC 4959 §3). */
export function initialResponse(arg: string): string {
  return arg === '=' ? '' : arg
}

/** Splits a decoded PLAIN message: [authzid] NUL authcid NUL passwd, authcid and passwd not empty (RFC 4616 §2). */
export function parsePlain(message: string): PlainCredentials | null {
  const fields = message.split('\0')
  if (fields.length !== 3) return null
  const [authzid = '', authcid = '', passwd = ''] = fields
  if (authcid === '' || passwd === '') return null
  return { authzid, authcid, passwd }
}

/** Decodes a PLAIN response line (or initial response). */
export function decodePlain(b64: string): PlainResult {
  const decoded = fromBase64(b64)
  if (decoded === null) return { ok: false, reason: 'base64' }
  const credentials = parsePlain(decoded)
  return credentials ? { ok: true, decoded, credentials } : { ok: false, reason: 'malformed', decoded }
}

/** This server lets a user act only as itself: an authzid other than the authcid is refused (RFC 4616 §2). */
export function plainAuthorizes(c: PlainCredentials): boolean {
  return c.authzid === '' || c.authzid === c.authcid
}

/** One LOGIN response (the user name, then the password), each its own base64 line; null when not base64. */
export function decodeLogin(b64: string): string | null {
  return fromBase64(b64)
}

/** The LOGIN mechanism's two prompts, base64 of "Username:" and "Password:" (as Postfix and Dovecot send them). */
export const LOGIN_PROMPTS = { username: 'VXNlcm5hbWU6', password: 'UGFzc3dvcmQ6' } as const

/** A user's password as configured; undefined for anyone else (own properties only: "__proto__" is nobody). */
export function storedPassword(users: Readonly<Record<string, string>>, user: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(users, user) ? users[user] : undefined
}

/** True when `user` is one of `users` with this password: the one credential check of every engine. */
export function checkPassword(users: Readonly<Record<string, string>>, user: string, password: string): boolean {
  const known = storedPassword(users, user)
  return known !== undefined && known === password
}

/** What a SASL line is, for the eavesdropper: a PLAIN message, one of LOGIN's two answers, or another mechanism's data. */
export type SaslRole = 'plain' | 'login-user' | 'login-password' | 'other'

/** The role of an initial response given with a mechanism (RFC 4954 §4, RFC 5034 §4, RFC 4959 §3). */
export function initialRole(mechanism: string): SaslRole {
  const m = mechanism.toUpperCase()
  return m === 'PLAIN' ? 'plain' : m === 'LOGIN' ? 'login-user' : 'other'
}

/** The secret a base64 SASL line carries, as anyone on the path decodes it; undefined when it is not base64 or empty. */
export function saslSecret(encoded: string, role: SaslRole): Secret | undefined {
  if (encoded === '' || encoded === '=' || encoded === SASL_CANCEL || encoded.length > LONGEST_READ_LINE) return undefined
  const decoded = fromBase64(encoded)
  if (decoded === null) return undefined
  switch (role) {
    case 'plain': {
      const c = parsePlain(decoded)
      return { form: 'base64', encoded, decoded, ...(c ? { user: c.authcid, password: c.passwd } : {}) }
    }
    case 'login-user':
      return { form: 'base64', encoded, decoded, user: decoded }
    case 'login-password':
      return { form: 'base64', encoded, decoded, password: decoded }
    case 'other':
      return { form: 'base64', encoded, decoded }
  }
}
