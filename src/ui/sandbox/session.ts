// The sandbox's session as data: setup + client actions, encoded into the address bar so that a teacher
// can send a reproducible session. The engine computes every reply when the timeline is rebuilt.
import type { Action, Protocol, ServerOptions, SessionSpec, Timeline } from '../../model'
import { toBase64, fromBase64 } from '../../model'

/** Mail systems to talk to: who has a mailbox, which domains are local. */
export const PRESETS = {
  lab: { hostname: 'mail.example.test', domains: ['example.test'], users: { user1: 'password1', user2: 'password2' }, aliases: { postmaster: ['user1'] } },
  article: { hostname: 'mail.example.com', domains: ['example.com'], users: { user1: 'password1' }, aliases: { postmaster: ['user1'] } },
  company: {
    hostname: 'mx.example.co.jp', domains: ['example.co.jp'], users: { tanaka: 'tanaka-pass', suzuki: 'suzuki-pass' },
    aliases: { postmaster: ['tanaka'], sales: ['tanaka', 'suzuki'] },
  },
} as const satisfies Record<string, ServerOptions>
export type PresetId = keyof typeof PRESETS

export interface SandboxSetup {
  readonly preset: PresetId
  readonly protocol: Protocol
  readonly port: number
  readonly trusted: boolean
  readonly starttls: boolean
  readonly requireTls: boolean
  readonly greylist: boolean
}

export const PORTS_BY_PROTOCOL: Record<Protocol, readonly number[]> = { smtp: [25, 587, 465], pop3: [110, 995], imap: [143, 993] }

/** One entry per client action: a line, or a connect / close / wait. */
export type Entry = string | { readonly c: 1 } | { readonly x: 1 } | { readonly w: number } | { readonly p: readonly string[] }

export function parseSetup(p: URLSearchParams): SandboxSetup {
  const raw = p.get('protocol')
  const protocol: Protocol = raw === 'pop3' || raw === 'imap' ? raw : 'smtp'
  const port = Number(p.get('port'))
  const ports = PORTS_BY_PROTOCOL[protocol]
  const preset = p.get('preset')
  return {
    preset: preset === 'article' || preset === 'company' ? preset : 'lab',
    protocol,
    port: ports.includes(port) ? port : (ports[0] ?? 25),
    trusted: p.get('trust') === '1',
    starttls: p.get('starttls') !== '0',
    requireTls: p.get('requiretls') === '1',
    greylist: p.get('grey') === '1',
  }
}

export function writeSetup(p: URLSearchParams, s: SandboxSetup): void {
  p.set('mode', 'sandbox')
  p.set('protocol', s.protocol)
  p.set('port', String(s.port))
  if (s.preset === 'lab') p.delete('preset')
  else p.set('preset', s.preset)
  for (const [k, on, dflt] of [['trust', s.trusted, false], ['starttls', s.starttls, true], ['requiretls', s.requireTls, false], ['grey', s.greylist, false]] as const) {
    if (on === dflt) p.delete(k)
    else p.set(k, on ? '1' : '0')
  }
}

const b64url = (s: string) => toBase64(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

export function encodeEntries(entries: readonly Entry[]): string {
  return b64url(JSON.stringify(entries))
}

/** The entries in a share link; null when the link is damaged (the page says so and starts empty). */
export function decodeEntries(s: string | null): Entry[] | null {
  if (s === null || s === '') return []
  const std = s.replace(/-/g, '+').replace(/_/g, '/')
  const text = fromBase64(std + '='.repeat((4 - (std.length % 4)) % 4))
  if (text === null) return null
  try {
    const v: unknown = JSON.parse(text)
    if (!Array.isArray(v) || v.length > 2000) return null
    const ok = v.every((e) => typeof e === 'string'
      || (typeof e === 'object' && e !== null && (('c' in e && e.c === 1) || ('x' in e && e.x === 1) || ('w' in e && Number.isFinite(e.w) && e.w > 0 && e.w <= 86400)
        || ('p' in e && Array.isArray(e.p) && e.p.every((l: unknown) => typeof l === 'string')))))
    return ok ? (v as Entry[]) : null
  } catch {
    return null
  }
}

export function toActions(entries: readonly Entry[]): Action[] {
  return entries.map((e): Action => {
    if (typeof e === 'string') return { type: 'send', line: e }
    if ('c' in e) return { type: 'connect' }
    if ('x' in e) return { type: 'close' }
    if ('p' in e) return { type: 'pipeline', lines: e.p }
    return { type: 'wait', seconds: e.w }
  })
}

export function specOf(setup: SandboxSetup, entries: readonly Entry[]): SessionSpec {
  return {
    seed: 'sandbox',
    client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
    servers: [{
      id: 'server', protocol: setup.protocol,
      options: {
        ...PRESETS[setup.preset], users: { ...PRESETS[setup.preset].users }, domains: [...PRESETS[setup.preset].domains],
        aliases: Object.fromEntries(Object.entries(PRESETS[setup.preset].aliases).map(([k, v]) => [k, [...v]])),
        // Each user gets the lab's sample messages, so POP3 and IMAP have something to read.
        mailbox: Object.fromEntries(Object.keys(PRESETS[setup.preset].users).map((u, i) => [u, sampleMail(PRESETS[setup.preset].domains[0], u, i)])),
        port: setup.port, trustedClient: setup.trusted, starttls: setup.starttls, requireTls: setup.requireTls,
      },
      ...(setup.greylist ? { greylistDelay: 300 } : {}),
    }],
    // A sandbox session always begins connected, with the greeting shown (CONTRACT.md §3).
    actions: [{ type: 'connect' }, ...toActions(entries)],
  }
}

function sampleMail(domain: string, user: string, i: number): string[] {
  const msg = (n: number, subject: string, body: string) => [
    'Return-Path: <alice@client.example.test>', 'From: Alice <alice@client.example.test>', `To: ${user}@${domain}`,
    `Subject: ${subject}`, `Date: Mon, 0${n} Jan 2024 10:00:00 +0000`, `Message-ID: <sample-${n}-${i}@client.example.test>`, '', body,
  ].map((l) => `${l}\r\n`).join('')
  return [msg(1, 'Lunch on Friday?', 'Are you free for lunch on Friday?'), msg(2, 'Meeting notes', 'Notes from the meeting are below.')]
}

/** Where the conversation stands after the timeline: open or closed, and the server's protocol state. */
export function statusOf(t: Timeline): { open: boolean; state: string; greeting: string; pipelining: boolean; awaitingContinuation: boolean } {
  const steps = t.steps
  const last = steps[steps.length - 1]
  const open = !(last && last.layer === 'tcp' && last.kind.layer === 'tcp' && last.kind.key === 'ack-fin-second')
  const proto = [...steps].reverse().find((s) => s.layer !== 'tcp' && s.layer !== 'tls')
  let connectAt = 0
  steps.forEach((s, i) => { if (s.kind.layer === 'tcp' && s.kind.key === 'syn') connectAt = i })
  const greetingStep = steps.slice(connectAt).find((s) => s.kind.key === 'reply')
  const ehlo = [...steps.slice(connectAt)].reverse().find((s) => s.kind.key === 'reply' && s.lines.length > 1 && s.lines[0]?.startsWith('250-'))
  const lastReply = [...steps].reverse().find((s) => s.kind.key === 'reply')
  return {
    open,
    state: proto?.stateAfter ?? 'connected',
    greeting: greetingStep?.lines[0] ?? '',
    pipelining: !!ehlo?.lines.some((l) => l.slice(4).toUpperCase() === 'PIPELINING'),
    awaitingContinuation: !!lastReply?.lines[lastReply.lines.length - 1]?.startsWith('+ ') && t.steps[t.steps.length - 1]?.kind.key === 'reply',
  }
}
