// An imported connection becomes a lesson like the built-in ones (issue 11, "An imported session is a lesson"):
// actors with the real addresses, TCP control segments, TLS records, and each application write as one step
// with its lines, the real seq/ack/len when the capture had them, and the engine check's verdict.
import { captionOf, type Caption } from '../content'
import type { FullLesson } from '../lessons/lesson'
import { phaseStarts } from '../lessons/phases'
import { byteLength, type Actor, type Bilingual, type Step, type StepKind, type Timeline } from '../model'
import type { Segment, TcpFlag } from '../model/tcp/tcp'
import { checkConnection, type CheckResult } from './check'
import { fromBinary } from './transcript/build'
import type { Chunk, ImportedConnection } from './types'

const TLS_PORTS = [465, 993, 995]

export interface ImportedLesson {
  readonly lesson: FullLesson
  readonly check: CheckResult
  /** How many application steps the engine answers differently. */
  readonly differs: number
}

/** `client ip:port → server ip:port (protocol)`, the connection's name in the picker. */
export function connectionLabel(c: ImportedConnection): string {
  const end = (e: ImportedConnection['client']) => (e.port > 0 ? `${e.ip.includes(':') ? `[${e.ip}]` : e.ip}:${e.port}` : e.ip)
  return `${end(c.client)} → ${end(c.server)} (${c.protocol === 'unknown' ? 'not mail' : c.protocol.toUpperCase()})`
}

function classOfStatus(status: string): 'positive' | 'intermediate' | 'transient' | 'permanent' {
  if (/^2/.test(status) || status === '+OK' || status === 'OK' || status === 'PREAUTH') return 'positive'
  if (/^3/.test(status) || status === '+') return 'intermediate'
  if (/^4/.test(status) || status === 'NO') return 'transient'
  return 'permanent'
}

/** The status of each answer in a server write, for the arrow's colour (the last one decides). */
function repliesOf(protocol: 'smtp' | 'pop3' | 'imap', lines: readonly string[], replyId: string | undefined, message: boolean): Step['replies'] {
  const out: { id: string; status: string; cls: ReturnType<typeof classOfStatus>; enhanced?: string; message?: true }[] = []
  for (const l of lines) {
    let status: string | undefined
    let enhanced: string | undefined
    if (protocol === 'smtp') {
      const m = /^(\d{3})(?: (\d\.\d{1,3}\.\d{1,3})(?= |$))?(?: |$)/.exec(l)
      status = m?.[1]
      enhanced = m?.[2]
    } else if (protocol === 'pop3') status = /^(\+OK|-ERR)\b/.exec(l)?.[1] ?? (l === '+' || l.startsWith('+ ') ? '+' : undefined)
    else status = /^(?:\*|[^\s*+]+) (OK|NO|BAD|PREAUTH)\b/i.exec(l)?.[1]?.toUpperCase() ?? (l === '+' || l.startsWith('+ ') ? '+' : undefined)
    if (status !== undefined)
      out.push({
        id: replyId ?? 'imported',
        status,
        cls: classOfStatus(status),
        ...(enhanced ? { enhanced } : {}),
        ...(message ? { message: true as const } : {}),
      })
    if (protocol === 'pop3' && out.length > 0) break
  }
  return out.length > 0 ? out : undefined
}

const TCP_CAPTIONS: Record<string, Caption> = {
  rst: {
    ja: 'RST: この側が TCP 接続を一方的に打ち切りました。FIN による通常の切断とは違い、相手の確認を待ちません (RFC 9293 §3.5.2)。',
    en: 'RST: this side broke the TCP connection off at once. Unlike the usual close with FIN, it does not wait for the other side (RFC 9293 §3.5.2).',
  },
  ack: {
    ja: 'データを運ばない ACK です。受け取ったバイトまでを確認番号で相手に知らせます (RFC 9293 §3.4)。',
    en: 'An ACK with no data: its acknowledgement number tells the other side how far the bytes arrived (RFC 9293 §3.4).',
  },
}

function tlsCaption(octets: number, records: number): Caption {
  return {
    ja: `TLS レコード ${records} 個、合計 ${octets} オクテットです。中身は暗号化されているので、キャプチャからは長さしか分かりません (RFC 8446 §5.2)。`,
    en: `${records} TLS record${records === 1 ? '' : 's'}, ${octets} octets in all. The contents are encrypted, so a capture shows only their lengths (RFC 8446 §5.2).`,
  }
}

const PARTIAL: Caption = {
  ja: 'この書き込みは一部しかキャプチャされていません (取りこぼし、またはスナップ長で切れています)。欠けた部分は推測していません。',
  en: 'This write was only partly captured (a gap, or cut by the snap length); the missing part is not guessed.',
}

/** Turns one imported connection into a lesson, checking it with the engine first. */
export function importedLesson(c: ImportedConnection, title?: Bilingual): ImportedLesson {
  const check = checkConnection(c)
  const protocol = c.protocol === 'unknown' ? 'smtp' : c.protocol
  const hostname = check.options.hostname
  const actors: Actor[] = [
    { id: 'client', role: 'client', host: c.client.ip, ip: c.client.ip },
    { id: 'server', role: 'server', host: hostname ?? c.server.ip, ip: c.server.ip, protocol, ...(c.server.port > 0 ? { port: c.server.port } : {}) },
  ]
  const steps: Step[] = []
  const captions: (Caption | null)[] = []
  const next = { client: 0, server: 0 }
  let synSeen = false
  let fins = 0
  let lastFinFrom: Chunk['from'] | null = null
  let differs = 0
  const implicitTls = TLS_PORTS.includes(c.server.port)
  c.chunks.forEach((k, i) => {
    const other = k.from === 'client' ? 'server' : 'client'
    const lines = k.tlsRecords ? k.tlsRecords.map((n) => `TLS record (${n} octets)`) : splitWire(k.data)
    const octets = k.tlsRecords ? k.tlsRecords.reduce((a, b) => a + b, 0) : k.data.length
    const flags: TcpFlag[] = k.flags ? [...k.flags] : octets > 0 ? ['PSH', 'ACK'] : ['ACK']
    const seg: Segment = {
      from: k.from,
      flags,
      srcPort: k.from === 'client' ? c.client.port : c.server.port,
      dstPort: k.from === 'client' ? c.server.port : c.client.port,
      seq: k.seq ?? next[k.from],
      ack: k.ack ?? (flags.includes('ACK') ? next[other] : 0),
      len: k.len ?? octets,
    }
    next[k.from] = seg.seq + seg.len + (flags.includes('SYN') ? 1 : 0) + (flags.includes('FIN') ? 1 : 0)
    const base = { index: steps.length, from: k.from, to: other, tcp: seg, time: k.time, bytes: '', stateBefore: '', stateAfter: '' }
    if (octets === 0) {
      // A TCP control segment (RFC 9293 §3.5, §3.6).
      let key: Extract<StepKind, { layer: 'tcp' }>['key'] = 'ack'
      let own: Caption | null = null
      if (flags.includes('RST')) own = TCP_CAPTIONS.rst ?? null
      else if (flags.includes('SYN')) {
        key = flags.includes('ACK') ? 'syn-ack' : 'syn'
        synSeen = true
      } else if (flags.includes('FIN')) {
        key = fins === 0 ? 'fin-first' : 'fin-second'
        fins++
        lastFinFrom = k.from
      } else if (fins > 0 && lastFinFrom !== k.from) key = fins === 1 ? 'ack-fin-first' : 'ack-fin-second'
      else if (!(synSeen && steps.length === 2)) own = TCP_CAPTIONS.ack ?? null
      const firstFin = c.chunks.find((x) => x.flags?.includes('FIN'))?.from ?? 'server'
      const step: Step = { ...base, layer: 'tcp', lines: [], kind: { layer: 'tcp', key, closer: firstFin }, rfc: 'RFC 9293 §3.5, §3.6' }
      steps.push(step)
      captions.push(own ?? captionOf(step) ?? null)
      return
    }
    if (k.tlsRecords) {
      const step: Step = {
        ...base,
        layer: 'tls',
        lines,
        kind: { layer: 'tls', key: k.from === 'client' ? 'client-hello' : 'server-flight' },
        rfc: 'RFC 8446 §5.2',
        tls: { recordOctets: octets },
      }
      steps.push(step)
      captions.push(tlsCaption(octets, k.tlsRecords.length))
      return
    }
    const v = check.verdicts[i]
    const isBody = v?.command === 'body' || v?.command === '.' || v?.command === 'literal-data'
    const kind: StepKind =
      k.from === 'client'
        ? isBody && lines.length > 1
          ? { layer: protocol, key: 'body' }
          : { layer: protocol, key: 'command', command: v?.command ?? 'unknown' }
        : { layer: protocol, key: 'reply', replyId: v?.replyId ?? 'imported' }
    const replies = k.from === 'server' ? repliesOf(protocol, lines, v?.replyId, v?.message === true) : undefined
    const step: Step = {
      ...base,
      layer: protocol,
      lines,
      bytes: fromBinary(k.data),
      kind,
      rfc: v?.rfc ?? '',
      stateBefore: v?.stateBefore ?? '',
      stateAfter: v?.stateAfter ?? '',
      ...(k.decrypted || implicitTls ? { tls: { recordOctets: byteLength(fromBinary(k.data)) + 22 } } : {}),
      ...(replies ? { replies } : {}),
      ...(v?.secret ? { secret: v.secret } : {}),
      ...(v ? { check: v.check } : {}),
    }
    if (v?.check === 'differs') differs++
    steps.push(step)
    const generic = (k.from === 'client' || v?.replyId ? captionOf(step) : undefined) ?? null
    const parts = [v?.check === 'differs' ? v.why : undefined, k.partial ? PARTIAL : undefined, generic ?? undefined].filter(
      (x): x is Caption => x !== undefined,
    )
    captions.push(parts.length > 0 ? { ja: parts.map((x) => x.ja).join(' '), en: parts.map((x) => x.en).join(' ') } : null)
  })
  const timeline: Timeline = { actors, steps, delivered: [], problems: [] }
  const phases = phaseStarts(steps)
  const name = connectionLabel(c)
  return {
    lesson: {
      id: 'import',
      title: title ?? { ja: `取り込んだセッション ${name}`, en: `Imported session ${name}` },
      summary: {
        ja: `取り込んだセッションです (${name})。サーバの応答をエンジンと比べ、違う応答には印を付けています: ${differs} 件。`,
        en: `An imported session (${name}). Each server reply is checked against our engine; ${differs} differ${differs === 1 ? 's' : ''}.`,
      },
      timeline,
      captions,
      phases: phases.starts,
      phaseState: phases.state,
    },
    check,
    differs,
  }
}

/** A write's wire lines without their CRLF (a last line without one is kept). */
function splitWire(data: string): string[] {
  const out = fromBinary(data).split('\r\n')
  if (out[out.length - 1] === '') out.pop()
  return out
}
