// A session folds client actions through the engines into a timeline: Step[] (DESIGN.md "The one idea").
// Every server line on the timeline was computed by an engine; a scenario only says what the client does.
import { IMPLICIT_TLS_PORTS, resolveOptions } from './defaults'
import { byteLength } from './encoding'
import { createAdapter, createWorld, deliver, type Continuation, type EngineAdapter } from './adapters'
import { ephemeralPort, handshake, newConnection, sendData, teardown, type Segment, type Side, type TcpConnection, type TcpStepResult } from './tcp/tcp'
import { recordLength, TLS13_HANDSHAKE } from './tls/tls'
import { apopDigest } from './pop3/apop'
import type { DeliveredMessage, EngineReply, Layer, MessageToCheck, Protocol, ReplyClass, Secret, ServerOptions, ServerTurn } from './types'
import { answerLines, findMailExchangers, queryMessage, questionText, resolve, responseMessage, type DnsAnswer, type Zone } from './dns'
import { authenticationResults, checkDmarc, checkSpf, dkimSign, dkimVerify, TEACHING_KEY_PEM } from './auth'

/** Text in both languages; Japanese first. */
export interface Bilingual {
  readonly ja: string
  readonly en: string
}

/** Words a scenario adds to the generic caption of the steps an action produces. */
export interface ActionNotes {
  /** Shown with the client's step(s). */
  readonly note?: Bilingual
  /** Shown with the server's answer to it. */
  readonly replyNote?: Bilingual
  /** Which client sends (multi-client lessons); the first client by default. */
  readonly from?: string
  /** Which server receives; the first server by default. */
  readonly to?: string
}

export type Action = ActionNotes &
  /** One client line (CRLF added on the wire). */
  (
    | { readonly type: 'send'; readonly line: string }
    /** Several commands in one TCP segment (PIPELINING, RFC 2920). */
    | { readonly type: 'pipeline'; readonly lines: readonly string[] }
    /** Message content after 354: dot-stuffed here (RFC 5321 §4.5.2), then the lone "." as its own step. */
    | {
        readonly type: 'body'
        readonly lines: readonly string[]
        /** The sending MTA signs the message with DKIM before it sends it (the lab's teaching key, RFC 6376 §5). */
        readonly dkim?: { readonly domain: string; readonly selector: string }
      }
    /**
     * A relaying MTA sends on the message it last queued (its own Received: on top, RFC 5321 §4.4); `footer`
     * lines are appended to the body on the way (a mailing list's footer: what breaks a DKIM body hash).
     */
    | { readonly type: 'forward'; readonly footer?: readonly string[] }
    /** The `from` actor looks up where mail for `domain` goes: MX, then the chosen host's address (RFC 5321 §5.1). */
    | { readonly type: 'resolve'; readonly domain: string }
    /** POP3 APOP: the client computes the digest from the greeting's timestamp (RFC 1939 §7). */
    | { readonly type: 'apop'; readonly user: string; readonly password: string }
    /** Opens a (new) TCP connection; the first action on a server opens one by itself. */
    | { readonly type: 'connect' }
    /** The client closes the TCP connection without QUIT. */
    | { readonly type: 'close' }
    /** The clock moves on (POP before SMTP windows, retries after a temporary failure). */
    | { readonly type: 'wait'; readonly seconds: number }
  )

export interface ServerSpec {
  readonly id: string
  readonly protocol: Protocol
  readonly options?: ServerOptions
  readonly ip?: string
  /** POP before SMTP: relay for this long after a POP3 login from the client's address (SMTP only). */
  readonly popBeforeSmtpWindow?: number
  /** Greylisting: an unknown (client, sender, recipient) is told 450 4.7.1 until this many seconds passed. */
  readonly greylistDelay?: number
  /** Client actor ids the server trusts to relay by address (Postfix `mynetworks`); others must authenticate. */
  readonly mynetworks?: readonly string[]
  /** The server checks SPF, DKIM and DMARC through the lesson's DNS before it answers the final dot. */
  readonly checks?: true
  /** The server signs the mail it relays with DKIM (the lab's published teaching key). */
  readonly dkim?: { readonly domain: string; readonly selector: string }
}

/** The resolver every MTA of the lesson asks (one lifeline), over the lesson's zone. */
export interface DnsSpec {
  readonly id?: string
  readonly host?: string
  readonly ip?: string
  readonly zone: Zone
}

/** A network edge between clients and the Internet (an ISP's router). */
export interface RouterSpec {
  readonly id: string
  readonly host?: string
  readonly ip?: string
  /**
   * Outbound Port 25 Blocking: SYNs from these client actors to this port on a server outside `inside` are
   * dropped (JPNIC/JEAS OP25B; the submission port 587 of RFC 6409 stays open).
   */
  readonly block: { readonly from: readonly string[]; readonly port: number; readonly inside: readonly string[] }
}

export interface ClientSpec {
  /** An id equal to a server's id makes that server the client of a further hop (an MTA relaying on). */
  readonly id?: string
  readonly host?: string
  readonly ip?: string
  /** What the actor is, for its heading: 'client' (a mail program), 'mta' (a sending server). */
  readonly kind?: 'client' | 'mta'
}

export interface SessionSpec {
  /** Seeds the ephemeral port, so that a scenario always shows the same numbers. */
  readonly seed: string
  readonly client?: ClientSpec
  /** Several clients (two devices reading one mailbox); overrides `client`. */
  readonly clients?: readonly ClientSpec[]
  readonly servers: readonly ServerSpec[]
  readonly actions: readonly Action[]
  /** Left-to-right order of the lifelines by actor id; clients then servers by default. */
  readonly lanes?: readonly string[]
  /** Network edges (OP25B). */
  readonly routers?: readonly RouterSpec[]
  /** A DNS resolver and the zone it answers from (MX, A, TXT for SPF/DKIM/DMARC). */
  readonly dns?: DnsSpec
}

export interface Actor {
  readonly id: string
  /** `dns`: a resolver (UDP 53); `router`: a network edge that forwards or drops packets (OP25B). */
  readonly role: 'client' | 'server' | 'dns' | 'router'
  readonly kind?: 'client' | 'mta'
  readonly host: string
  readonly ip: string
  readonly protocol?: Protocol
  /** The server's listening port; for the client, undefined (one ephemeral port per connection). */
  readonly port?: number
}

/** Why a DNS question was asked. */
export type DnsPurpose = 'mx' | 'address' | 'spf' | 'dkim' | 'dmarc'

/** Which explanation a step gets; content/ maps each to a caption in ja and en. */
export type StepKind =
  | {
      readonly layer: 'tcp'
      readonly key: 'syn' | 'syn-ack' | 'ack' | 'fin-first' | 'ack-fin-first' | 'fin-second' | 'ack-fin-second'
      readonly closer?: Side
      /** The application protocol on this connection: who closes first, and after which reply, depends on it. */
      readonly protocol?: Protocol
      /** The port starts TLS at once (RFC 8314 §3): after the handshake the client speaks first, with ClientHello. */
      readonly tlsFirst?: true
    }
  /** A SYN a router dropped (OP25B); `attempt` 1 is the first, the `last` one ends in a timeout. */
  | { readonly layer: 'tcp'; readonly key: 'syn-dropped'; readonly attempt: number; readonly last: boolean }
  | { readonly layer: 'tls'; readonly key: 'client-hello' | 'server-flight' | 'client-finished' }
  | { readonly layer: Protocol; readonly key: 'command'; readonly command: string }
  | { readonly layer: Protocol; readonly key: 'reply'; readonly replyId: string }
  | { readonly layer: Protocol; readonly key: 'body' }
  | { readonly layer: Protocol; readonly key: 'pipeline' }
  /** A DNS query or response (RFC 1035 §4.1); `purpose` says why it was asked, for the caption. */
  | {
      readonly layer: 'dns'
      readonly key: 'query' | 'response'
      readonly rrtype: 'MX' | 'A' | 'AAAA' | 'TXT'
      readonly purpose: DnsPurpose
      readonly rcode?: string
    }

export interface Step {
  /** 0-based position on the timeline. */
  readonly index: number
  readonly from: string
  readonly to: string
  readonly layer: Layer
  /** Protocol lines without CRLF (TLS: the handshake messages; TCP control segments: none). */
  readonly lines: readonly string[]
  /** The exact payload, CRLF included ('' for control segments and TLS handshake flights). */
  readonly bytes: string
  /** The TCP segment (every step but DNS, which travels in UDP datagrams). */
  readonly tcp?: Segment
  /** A UDP datagram (DNS, RFC 768): ports and payload length. */
  readonly udp?: { readonly srcPort: number; readonly dstPort: number; readonly len: number }
  /** The segment never arrived: a router on the way dropped it (OP25B). `to` is then the router. */
  readonly dropped?: true
  /** What a check concluded on this step (SPF, DKIM, DMARC), computed by the evaluators in auth/. */
  readonly verdict?: { readonly check: 'spf' | 'dkim' | 'dmarc'; readonly result: string; readonly domain: string; readonly detail?: string }
  /** Present when the payload travels inside TLS records (RFC 8446 §5.2). */
  readonly tls?: { readonly recordOctets: number }
  readonly kind: StepKind
  readonly rfc: string
  /** The replies in this segment, for colour and the quiz (server steps only); `message` when one carries mail content. */
  readonly replies?: readonly { readonly id: string; readonly status: string; readonly cls: ReplyClass; readonly enhanced?: string; readonly message?: true }[]
  /** A credential on this client line, as the engine read it (the eavesdropper view shows what it reveals). */
  readonly secret?: Secret
  /** Engine state (or TCP states) before and after this step. */
  readonly stateBefore: string
  readonly stateAfter: string
  /** Seconds on the session clock when the step happens. */
  readonly time: number
  /** The scenario's own words for this step. */
  readonly note?: Bilingual
}

export interface Delivery {
  /** Index of the step that carried the server's acceptance. */
  readonly at: number
  readonly server: string
  readonly message: DeliveredMessage
}

export interface Timeline {
  readonly actors: readonly Actor[]
  readonly steps: readonly Step[]
  readonly delivered: readonly Delivery[]
  /** Client actions that could not be carried out (e.g. a line after the server closed). */
  readonly problems: readonly string[]
}

interface Conn {
  readonly spec: ServerSpec
  readonly client: Actor
  readonly adapter: EngineAdapter
  readonly greeting: readonly string[]
  tcp: TcpConnection
  secure: boolean
  open: boolean
}

/** Where one client's connection to one server stands, for an input box (the sandbox). */
export interface ConnectionStatus {
  readonly open: boolean
  /** The engine's state after the last line. */
  readonly state: string
  /** The first line of this connection's greeting (APOP reads its timestamp). */
  readonly greeting: string
  /** What the server waits for that is not a command: message text, a SASL response, an IMAP literal. */
  readonly continuation: Continuation
  /** The server announced PIPELINING (RFC 2920) on this connection. */
  readonly pipelining: boolean
}

/** Builds a timeline one action at a time: the sandbox appends a line at the same cost at line 5,000 as at line 5. */
export interface TimelineBuilder {
  /** Carries out one client action through the engines. */
  apply(action: Action): void
  /** The timeline so far. The arrays are copies, so an earlier snapshot never changes. */
  timeline(): Timeline
  /** How many steps there are so far. */
  readonly length: number
  /** The first client's connection to the first server (or the named ones); null before it was ever opened. */
  connection(clientId?: string, serverId?: string): ConnectionStatus | null
  /** The timeline of a finished session: connections still open are reported as problems. */
  finish(): Timeline
}

const CRLF = '\r\n'
const DEFAULT_CLIENT = { id: 'client', host: 'client.example.test', ip: '192.0.2.10' }
const SYN_KEYS = ['syn', 'syn-ack', 'ack'] as const
/** The first SYN and its retransmissions shown before the client gives up (Linux tries 7 times; 4 tell the story). */
const SYN_ATTEMPTS = 4
const FIN_KEYS = ['fin-first', 'ack-fin-first', 'fin-second', 'ack-fin-second'] as const

type StepFields = Omit<Step, 'index' | 'from' | 'to' | 'tcp' | 'time' | 'note'>

export function createTimelineBuilder(spec: Omit<SessionSpec, 'actions'>): TimelineBuilder {
  const steps: Step[] = []
  const delivered: Delivery[] = []
  const problems: string[] = []
  const popLogins = new Map<string, number>()
  const greylists = new Map<string, Map<string, number>>()
  // One mail store for the whole lesson: what SMTP delivers, POP3 and IMAP read; what POP3 deletes is gone.
  const firstMailbox = spec.servers.find((s) => s.protocol !== 'smtp' && s.options?.mailbox)?.options?.mailbox
  const world = createWorld(firstMailbox)
  const conns = new Map<string, Conn>()
  let clock = 0
  let connections = 0
  /** The last temporary or permanent refusal: a bounce quotes it (RFC 3464 §2.3.6 Diagnostic-Code). */
  let lastError = ''
  let snapshot: Timeline | null = null

  const servers: Actor[] = spec.servers.map((s, i) => {
    const o = resolveOptions(s.protocol, s.options)
    return { id: s.id, role: 'server', host: o.hostname, ip: s.ip ?? `198.51.100.${25 + i}`, protocol: s.protocol, port: o.port }
  })
  const clientSpecs = spec.clients ?? [spec.client ?? {}]
  // A client whose id is a server's is that server sending on (one lifeline, its own address).
  const clients: Actor[] = clientSpecs.map((c, i) => {
    const id = c.id ?? (i === 0 ? 'client' : `client${i + 1}`)
    const relay = servers.find((x) => x.id === id)
    if (relay) return { id, role: 'client', kind: 'mta', host: relay.host, ip: relay.ip }
    return { id, role: 'client', host: c.host ?? DEFAULT_CLIENT.host, ip: c.ip ?? `192.0.2.${10 + i}`, ...(c.kind ? { kind: c.kind } : {}) }
  })
  const routers: Actor[] = (spec.routers ?? []).map((r, i) => ({
    id: r.id,
    role: 'router',
    host: r.host ?? `edge${i + 1}.isp.example`,
    ip: r.ip ?? `203.0.113.${1 + i}`,
  }))
  const resolver: Actor | null = spec.dns
    ? { id: spec.dns.id ?? 'dns', role: 'dns', host: spec.dns.host ?? 'resolver.example', ip: spec.dns.ip ?? '192.0.2.53' }
    : null
  const all = [...clients.filter((c) => !servers.some((x) => x.id === c.id)), ...servers, ...routers, ...(resolver ? [resolver] : [])]
  const actors = spec.lanes ? spec.lanes.flatMap((id) => all.filter((a) => a.id === id)) : all
  if (actors.length !== all.length) problems.push('lanes must name every actor once')

  /** One segment on the wire; `note` is the scenario's own words for it. */
  const push = (c: Conn, r: TcpStepResult, fields: StepFields, note?: Bilingual) => {
    snapshot = null
    steps.push({
      index: steps.length,
      from: r.segment.from === 'client' ? c.client.id : c.spec.id,
      to: r.segment.from === 'client' ? c.spec.id : c.client.id,
      tcp: r.segment,
      time: clock,
      ...fields,
      ...(note ? { note } : {}),
    })
    c.tcp = r.conn
  }

  const dataStep = (
    c: Conn,
    from: Side,
    lines: readonly string[],
    kind: StepKind,
    rfc: string,
    before: string,
    after: string,
    note?: Bilingual,
    replies?: Step['replies'],
    secret?: Secret,
  ) => {
    const bytes = lines.map((l) => l + CRLF).join('')
    const octets = byteLength(bytes)
    const tls = c.secure ? { recordOctets: recordLength(octets) } : undefined
    const r = sendData(c.tcp, from, tls ? tls.recordOctets : octets)
    push(
      c,
      r,
      {
        layer: c.spec.protocol,
        lines,
        bytes,
        kind,
        rfc,
        stateBefore: before,
        stateAfter: after,
        ...(tls ? { tls } : {}),
        ...(replies ? { replies } : {}),
        ...(secret ? { secret } : {}),
      },
      note,
    )
  }

  const tlsHandshake = (c: Conn) => {
    for (const f of TLS13_HANDSHAKE) {
      push(c, sendData(c.tcp, f.from, f.octets), {
        layer: 'tls',
        lines: f.messages,
        bytes: '',
        kind: { layer: 'tls', key: f.key },
        rfc: f.rfc,
        stateBefore: 'tls-handshake',
        stateAfter: 'tls-handshake',
      })
    }
    c.secure = true
  }

  const close = (c: Conn, first: Side) => {
    teardown(c.tcp, first).forEach((r, i) => {
      push(c, r, {
        layer: 'tcp',
        lines: [],
        bytes: '',
        kind: { layer: 'tcp', key: FIN_KEYS[i] ?? 'fin-first', closer: first, protocol: c.spec.protocol },
        rfc: 'RFC 9293 §3.6',
        stateBefore: r.before,
        stateAfter: r.after,
      })
    })
    c.open = false
    c.adapter.finish()
  }

  /** The server's answer: one segment with all its replies, then what the answer set off (TLS, delivery, close). */
  const serverTurn = (c: Conn, turn: ServerTurn, note?: Bilingual) => {
    flushDns()
    if (turn.replies.length > 0) {
      const lines = turn.replies.flatMap((r: EngineReply) => r.lines)
      const failed = turn.replies.filter((r) => r.cls === 'transient' || r.cls === 'permanent').at(-1)
      if (failed) lastError = failed.lines.join(' ')
      const last = turn.replies[turn.replies.length - 1] as EngineReply
      dataStep(
        c,
        'server',
        lines,
        { layer: c.spec.protocol, key: 'reply', replyId: last.id },
        last.rfc,
        turn.stateBefore,
        turn.stateAfter,
        note,
        turn.replies.map((r) => ({
          id: r.id,
          status: r.status,
          cls: r.cls,
          ...(r.enhanced ? { enhanced: r.enhanced } : {}),
          ...(r.message ? { message: true as const } : {}),
        })),
      )
    }
    for (const e of turn.events) {
      if (e.type === 'delivered') {
        delivered.push({ at: steps.length - 1, server: c.spec.id, message: e.message })
        deliver(world, e.message)
      }
      if (e.type === 'authenticated' && c.spec.protocol === 'pop3') popLogins.set(c.client.ip, clock)
      if (e.type === 'tls-start') tlsHandshake(c)
    }
    if (turn.events.some((e) => e.type === 'close')) close(c, 'server')
  }

  const find = (clientId: string | undefined, serverId: string | undefined) => {
    const server = serverId === undefined ? spec.servers[0] : spec.servers.find((x) => x.id === serverId)
    const client = clientId === undefined ? clients[0] : clients.find((x) => x.id === clientId)
    return server && client ? { server, client, key: `${client.id}|${server.id}` } : null
  }

  /** Queries an engine made while answering, put on the timeline before its reply. */
  let pendingDns: { from: string; answer: DnsAnswer; purpose: DnsPurpose; verdict?: Step['verdict'] }[] = []
  let dnsQueries = 0

  /** One DNS exchange over UDP 53 (RFC 1035 §4.2.1): the query from `from`, the resolver's answer back. */
  const dnsExchange = (from: string, answer: DnsAnswer, purpose: DnsPurpose, verdict?: Step['verdict']) => {
    if (!resolver) return
    const id = (0x1a2b + 7919 * dnsQueries) & 0xffff
    const port = ephemeralPort(`${spec.seed}/dns/${dnsQueries++}`)
    const q = queryMessage(id, answer.question)
    const r = responseMessage(id, answer)
    const rrtype = answer.question.type === 'PTR' ? 'A' : answer.question.type
    const base = { time: clock, rfc: 'RFC 1035 §4.1', stateBefore: '', stateAfter: '' }
    snapshot = null
    steps.push({
      ...base,
      index: steps.length,
      from,
      to: resolver.id,
      layer: 'dns',
      lines: [questionText(answer.question)],
      bytes: latin1(q),
      udp: { srcPort: port, dstPort: 53, len: q.length },
      kind: { layer: 'dns', key: 'query', rrtype, purpose },
    })
    const lines = answerLines(answer)
    steps.push({
      ...base,
      index: steps.length,
      from: resolver.id,
      to: from,
      layer: 'dns',
      lines,
      bytes: latin1(r),
      rfc: answer.rfc,
      udp: { srcPort: 53, dstPort: port, len: r.length },
      kind: { layer: 'dns', key: 'response', rrtype, purpose, rcode: answer.rcode === 'NOERROR' && answer.answers.length === 0 ? 'NODATA' : answer.rcode },
      ...(verdict ? { verdict } : {}),
    })
  }

  const flushDns = () => {
    const pending = pendingDns
    pendingDns = []
    for (const p of pending) dnsExchange(p.from, p.answer, p.purpose, p.verdict)
  }

  /** Queues a check's DNS answers; the last one carries what the check concluded. */
  const queueCheck = (from: string, answers: readonly DnsAnswer[], purpose: DnsPurpose, verdict: NonNullable<Step['verdict']>) => {
    answers.forEach((answer, i) => pendingDns.push({ from, answer, purpose, ...(i === answers.length - 1 ? { verdict } : {}) }))
  }

  /**
   * What a receiving MTA checks before it answers the dot: SPF on the envelope sender and client address (RFC 7208
   * §2.4), the DKIM signature (RFC 6376 §6), DMARC on the header From: (RFC 7489 §6.6); the results go into
   * Authentication-Results (RFC 8601), and p=reject refuses the message (RFC 7489 §6.7).
   */
  const checksFor = (server: Actor, zone: Zone) => (m: MessageToCheck) => {
    const lookup = (q: Parameters<typeof resolve>[1]) => resolve(zone, q)
    const domain = domainOf(m.reversePath) || m.helo
    const check = { ip: m.clientAddress, domain, sender: m.reversePath || `postmaster@${m.helo}`, helo: m.helo }
    const spf = checkSpf(check, lookup)
    queueCheck(server.id, spf.queries, 'spf', { check: 'spf', result: spf.result, domain: spf.domain, ...(spf.mechanism ? { detail: spf.mechanism } : {}) })
    const dkim = dkimVerify(m.content, lookup)
    queueCheck(server.id, dkim.queries, 'dkim', {
      check: 'dkim',
      result: dkim.result,
      domain: dkim.domain ?? '',
      ...(dkim.reason ? { detail: dkim.reason } : {}),
    })
    const fromDomain = headerFromDomain(m.content)
    const dmarc = checkDmarc(
      { fromDomain, spf: { result: spf.result, domain: spf.domain }, dkim: dkim.domain ? [{ result: dkim.result, domain: dkim.domain }] : [] },
      lookup,
    )
    queueCheck(server.id, dmarc.queries, 'dmarc', { check: 'dmarc', result: dmarc.result, domain: fromDomain, detail: `p=${dmarc.policy ?? 'none'}` })
    const header = authenticationResults(server.host, { spf: { ...spf, check }, dkim, dmarc: { ...dmarc, fromDomain } }, { fold: true })
    return { header, ...(dmarc.disposition === 'reject' ? { reject: { domain: fromDomain } } : {}) }
  }

  /**
   * A SYN that a router drops (OP25B): no SYN-ACK comes, so the client retransmits with a doubling timeout,
   * 1 s first (RFC 6298 §2.1, §5.5; RFC 9293 §3.8.1), and gives up. Nothing reaches the server.
   */
  const dropped = (client: Actor, s: ServerSpec, routerId: string, port: number, note?: Bilingual) => {
    const conn = newConnection(ephemeralPort(`${spec.seed}/${s.id}/${connections++}`), port)
    let rto = 1
    for (let attempt = 1; attempt <= SYN_ATTEMPTS; attempt++) {
      const [syn] = handshake(conn)
      if (!syn) break
      snapshot = null
      steps.push({
        index: steps.length,
        from: client.id,
        to: routerId,
        tcp: syn.segment,
        time: clock,
        layer: 'tcp',
        lines: [],
        bytes: '',
        kind: { layer: 'tcp', key: 'syn-dropped', attempt, last: attempt === SYN_ATTEMPTS },
        rfc: attempt === 1 ? 'RFC 9293 §3.5' : 'RFC 6298 §5.5',
        stateBefore: attempt === 1 ? 'client CLOSED' : 'client SYN-SENT',
        stateAfter: attempt === SYN_ATTEMPTS ? 'client CLOSED' : 'client SYN-SENT',
        dropped: true,
        ...(attempt === 1 && note ? { note } : {}),
      })
      clock += rto
      rto *= 2
    }
  }

  /** Opens a TCP connection: handshake, TLS first on 465/995/993 (RFC 8314 §3), the greeting. */
  const connect = (clientId: string | undefined, serverId: string | undefined, fresh: boolean, synNote?: Bilingual, greetingNote?: Bilingual): Conn | null => {
    const found = find(clientId, serverId)
    if (!found) {
      problems.push(`no actor "${serverId ?? clientId ?? ''}"`)
      snapshot = null
      return null
    }
    const { server: s, client, key } = found
    const existing = conns.get(key)
    if (existing && !fresh) return existing
    if (existing?.open) {
      problems.push(`already connected to ${s.id}`)
      snapshot = null
      return existing
    }
    const port = resolveOptions(s.protocol, s.options).port
    const router = (spec.routers ?? []).find((r) => r.block.port === port && r.block.from.includes(client.id) && !r.block.inside.includes(s.id))
    if (router) {
      dropped(client, s, router.id, port, synNote)
      return null
    }
    const options: ServerOptions = {
      clientAddress: client.ip,
      clientHost: client.host,
      // RFC 1939 §7: the APOP timestamp must differ on every connection (process id and clock, as in the RFC).
      ...(s.protocol === 'pop3' ? { apopTimestamp: `<${1896 + connections}.${697170952 + clock}@${resolveOptions('pop3', s.options).hostname}>` } : {}),
      ...s.options,
      now: () => clock,
      ...(s.popBeforeSmtpWindow !== undefined
        ? { popBeforeSmtp: { windowSeconds: s.popBeforeSmtpWindow, lastPopLogin: (ip: string) => popLogins.get(ip) } }
        : {}),
      ...(s.greylistDelay !== undefined ? { greylist: { delaySeconds: s.greylistDelay, firstSeen: firstSeenIn(greylists, s.id) } } : {}),
      ...(s.mynetworks ? { trustedClient: s.mynetworks.includes(client.id) } : {}),
      ...(s.checks && spec.dns ? { checkMessage: checksFor(servers.find((x) => x.id === s.id) as Actor, spec.dns.zone) } : {}),
    }
    const adapter = createAdapter(s.protocol, options, world)
    const greeting = adapter.server.openTurn()
    const c: Conn = {
      spec: s,
      client,
      adapter,
      greeting: greeting.replies.flatMap((r) => r.lines),
      tcp: newConnection(ephemeralPort(`${spec.seed}/${s.id}/${connections++}`), port),
      secure: false,
      open: true,
    }
    conns.set(key, c)
    handshake(c.tcp).forEach((r, i) => {
      push(
        c,
        r,
        {
          layer: 'tcp',
          lines: [],
          bytes: '',
          kind: { layer: 'tcp', key: SYN_KEYS[i] ?? 'syn', protocol: s.protocol, ...(IMPLICIT_TLS_PORTS.includes(port) ? { tlsFirst: true as const } : {}) },
          rfc: 'RFC 9293 §3.5',
          stateBefore: r.before,
          stateAfter: r.after,
        },
        i === 0 ? synNote : undefined,
      )
    })
    if (IMPLICIT_TLS_PORTS.includes(port)) tlsHandshake(c)
    serverTurn(c, greeting, greetingNote)
    return c
  }

  /** One client line: the engine's turn says what the line was (its kind, its RFC section, a secret on it). */
  const sendLine = (c: Conn, line: string, a: ActionNotes) => {
    const before = c.adapter.server.state
    const turn = c.adapter.server.exchange(line)
    const input = turn.input ?? { kind: 'unknown', rfc: '' }
    const kind: StepKind = input.kind === 'body' ? { layer: c.spec.protocol, key: 'body' } : { layer: c.spec.protocol, key: 'command', command: input.kind }
    // A line carrying CRLFs (an IMAP literal sent in one write) is shown as the wire lines it is.
    dataStep(c, 'client', line.split(CRLF), kind, input.rfc, before, turn.stateAfter, a.note, undefined, input.secret)
    serverTurn(c, turn, a.replyNote)
  }

  /** The signing MTA puts DKIM-Signature on top of what it sends (RFC 6376 §5), c=relaxed/relaxed, rsa-sha256. */
  const signedLines = (lines: readonly string[], signer: { readonly domain: string; readonly selector: string } | undefined): string[] => {
    if (!signer) return [...lines]
    const message = lines.map((l) => `${l}${CRLF}`).join('')
    const field = dkimSign(message, { ...signer, privateKeyPem: TEACHING_KEY_PEM }, { time: DKIM_EPOCH + clock })
    return [...field.split(CRLF), ...lines]
  }

  /** The message the relaying server (the client of this connection) queued last, as it sends it on. */
  const forwarded = (c: Conn, footer: readonly string[]): string[] | null => {
    const queued = delivered.filter((d) => d.server === c.client.id).at(-1)
    if (!queued) {
      problems.push(`${c.client.id} has no queued message to forward`)
      snapshot = null
      return null
    }
    // RFC 5321 §4.4: Return-Path belongs to final delivery; mail that is sent on does not carry one.
    const lines = queued.message.content.replace(/^Return-Path:[^\r]*\r\n/, '').split('\r\n')
    if (lines.at(-1) === '') lines.pop()
    // A footer added on the way changes the body after any signature made before (RFC 6376 §3.4.4: bh= fails).
    return [...signedLines(lines, spec.servers.find((x) => x.id === c.client.id)?.dkim), ...footer]
  }

  const apply = (a: Action) => {
    if (a.type === 'wait') {
      clock += a.seconds
      return
    }
    if (a.type === 'connect') {
      connect(a.from, a.to, true, a.note, a.replyNote)
      return
    }
    if (a.type === 'resolve') {
      if (!spec.dns) {
        problems.push('resolve needs a dns resolver in the lesson')
        snapshot = null
        return
      }
      const from = a.from ?? clients[0]?.id ?? 'client'
      const found = findMailExchangers(spec.dns.zone, a.domain)
      const before = steps.length
      for (const answer of found.queries) dnsExchange(from, answer, answer.question.type === 'MX' ? 'mx' : 'address')
      const first = steps[before]
      if (a.note && first) steps[before] = { ...first, note: a.note }
      return
    }
    // Opening a connection by the way: the action's notes belong to its own line, not to the greeting.
    const c = connect(a.from, a.to, false)
    if (!c) return
    if (!c.open) {
      problems.push(`the connection to ${c.spec.id} is closed`)
      snapshot = null
      return
    }
    switch (a.type) {
      case 'send':
        sendLine(c, a.line, a)
        break
      case 'apop': {
        // RFC 1939 §7: digest = MD5(timestamp from the greeting + shared secret), as lowercase hex.
        const stamp = /<[^<>]*>/.exec(c.greeting[0] ?? '')?.[0]
        if (!stamp) {
          problems.push('APOP: the greeting has no timestamp')
          snapshot = null
          break
        }
        sendLine(c, `APOP ${a.user} ${apopDigest(stamp, a.password)}`, a)
        break
      }
      case 'pipeline': {
        const before = c.adapter.server.state
        const turns = a.lines.map((l) => c.adapter.server.exchange(l))
        const secret = turns.find((t) => t.input?.secret)?.input?.secret
        dataStep(c, 'client', a.lines, { layer: c.spec.protocol, key: 'pipeline' }, 'RFC 2920 §3', before, c.adapter.server.state, a.note, undefined, secret)
        serverTurn(
          c,
          { replies: turns.flatMap((t) => t.replies), events: turns.flatMap((t) => t.events), stateBefore: before, stateAfter: c.adapter.server.state },
          a.replyNote,
        )
        break
      }
      case 'body':
      case 'forward': {
        // A bounce quotes the refusal it reports (RFC 3464 §2.3.6 Diagnostic-Code): {{lastError}} is that line.
        const lines =
          a.type === 'body'
            ? signedLines(
                a.lines.map((l) => l.replace('{{lastError}}', lastError)),
                a.dkim,
              )
            : forwarded(c, a.footer ?? [])
        if (!lines) break
        const m = c.adapter.sendMessage(lines)
        if (!m) {
          problems.push(`${c.spec.protocol} has no message body to send`)
          snapshot = null
          break
        }
        if (m.answeredEarly) problems.push('the server answered inside the message body (was DATA accepted?)')
        dataStep(c, 'client', m.wire, { layer: c.spec.protocol, key: 'body' }, m.rfc, m.before, m.after, a.note)
        // The note belongs to the message, not to the dot; the reply to the dot gets the reply note.
        dataStep(c, 'client', ['.'], { layer: c.spec.protocol, key: 'command', command: '.' }, m.end.input?.rfc ?? '', m.end.stateBefore, m.end.stateAfter)
        serverTurn(c, m.end, a.replyNote)
        break
      }
      case 'close':
        close(c, 'client')
        break
    }
  }

  const timeline = (): Timeline => {
    snapshot ??= { actors, steps: steps.slice(), delivered: delivered.slice(), problems: problems.slice() }
    return snapshot
  }

  return {
    apply,
    timeline,
    get length() {
      return steps.length
    },
    connection(clientId, serverId) {
      const found = find(clientId, serverId)
      const c = found ? conns.get(found.key) : undefined
      if (!c) return null
      return {
        open: c.open,
        state: c.adapter.server.state,
        greeting: c.greeting[0] ?? '',
        continuation: c.open ? c.adapter.continuation() : null,
        pipelining: c.open && c.adapter.pipelining(),
      }
    },
    finish() {
      const open = [...conns.values()].filter((c) => c.open).map((c) => `the connection to ${c.spec.id} was left open`)
      const t = timeline()
      return open.length > 0 ? { ...t, problems: [...t.problems, ...open] } : t
    },
  }
}

/** The TCP segment of a step that travels over TCP; throws for a DNS (UDP) step, a programming error. */
export function segmentOf(step: Step): Segment {
  if (!step.tcp) throw new Error(`step ${step.index} is not a TCP segment`)
  return step.tcp
}

/** Folds a whole session into its timeline (lessons, at build time). */
export function buildTimeline(spec: SessionSpec): Timeline {
  const b = createTimelineBuilder(spec)
  for (const a of spec.actions) b.apply(a)
  return b.finish()
}

/** 2024-01-01T10:00:00Z in seconds since 1970: the lab clock's zero, for DKIM's t= (RFC 6376 §3.5). */
const DKIM_EPOCH = 1704103200

/** The octets of a binary message as a latin1 string (one char per octet), as Step.bytes holds them. */
function latin1(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += String.fromCharCode(b)
  return out
}

/** The domain of an address (`a@b.example` → `b.example`); '' for the null path. */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@')
  return at < 0 ? '' : address.slice(at + 1).toLowerCase()
}

/** The domain of the header From: (RFC 5322 §3.6.2), which DMARC aligns against (RFC 7489 §3.1). */
function headerFromDomain(content: string): string {
  const head = content.split('\r\n\r\n', 1)[0] ?? ''
  const m = /^From:((?:.*)(?:\r\n[ \t].*)*)/im.exec(head)
  if (!m) return ''
  const text = m[1] ?? ''
  const angle = /<([^<>]*)>/.exec(text)
  return domainOf((angle ? angle[1] : text)?.trim() ?? '')
}

/** Greylisting memory per server: the first time each triplet was seen. */
function firstSeenIn(all: Map<string, Map<string, number>>, serverId: string): (key: string, now: number) => number {
  let seen = all.get(serverId)
  if (!seen) {
    seen = new Map()
    all.set(serverId, seen)
  }
  const m = seen
  return (key, now) => {
    const t = m.get(key)
    if (t !== undefined) return t
    m.set(key, now)
    return now
  }
}
