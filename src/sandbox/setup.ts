// The sandbox's server: which mail system, protocol and port, and its switches. Read from and written to
// the address bar, so that a teacher can send a reproducible session.
import type { Protocol, ServerOptions, SessionSpec } from '../model'

/** Mail systems to talk to: who has a mailbox, which domains are local. */
export const PRESETS = {
  lab: { hostname: 'mail.example.test', domains: ['example.test'], users: { user1: 'password1', user2: 'password2' }, aliases: { postmaster: ['user1'] } },
  article: { hostname: 'mail.example.com', domains: ['example.com'], users: { user1: 'password1' }, aliases: { postmaster: ['user1'] } },
  company: {
    hostname: 'mx.example.co.jp',
    domains: ['example.co.jp'],
    users: { tanaka: 'tanaka-pass', suzuki: 'suzuki-pass' },
    aliases: { postmaster: ['tanaka'], sales: ['tanaka', 'suzuki'] },
  },
} as const satisfies Record<string, ServerOptions>
export type PresetId = keyof typeof PRESETS
export const PRESET_IDS = Object.keys(PRESETS) as PresetId[]

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

/** The URL parameters of the setup (CONTRACT.md §3), besides `mode=sandbox` and the session `s`. */
export const SETUP_PARAMS = ['protocol', 'port', 'preset', 'trust', 'starttls', 'requiretls', 'grey'] as const

export function parseSetup(p: URLSearchParams): SandboxSetup {
  const raw = p.get('protocol')
  const protocol: Protocol = raw === 'pop3' || raw === 'imap' ? raw : 'smtp'
  const port = Number(p.get('port'))
  const ports = PORTS_BY_PROTOCOL[protocol]
  const preset = p.get('preset')
  return {
    preset: (PRESET_IDS as readonly (string | null)[]).includes(preset) ? (preset as PresetId) : 'lab',
    protocol,
    port: ports.includes(port) ? port : (ports[0] ?? 25),
    trusted: p.get('trust') === '1',
    starttls: p.get('starttls') !== '0',
    requireTls: p.get('requiretls') === '1',
    greylist: p.get('grey') === '1',
  }
}

/** The parameters that say this setup; null where the default applies (the parameter is left out). */
export function setupParams(s: SandboxSetup): Record<(typeof SETUP_PARAMS)[number], string | null> {
  const flag = (on: boolean, dflt: boolean) => (on === dflt ? null : on ? '1' : '0')
  return {
    protocol: s.protocol,
    port: String(s.port),
    preset: s.preset === 'lab' ? null : s.preset,
    trust: flag(s.trusted, false),
    starttls: flag(s.starttls, true),
    requiretls: flag(s.requireTls, false),
    grey: flag(s.greylist, false),
  }
}

/** The session the sandbox plays: one client, one server configured by the setup; actions come later. */
export function specOf(setup: SandboxSetup): Omit<SessionSpec, 'actions'> {
  const preset = PRESETS[setup.preset]
  return {
    seed: 'sandbox',
    client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
    servers: [
      {
        id: 'server',
        protocol: setup.protocol,
        options: {
          ...preset,
          users: { ...preset.users },
          domains: [...preset.domains],
          aliases: Object.fromEntries(Object.entries(preset.aliases).map(([k, v]) => [k, [...v]])),
          // Each user gets the lab's sample messages, so POP3 and IMAP have something to read.
          mailbox: Object.fromEntries(Object.keys(preset.users).map((u, i) => [u, sampleMail(preset.domains[0], u, i)])),
          port: setup.port,
          trustedClient: setup.trusted,
          starttls: setup.starttls,
          requireTls: setup.requireTls,
        },
        ...(setup.greylist ? { greylistDelay: 300 } : {}),
      },
    ],
  }
}

function sampleMail(domain: string, user: string, i: number): string[] {
  const msg = (n: number, subject: string, body: string) =>
    [
      'Return-Path: <alice@client.example.test>',
      'From: Alice <alice@client.example.test>',
      `To: ${user}@${domain}`,
      `Subject: ${subject}`,
      `Date: Mon, 0${n} Jan 2024 10:00:00 +0000`,
      `Message-ID: <sample-${n}-${i}@client.example.test>`,
      '',
      body,
    ]
      .map((l) => `${l}\r\n`)
      .join('')
  return [msg(1, 'Lunch on Friday?', 'Are you free for lunch on Friday?'), msg(2, 'Meeting notes', 'Notes from the meeting are below.')]
}
