// TLS and authentication (RFC 9051 §6.2): STARTTLS, LOGIN, AUTHENTICATE and its SASL exchange.
import { fromBase64 } from '../encoding'
import { imapCapabilities, plaintextRefused } from './context'
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
  r.end()
  if (plaintextRefused(ctx.s)) {
    ctx.out.add('plaintextAlert')
    return { id: 'privacyRequired' }
  }
  return checkCredentials(ctx, user, password, 'LOGIN', 'loginOk')
}

function checkCredentials(ctx: Ctx, user: string, password: string, mechanism: string, ok: 'loginOk' | 'authOk'): Tagged {
  const users = ctx.s.options.users
  if (!Object.hasOwn(users, user) || users[user] !== password) return { id: 'authFailed' }
  ctx.s.state = 'authenticated'
  ctx.s.user = user
  // Dovecot sends the post-login capabilities untagged before the tagged OK (fixture a002).
  ctx.out.add('capability', null, { caps: imapCapabilities(ctx.s) })
  ctx.out.events.push({ type: 'authenticated', user, mechanism })
  return { id: ok }
}

const USERNAME_PROMPT = 'VXNlcm5hbWU6' // base64 "Username:"
const PASSWORD_PROMPT = 'UGFzc3dvcmQ6' // base64 "Password:"

export function authenticate(ctx: Ctx, tag: string, r: Reader): Tagged | null {
  r.sp()
  const mechanism = r.atom().toUpperCase()
  let initial: string | null = null
  // SASL-IR: the initial response on the command line; "=" means empty (RFC 4959 §3).
  if (r.trySp()) initial = r.atom()
  r.end()
  if (mechanism !== 'PLAIN' && mechanism !== 'LOGIN') return { id: 'authMechanism' }
  if (plaintextRefused(ctx.s)) {
    // With SASL-IR the credentials are already on the wire.
    if (initial !== null) ctx.out.add('plaintextAlert')
    return { id: 'privacyRequired' }
  }
  let decoded: string | null = null
  if (initial !== null) {
    decoded = initial === '=' ? '' : fromBase64(initial)
    if (decoded === null) return { id: 'authBadBase64' }
  }
  if (mechanism === 'PLAIN') {
    if (decoded !== null) return finishPlain(ctx, decoded)
    ctx.s.pending = { kind: 'sasl', tag, mechanism, username: null }
    ctx.out.add('authContinue', null, { challenge: '' })
    return null
  }
  ctx.s.pending = { kind: 'sasl', tag, mechanism, username: decoded }
  ctx.out.add('authContinue', null, { challenge: decoded === null ? USERNAME_PROMPT : PASSWORD_PROMPT })
  return null
}

/** PLAIN message: [authzid] NUL authcid NUL passwd (RFC 4616 §2). */
function finishPlain(ctx: Ctx, decoded: string): Tagged {
  const fields = decoded.split('\0')
  if (fields.length !== 3) return { id: 'authFailed' }
  const [authz, user, password] = fields as [string, string, string]
  if (authz !== '' && authz !== user) return { id: 'authzFailed' }
  return checkCredentials(ctx, user, password, 'PLAIN', 'authOk')
}

export function saslResponse(ctx: Ctx, p: Extract<ImapPending, { kind: 'sasl' }>, line: string): void {
  ctx.s.pending = null
  // "*" cancels; undecodable base64 is refused; both with a tagged BAD (RFC 9051 §6.2.2).
  if (line === '*') {
    ctx.out.add('authAborted', p.tag)
    return
  }
  const decoded = fromBase64(line)
  if (decoded === null) {
    ctx.out.add('authBadBase64', p.tag)
    return
  }
  if (p.mechanism === 'PLAIN') {
    const t = finishPlain(ctx, decoded)
    ctx.out.add(t.id, p.tag, t.vars)
    return
  }
  if (p.username === null) {
    ctx.s.pending = { ...p, username: decoded }
    ctx.out.add('authContinue', null, { challenge: PASSWORD_PROMPT })
    return
  }
  const t = checkCredentials(ctx, p.username, decoded, 'LOGIN', 'authOk')
  ctx.out.add(t.id, p.tag, t.vars)
}
