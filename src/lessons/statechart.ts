// The server's state chart, derived from the engines' own tables (model/*/rules.ts), never drawn by hand:
// nodes are the engine's state names, edges its transitions with their command and reply. Also where a
// timeline stands on that chart at a given step. Pure; the component (ui/panels/StateChart) only draws it.
import { STATE_LABELS } from '../content/states'
import type { Actor, Bilingual, Protocol, Step, Timeline } from '../model'
import { IMAP_STATES } from '../model/imap/commands'
import { IMAP_COMMAND_STATES, IMAP_TRANSITIONS, imapCommandsIn } from '../model/imap/rules'
import { POP3_STATES, type Pop3State } from '../model/pop3/machine'
import { POP3_COMMAND_STATES, POP3_TRANSITIONS, pop3CommandsIn } from '../model/pop3/rules'
import type { ImapState } from '../model/imap/commands'
import type { SmtpState } from '../model/smtp/command'
import { SMTP_COMMAND_STATES, SMTP_TRANSITIONS, smtpCommandsIn } from '../model/smtp/rules'

export interface ChartNode {
  /** The engine's own state name (CONTRACT.md §7: `data-state`). */
  readonly state: string
  readonly label: Bilingual
  /** Row from the top: breadth-first distance from the initial state; the end state comes last. */
  readonly rank: number
  /** Beside the state it hangs off (SMTP's auth beside greeted), not on the main column. */
  readonly side: boolean
  /** Reads client commands (a state panel can list them). */
  readonly commands: boolean
}

export interface ChartTransition {
  readonly id: number
  readonly from: string
  readonly to: string
  /** The client line's kind (`MAIL`, `.`, `sasl-response`). */
  readonly command: string
  /** The reply as on the wire: `250`, `+OK`, `OK`, `NO`. */
  readonly reply: string
  /** The reply's class: `2xx`, `3xx`, `5xx` for SMTP; the status itself for POP3 and IMAP. */
  readonly replyClass: string
  /** States passed through within the same turn (POP3's UPDATE). */
  readonly via: readonly string[]
  readonly sets?: 'tls' | 'authenticated'
}

/** A drawn arrow: one pair of states, every transition that joins them in that direction. */
export interface ChartEdge {
  readonly key: string
  readonly from: string
  readonly to: string
  readonly transitions: readonly number[]
  /** Commands and replies, e.g. `HELO/EHLO/RSET 250`; `lines` splits it where the replies differ. */
  readonly label: string
  readonly lines: readonly string[]
  /** The same command reaches `to` from every command state: drawn once, as "from any state". */
  readonly anyFrom: boolean
}

export interface StateChartModel {
  readonly protocol: Protocol
  readonly initial: string
  readonly nodes: readonly ChartNode[]
  readonly transitions: readonly ChartTransition[]
  readonly edges: readonly ChartEdge[]
  /** Where the rules come from. */
  readonly rfc: string
}

interface Source {
  readonly states: readonly string[]
  readonly commandStates: readonly string[]
  readonly initial: string
  readonly rfc: string
  readonly transitions: readonly Omit<ChartTransition, 'id' | 'replyClass'>[]
}

function source(protocol: Protocol): Source {
  switch (protocol) {
    case 'smtp':
      return {
        states: ['connected', 'greeted', 'mail', 'rcpt', 'data', 'auth', 'closed'] satisfies SmtpState[],
        commandStates: SMTP_COMMAND_STATES,
        initial: 'connected',
        rfc: 'RFC 5321 §4.1.4, §4.3.2; RFC 3207 §4; RFC 4954 §4',
        transitions: SMTP_TRANSITIONS.map((t) => ({
          from: t.from,
          to: t.to,
          command: t.command,
          reply: String(t.reply),
          via: [],
          ...(t.sets ? { sets: t.sets } : {}),
        })),
      }
    case 'pop3':
      return {
        states: POP3_STATES,
        commandStates: POP3_COMMAND_STATES,
        initial: 'authorization' satisfies Pop3State,
        rfc: 'RFC 1939 §3–§6',
        transitions: POP3_TRANSITIONS.map((t) => ({ from: t.from, to: t.to, command: t.command, reply: t.reply, via: t.via ?? [] })),
      }
    case 'imap':
      return {
        states: IMAP_STATES,
        commandStates: IMAP_COMMAND_STATES,
        initial: 'not-authenticated' satisfies ImapState,
        rfc: 'RFC 9051 §3, §6',
        transitions: IMAP_TRANSITIONS.map((t) => ({ from: t.from, to: t.to, command: t.command, reply: t.reply, via: [] })),
      }
  }
}

const replyClassOf = (protocol: Protocol, reply: string) => (protocol === 'smtp' ? `${reply.charAt(0)}xx` : reply)

/** How a client line's kind reads on an edge: a SASL response is a base64 line. */
export const commandText = (command: string) => (command === 'sasl-response' ? 'base64' : command)

const unique = (xs: readonly string[]) => [...new Set(xs)]

const built = new Map<Protocol, StateChartModel>()

/** The chart of one protocol's server, from the engine's transition table (built once per protocol). */
export function stateChart(protocol: Protocol): StateChartModel {
  const known = built.get(protocol)
  if (known) return known
  const chart = buildChart(protocol)
  built.set(protocol, chart)
  return chart
}

function buildChart(protocol: Protocol): StateChartModel {
  const src = source(protocol)
  const transitions: ChartTransition[] = src.transitions.map((t, id) => ({ ...t, id, replyClass: replyClassOf(protocol, t.reply) }))

  // Each transition is one arrow, or a chain through its `via` states; the command labels the first hop, the reply the last.
  const hops: { from: string; to: string; id: number; command?: string; reply?: string }[] = []
  for (const t of transitions) {
    const chain = [t.from, ...t.via, t.to]
    for (let i = 0; i + 1 < chain.length; i++) {
      const from = chain[i] as string
      const to = chain[i + 1] as string
      if (from === to) continue // self-loops are listed in the state's details, not drawn
      hops.push({ from, to, id: t.id, ...(i === 0 ? { command: t.command } : {}), ...(i === chain.length - 2 ? { reply: t.reply } : {}) })
    }
  }
  const edges: ChartEdge[] = []
  const grouped = new Map<string, typeof hops>()
  for (const h of hops) {
    const key = `${h.from}>${h.to}`
    grouped.set(key, [...(grouped.get(key) ?? []), h])
  }
  // A command that takes every command state to the end (QUIT, LOGOUT) is one "from any state" arrow.
  const terminal = src.states.filter((s) => !hops.some((h) => h.from === s))
  const anyKeys = new Set<string>()
  for (const to of terminal) {
    for (const command of unique(hops.filter((h) => h.to === to && h.command).map((h) => h.command as string))) {
      const froms = hops.filter((h) => h.to === to && h.command === command && h.reply !== undefined).map((h) => h.from)
      if (src.commandStates.length > 2 && src.commandStates.every((s) => s === to || froms.includes(s))) anyKeys.add(`${command}>${to}`)
    }
  }
  // One line per group of commands: `CLOSE/UNSELECT OK`, `SELECT/EXAMINE NO`; replies of the same commands merge (`base64 235/535`).
  const lines = (hs: typeof hops): string[] => {
    const byCommands = new Map<string, string[]>()
    for (const reply of unique(hs.map((h) => h.reply ?? ''))) {
      const commands = unique(hs.filter((h) => (h.reply ?? '') === reply).flatMap((h) => (h.command ? [commandText(h.command)] : []))).join('/')
      byCommands.set(commands, [...(byCommands.get(commands) ?? []), ...(reply ? [reply] : [])])
    }
    return [...byCommands].map(([commands, replies]) => [commands, replies.join('/')].filter((x) => x !== '').join(' '))
  }
  const label = (hs: typeof hops) => lines(hs).join(' · ')
  for (const key of anyKeys) {
    const [command, to] = key.split('>') as [string, string]
    const hs = hops.filter((h) => h.to === to && h.command === command)
    edges.push({
      key: `*>${to}:${command}`,
      from: '*',
      to,
      transitions: unique(hs.map((h) => String(h.id))).map(Number),
      label: label(hs),
      lines: lines(hs),
      anyFrom: true,
    })
  }
  for (const [key, hs] of grouped) {
    const rest = hs.filter((h) => !(h.command !== undefined && anyKeys.has(`${h.command}>${h.to}`)))
    if (rest.length === 0) continue
    const [from, to] = key.split('>') as [string, string]
    edges.push({ key, from, to, transitions: unique(rest.map((h) => String(h.id))).map(Number), label: label(rest), lines: lines(rest), anyFrom: false })
  }

  // A state joined to one other state only (SMTP's auth, reached from greeted and back) sits beside it, in its row.
  const neighbours = (x: string) => unique(hops.flatMap((h) => (h.from === x ? [h.to] : h.to === x ? [h.from] : [])))
  const satellites = new Map<string, string>()
  for (const x of src.states) {
    const ns = neighbours(x)
    if (x !== src.initial && !terminal.includes(x) && ns.length === 1 && ns[0] !== undefined) satellites.set(x, ns[0])
  }
  // Rows: breadth-first distance from the initial state over the drawn arrows; states with no way out go last.
  const rank = new Map<string, number>([[src.initial, 0]])
  const queue = [src.initial]
  while (queue.length > 0) {
    const x = queue.shift() as string
    for (const h of hops) {
      if (h.from === x && !rank.has(h.to) && !terminal.includes(h.to) && !satellites.has(h.to)) {
        rank.set(h.to, (rank.get(x) ?? 0) + 1)
        queue.push(h.to)
      }
    }
  }
  const last = Math.max(0, ...rank.values()) + 1
  for (const [x, anchor] of satellites) rank.set(x, rank.get(anchor) ?? last)
  for (const x of src.states) if (!rank.has(x)) rank.set(x, last)
  const labels = STATE_LABELS[protocol]
  const nodes: ChartNode[] = src.states.map((state) => ({
    state,
    label: labels[state] ?? { ja: state, en: state },
    rank: rank.get(state) ?? last,
    side: satellites.has(state),
    commands: src.commandStates.includes(state),
  }))
  return { protocol, initial: src.initial, nodes, transitions, edges, rfc: src.rfc }
}

/** One row of a state's details: the command, and what the server does with it there. */
export interface CommandRule {
  readonly command: string
  readonly accepted: boolean
  /** The refusal as on the wire (`503`, `-ERR`, `BAD`) and its RFC section. */
  readonly code?: string
  readonly rfc?: string
}

/** "In this state, these commands are accepted" for any protocol: the very tables the engines check with. */
export function commandsIn(protocol: Protocol, state: string): CommandRule[] {
  const rows =
    protocol === 'smtp' ? smtpCommandsIn(state as SmtpState) : protocol === 'pop3' ? pop3CommandsIn(state as Pop3State) : imapCommandsIn(state as ImapState)
  return rows.map((r) => ({
    command: r.command,
    accepted: r.accepted,
    ...(r.code !== undefined ? { code: String(r.code) } : {}),
    ...(r.rfc ? { rfc: r.rfc } : {}),
  }))
}

/** Where the chart stands at a step: which server, its state, the transition that led there, its flags. */
export interface ChartPosition {
  readonly server: Actor
  readonly protocol: Protocol
  readonly state: string
  /** The last protocol step's move, when it changed the state or set a flag; null otherwise. */
  readonly transition: ChartTransition | null
  readonly tls: boolean
  readonly authenticated: boolean
}

const isServer = (a: Actor | undefined): a is Actor & { protocol: Protocol } => a?.role === 'server' && a.protocol !== undefined

/** The SMTP/POP3/IMAP command a step answers or carries (a reply answers the client line before it). */
function commandOf(steps: readonly Step[], i: number): string | null {
  for (let j = i; j >= 0; j--) {
    const s = steps[j] as Step
    if (s.kind.key === 'command') return s.kind.command
    if (s.kind.key === 'body' || s.kind.key === 'pipeline') return null
    if (s.layer === 'tcp' && s.kind.key === 'syn') return null
  }
  return null
}

/**
 * The chart's position after `shown` steps: the server of the current step (the first server before any),
 * in the state its last protocol step left it (CONTRACT.md §7). Before the greeting of a connection it is
 * the initial state; after the connection closed it stays on the last one. Null when there is no server.
 */
export function chartPosition(timeline: Timeline, shown: number): ChartPosition | null {
  const steps = timeline.steps
  const byId = new Map(timeline.actors.map((a) => [a.id, a]))
  const at = Math.min(Math.max(shown, 0), steps.length) - 1
  // The server of the current step; a step with no mail server on it (DNS) keeps the one before.
  let current: Step | undefined
  let server: Actor | undefined
  // The listening side of the step's connection (a relaying MTA is a server too, but the client of this one).
  for (let i = Math.max(at, 0); i >= 0 && server === undefined; i--) {
    current = steps[i]
    if (current?.tcp) server = [byId.get(current.tcp.from === 'server' ? current.from : current.to)].find(isServer)
  }
  server ??= timeline.actors.find(isServer)
  if (!isServer(server)) return null
  const protocol = server.protocol
  const chart = stateChart(protocol)
  const client = current ? (current.from === server.id ? current.to : current.from) : undefined
  const onConnection = (s: Step) => (s.from === server.id && s.to === client) || (s.to === server.id && s.from === client)
  let tls = false
  let authenticated = false
  let state = chart.initial
  let transition: ChartTransition | null = null
  // Walk this connection from its SYN to the current step: the flags need its whole history.
  let start = 0
  for (let i = at; i >= 0; i--) {
    const s = steps[i] as Step
    if (onConnection(s) && s.layer === 'tcp' && s.kind.key === 'syn') {
      start = i
      break
    }
  }
  for (let i = start; i <= at; i++) {
    const s = steps[i] as Step
    if (!onConnection(s)) continue
    if (s.layer === 'tls' || s.tls !== undefined) tls = true
    if (s.layer !== protocol) continue
    const command = commandOf(steps, i)
    const status = s.replies?.at(-1)?.status
    const found =
      chart.transitions.find(
        (t) => t.from === s.stateBefore && t.to === s.stateAfter && t.command === command && (status === undefined || t.reply === status),
      ) ?? null
    // SMTP keeps TLS and AUTH as flags beside its state; STARTTLS's 220 forgets the AUTH (RFC 3207 §4.2).
    if (found?.sets === 'authenticated' && status !== undefined) authenticated = true
    if (found?.sets === 'tls') authenticated = false
    state = s.stateAfter
    transition = found && (found.from !== found.to || found.sets) ? found : null
  }
  return { server, protocol, state, transition, tls, authenticated }
}
