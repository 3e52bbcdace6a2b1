// TLS and authentication (RFC 9051 §6.2): STARTTLS, LOGIN, AUTHENTICATE and its SASL exchange.
import {
  LOGIN_PROMPTS,
  SASL_CANCEL,
  checkPassword,
  decodeLogin,
  decodePlain,
  initialResponse,
  initialRole,
  lineTooLong,
  plainAuthorizes,
  saslSecret,
} from '../sasl'
import { MAX_LINE, imapCapabilities, plaintextRefused } from './context'
import type { Ctx, ImapPending, Tagged } from './context'
import type { Reader } from './parser'

export function startTls(ctx: Ctx): Tagged {
  if (ctx.s.secure) return { id: 'tlsActive' }
  if (!ctx.s.options.starttls) return { id: 'tlsUnavailable' }
  // After the tagged OK the TLS handshake starts; the client asks CAPABILITY again (RFC 9051 §6.2.1).
  ctx.s.secure = true
  ctx.out.events.push({ type: 'tls-start' })
  return { id: 'starttlsOk' }
}

/** LOGIN user password: both in plain text on the wire (RFC 9051 §6.2.3). */
export function login(ctx: Ctx, r: Reader): Tagged {
  r.sp()
  const user = r.astring()
  r.sp()
  const password = r.astring()
  ctx.secret = { form: 'plain', user, password }
  r.end()
  if (plaintextRefused(ctx.s)) {
    ctx.out.add('plaintextAlert')
    return { id: 'privacyRequired' }
  }
  return checkCredentials(ctx, user, password, 'LOGIN', 'loginOk')
}

function checkCredentials(ctx: Ctx, user: string, password: string, mechanism: string, ok: 'loginOk' | 'authOk'): Tagged {
  if (!checkPassword(ctx.s.options.users, user, password)) return { id: 'authFailed' }
  ctx.s.state = 'authenticated'
  ctx.s.user = user
  // Dovecot sends the post-login capabilities untagged before the tagged OK (fixture a002).
  ctx.out.add('capability', null, { caps: imapCapabilities(ctx.s) })
  ctx.out.events.push({ type: 'authenticated', user, mechanism })
  return { id: ok }
}

export function authenticate(ctx: Ctx, tag: string, r: Reader): Tagged | null {
  r.sp()
  const mechanism = r.atom().toUpperCase()
  let initial: string | null = null
  // SASL-IR: the initial response on the command line; "=" means empty (RFC 4959 §3).
  if (r.trySp()) initial = r.atom()
  if (initial !== null) ctx.secret = saslSecret(initial, initialRole(mechanism))
  r.end()
  if (mechanism !== 'PLAIN' && mechanism !== 'LOGIN') return { id: 'authMechanism' }
  if (plaintextRefused(ctx.s)) {
    // With SASL-IR the credentials are already on the wire.
    if (initial !== null) ctx.out.add('plaintextAlert')
    return { id: 'privacyRequired' }
  }
  if (mechanism === 'PLAIN') {
    if (initial !== null) return finishPlain(ctx, initialResponse(initial))
    ctx.s.pending = { kind: 'sasl', tag, mechanism, username: null }
    ctx.out.add('authContinue', null, { challenge: '' })
    return null
  }
  const username = initial === null ? null : decodeLogin(initialResponse(initial))
  if (initial !== null && username === null) return { id: 'authBadBase64' }
  ctx.s.pending = { kind: 'sasl', tag, mechanism, username }
  ctx.out.add('authContinue', null, { challenge: username === null ? LOGIN_PROMPTS.username : LOGIN_PROMPTS.password })
  return null
}

/** A PLAIN response: not base64 is BAD (RFC 9051 §6.2.2); another authorization identity is refused (RFC 4616 §2). */
function finishPlain(ctx: Ctx, b64: string): Tagged {
  const r = decodePlain(b64)
  if (!r.ok) return { id: r.reason === 'base64' ? 'authBadBase64' : 'authFailed' }
  if (!plainAuthorizes(r.credentials)) return { id: 'authzFailed' }
  return checkCredentials(ctx, r.credentials.authcid, r.credentials.passwd, 'PLAIN', 'authOk')
}

export function saslResponse(ctx: Ctx, p: Extract<ImapPending, { kind: 'sasl' }>, line: string): void {
  ctx.s.pending = null
  // RFC 9051 sets no limit of its own for a SASL response: it gets the command line's 64 KiB, then a tagged BAD.
  if (lineTooLong(line, MAX_LINE)) {
    ctx.out.add('lineTooLong', p.tag)
    return
  }
  ctx.secret = saslSecret(line, p.mechanism === 'PLAIN' ? 'plain' : p.username === null ? 'login-user' : 'login-password')
  // "*" cancels; undecodable base64 is refused; both with a tagged BAD (RFC 9051 §6.2.2).
  if (line === SASL_CANCEL) {
    ctx.out.add('authAborted', p.tag)
    return
  }
  if (p.mechanism === 'PLAIN') {
    const t = finishPlain(ctx, line)
    ctx.out.add(t.id, p.tag, t.vars)
    return
  }
  const decoded = decodeLogin(line)
  if (decoded === null) {
    ctx.out.add('authBadBase64', p.tag)
    return
  }
  if (p.username === null) {
    ctx.s.pending = { ...p, username: decoded }
    ctx.out.add('authContinue', null, { challenge: LOGIN_PROMPTS.password })
    return
  }
  const t = checkCredentials(ctx, p.username, decoded, 'LOGIN', 'authOk')
  ctx.out.add(t.id, p.tag, t.vars)
}
